package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a random port, over a fresh data directory, driven through HTTP. Test classes
 * share one running application, so each test makes its own centres and users. Metrics are exported as in
 * production (Spring's tests turn them off unless asked), so that the Prometheus scrape can be tested.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureObservability(tracing = false)
@Import({ApplicationTest.TestClock.class, DeadLetterProbe.class})
public abstract class ApplicationTest {

    public static final String ADMIN_PIN = "10000001";
    public static final String ADMIN_PASSWORD = "bootstrap admin passphrase for tests";
    public static final String GOOD_PASSWORD = "a long enough passphrase 7";
    /** Public verification's limit per address and minute here: tests poll it from one address. */
    public static final int VERIFICATIONS_PER_MINUTE = 600;

    public static final int SNAPSHOT_EVERY_EVENTS = 3;
    private static final Pattern TOKEN_LINK = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");
    protected static final Path DATA_DIR = createDataDir();

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("awarding.data-dir", DATA_DIR::toString);
        registry.add("awarding.bootstrap.admin-pin", () -> ADMIN_PIN);
        registry.add("awarding.bootstrap.admin-password", () -> ADMIN_PASSWORD);
        registry.add("awarding.security.bcrypt-cost", () -> "10");
        registry.add("awarding.security.failed-sign-in-answer-time", () -> "150ms");
        registry.add("awarding.certification.verify-per-minute", () -> VERIFICATIONS_PER_MINUTE);
        // Every test signs in from 127.0.0.1 and the test clock seldom passes a minute: the per-address limits and
        // the resend wait are tried by SignInAbuseTest, on a context of its own.
        registry.add("awarding.security.sign-in-failures-per-minute", () -> "100000");
        registry.add("awarding.security.password-resets-per-minute", () -> "100000");
        registry.add("awarding.security.reset-resend-after", () -> "0s");
        // Snapshots every few events, so that every test's long-lived aggregates are also loaded from snapshots.
        registry.add("awarding.snapshots.every-events", () -> SNAPSHOT_EVERY_EVENTS);
        String probe = "axon.eventhandling.processors." + DeadLetterProbe.PROCESSING_GROUP;
        registry.add(probe + ".mode", () -> "pooled");
        registry.add(probe + ".thread-count", () -> "1");
        registry.add(probe + ".initial-segment-count", () -> "1");
        registry.add(probe + ".dlq.enabled", () -> "true");
    }

    @LocalServerPort
    protected int port;

    @Autowired
    private org.springframework.core.env.Environment environment;

    @Autowired
    protected MutableClock clock;

    protected HttpClientForTests http;

    @BeforeEach
    void connect() {
        http = new HttpClientForTests(port);
    }

    @Autowired
    private Scheduler deadlineScheduler;

    /**
     * Back to the real time. The deadline scheduler's poll waits until its clock reaches the end of the wait it
     * began, so after the clock is set back (by days, in some tests) it is woken, or it would sleep for days.
     */
    @AfterEach
    void resetClock() {
        clock.reset();
        deadlineScheduler.triggerCheckForDueExecutions();
    }

    protected static Path createDataDir() {
        try {
            // Under target/, so that `mvn clean` removes what the shared test application wrote.
            Path parent = Files.createDirectories(Path.of("target", "test-data").toAbsolutePath());
            return Files.createTempDirectory(parent, "awarding-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the steps a user takes, through HTTP -------------------------------------------------------------

    protected String signIn(String pin, String password) {
        var response = http.post("/api/auth/login", null, Map.of("pin", pin, "password", password));
        assertThat(response.status()).as("sign-in of %s: %s", pin, response).isEqualTo(200);
        return response.json().get("token").asText();
    }

    protected String adminToken() {
        return signIn(ADMIN_PIN, ADMIN_PASSWORD);
    }

    /** An approved centre offering the first sample qualification; answers its id. */
    protected String approvedCentre(String admin) {
        var created = http.post(
                "/api/centres",
                admin,
                Map.of(
                        "name",
                        "Centre " + unique(),
                        "address",
                        "1 Workshop Lane, Hertford",
                        "contactEmail",
                        "office@" + unique() + ".example"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String centreId = created.json().get("centreId").asText();
        var approved = http.post(
                "/api/centres/" + centreId + "/approve",
                admin,
                Map.of("qualificationCodes", List.of("LV2-MAINT"), "directClaimStatus", false));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        return centreId;
    }

    public record CreatedUser(String userId, String pin, String email) {}

    protected CreatedUser addUser(String token, String centreId, String... roles) {
        return addNamedUser(token, centreId, "Sam Example", roles);
    }

    protected CreatedUser addNamedUser(String token, String centreId, String name, String... roles) {
        String email = "user-" + unique() + "@centre.example";
        String path = centreId == null ? "/api/users" : "/api/centres/" + centreId + "/users";
        var response = http.post(path, token, Map.of("name", name, "email", email, "roles", List.of(roles)));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new CreatedUser(
                response.json().get("userId").asText(),
                response.json().get("pin").asText(),
                email);
    }

    /** The token of the newest email's link to this address, from the file the outbox names. */
    protected String tokenFromOutbox(String admin, String email) {
        return Outbox.token(http, admin, Path.of(environment.getProperty("awarding.data-dir")), email);
    }

    /** Adds a user, activates them through the emailed link and signs them in; answers their token. */
    protected String activeUser(
            String admin, String creatorToken, String centreId, CreatedUser[] created, String... roles) {
        CreatedUser user = addUser(creatorToken, centreId, roles);
        activate(admin, user);
        if (created != null) {
            created[0] = user;
        }
        return signIn(user.pin(), GOOD_PASSWORD);
    }

    /** Sets the user's password through the link of their activation email, read from the outbox as an IMI admin. */
    protected void activate(String admin, CreatedUser user) {
        var activation = http.post(
                "/api/auth/activate",
                null,
                Map.of("token", tokenFromOutbox(admin, user.email()), "password", GOOD_PASSWORD));
        assertThat(activation.status()).as(activation.toString()).isEqualTo(204);
    }

    protected JsonNode awaitJson(String path, String token, java.util.function.Predicate<JsonNode> until) {
        return http.awaitJson(path, token, Duration.ofSeconds(20), until);
    }

    /**
     * Reads the list at {@code path} whole, then a page of one item at a time ({@code page=0&size=1}, then page 1):
     * each page holds the item the whole list holds at that place, in the same order, and {@code X-Total-Count}
     * is the whole list's size on every answer. The list must hold at least {@code atLeast} items.
     */
    protected void assertPagesOfOne(String path, String token, int atLeast) {
        String paged = path + (path.contains("?") ? "&" : "?");
        // read models catch up asynchronously: the reads are repeated until the list holds still between them
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> {
                    var whole = http.get(path, token);
                    assertThat(whole.status()).as(whole.toString()).isEqualTo(200);
                    int total = whole.json().size();
                    assertThat(total).as("items in " + path).isGreaterThanOrEqualTo(atLeast);
                    assertThat(whole.header("X-Total-Count")).isEqualTo(String.valueOf(total));
                    for (int page = 0; page < 2; page++) {
                        var one = http.get(paged + "page=" + page + "&size=1", token);
                        assertThat(one.status()).as(one.toString()).isEqualTo(200);
                        assertThat(one.header("X-Total-Count"))
                                .as(path + " page " + page)
                                .isEqualTo(String.valueOf(total));
                        if (page < total) {
                            assertThat(one.json())
                                    .as(path + " page " + page)
                                    .containsExactly(whole.json().get(page));
                        } else {
                            assertThat(one.json()).as(path + " page " + page).isEmpty();
                        }
                    }
                });
        assertThat(http.get(paged + "page=0&size=0", token).status()).isEqualTo(400);
    }

    protected static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
