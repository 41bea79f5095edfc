package org.awardinghub.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.Outbox;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.store.RestartTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a hostile caller meets at the unauthenticated endpoints that take a PIN: a limit per address on failed
 * sign-ins and on reset requests, one reset link per user however often it is asked for, and the same answer time
 * whatever the PIN. On an application of its own with the production limits (the shared test application lifts
 * them, its every test coming from one address); the flood runs last, as it spends the address's minute.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignInAbuseTest {

    @TempDir
    static Path dataDir;

    /** The application's clock is this far behind the machine's, so that its clock minute starts as it starts. */
    private static long offsetMillis;

    private static RunningApplication app;
    private static HttpClientForTests http;
    private static String admin;

    @BeforeAll
    static void start() {
        offsetMillis = -(System.currentTimeMillis() % 60_000);
        app = RunningApplication.start(
                dataDir,
                Map.of(
                        RunningApplication.CLOCK_OFFSET,
                        offsetMillis + "ms",
                        // the cheapest hash bcrypt allows: the flood is about the limits, not the hashing's cost
                        "awarding.security.bcrypt-cost",
                        "4",
                        "awarding.security.sign-in-failures-per-minute",
                        "20",
                        "awarding.security.password-resets-per-minute",
                        "5",
                        "awarding.security.reset-resend-after",
                        "5m",
                        "awarding.security.password-reset-answer-time",
                        "300ms"));
        http = app.http();
        admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    @Order(1)
    void givenSignInsThatSucceed_whenManyFromOneAddress_thenNoneCountsAgainstIt() {
        for (int i = 0; i < 30; i++) {
            assertThat(http.post(
                                    "/api/auth/login",
                                    null,
                                    Map.of(
                                            "pin",
                                            ApplicationTest.ADMIN_PIN,
                                            "password",
                                            ApplicationTest.ADMIN_PASSWORD))
                            .status())
                    .as("a room signing in behind one address, " + i)
                    .isEqualTo(200);
        }
    }

    @Test
    @Order(2)
    void givenAKnownAndAnUnknownPin_whenAResetIsAsked_thenBothTakeAtLeastTheSameAnswerTime() {
        String pin = auditor("timing").pin;
        waitForAFreshMinute();

        for (String asked : List.of(pin, "93939393")) {
            long started = System.nanoTime();
            var answer = http.post("/api/auth/password-reset", null, Map.of("pin", asked));
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(answer.status()).isEqualTo(202);
            assertThat(tookMillis)
                    .as("answered no sooner than the policy says, PIN " + asked)
                    .isGreaterThanOrEqualTo(300);
        }
    }

    @Test
    @Order(3)
    void givenManyResetRequestsForOnePin_whenSent_thenOneLinkOneEventAndTheAddressLimited() {
        User user = auditor("flood");
        waitForAFreshMinute();
        long eventsBefore = resetEvents(user.userId);

        List<Integer> answers = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            answers.add(http.post("/api/auth/password-reset", null, Map.of("pin", user.pin))
                    .status());
        }

        // the timing test may have spent two of this minute's five
        int accepted = answers.lastIndexOf(202) + 1;
        assertThat(accepted).isBetween(1, 5);
        assertThat(answers.subList(0, accepted)).containsOnly(202);
        assertThat(answers.subList(accepted, 25)).as("past the address's limit").containsOnly(429);
        assertThat(http.get("/api/outbox?to=" + user.email, admin).json())
                .filteredOn(email -> email.get("subject").asText().contains("Reset"))
                .as("one reset email")
                .hasSize(1);
        assertThat(resetEvents(user.userId) - eventsBefore).as("one event").isEqualTo(1);
    }

    @Test
    @Order(4)
    void givenAFloodOfSignInsWithWrongPins_whenSentAtOnce_thenPastTheAddresssLimitTheyAreRefusedUnhashed()
            throws Exception {
        waitForAFreshMinute();
        List<Callable<HttpClientForTests.Response>> flood = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String pin = String.format("%08d", 90_000_000 + i);
            flood.add(() -> http.post("/api/auth/login", null, Map.of("pin", pin, "password", "not the password 1")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<HttpClientForTests.Response> answers = new ArrayList<>();
        try {
            for (Future<HttpClientForTests.Response> answer : pool.invokeAll(flood)) {
                answers.add(answer.get());
            }
        } finally {
            pool.shutdown();
        }

        assertThat(answers).allMatch(answer -> List.of(401, 429, 503).contains(answer.status()));
        assertThat(answers.stream().filter(answer -> answer.status() == 401).count())
                .as("wrong passwords checked: no more than the address's failures for the minute")
                .isLessThanOrEqualTo(20);
        List<HttpClientForTests.Response> limited =
                answers.stream().filter(answer -> answer.status() == 429).toList();
        assertThat(limited).hasSizeGreaterThanOrEqualTo(40).allSatisfy(answer -> {
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.header("Retry-After")).isEqualTo("60");
        });
        assertThat(http.get("/api/me", admin).status())
                .as("a signed-in user is served meanwhile")
                .isEqualTo(200);
    }

    private record User(String userId, String pin, String email) {}

    private static User auditor(String name) {
        String email = name + "-" + System.nanoTime() + "@abuse.example";
        var created = http.post(
                "/api/users", admin, Map.of("name", "Abuse " + name, "email", email, "roles", List.of("AUDITOR")));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var activated = http.post(
                "/api/auth/activate",
                null,
                Map.of("token", Outbox.token(http, admin, dataDir, email), "password", ApplicationTest.GOOD_PASSWORD));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(204);
        return new User(
                created.json().get("userId").asText(), created.json().get("pin").asText(), email);
    }

    /**
     * The limits count per minute of the application's clock: a step starts with at least a quarter of a minute of
     * it left (at once, unless the start took longer than that), more than any step here takes.
     */
    private static void waitForAFreshMinute() {
        while ((System.currentTimeMillis() + offsetMillis) % 60_000 > 45_000) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static long resetEvents(String userId) {
        return app.bean(JdbcTemplate.class)
                .queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ? AND payload_type LIKE ?",
                        Long.class,
                        userId,
                        "%PasswordResetRequested");
    }
}
