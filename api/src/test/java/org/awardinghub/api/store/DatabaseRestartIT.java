package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.HttpClientForTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The packaged application on the postgres profile, under load, while its PostgreSQL server is stopped and started
 * again: while the database is down every request answers a 503 problem with {@code Retry-After} in bounded time,
 * never a 500 and never a hang; once it is back the application serves again on its own, without a restart, and
 * every registration it acknowledged is there, and none it refused. The server is one of the test's own
 * ({@link PrivatePostgres}), so stopping it disturbs nothing else; runs where {@code AWARDING_TEST_POSTGRES_URL} says
 * PostgreSQL is installed, and only when asked for (ADR 0159): {@code -Ddatabase-restart.down-seconds=15} sets the
 * outage and runs it:
 * a request waits up to the pool's 5 s for a connection before its 503, so a client whose request was in flight at
 * the stop sends its next one about 5 s into the outage, and needs 5 s more for that answer to fall inside it.
 */
@EnabledIfEnvironmentVariable(named = "AWARDING_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
@EnabledIfSystemProperty(named = "database-restart.down-seconds", matches = "[1-9][0-9]*")
class DatabaseRestartIT {

    private static final Duration DOWN = Duration.ofSeconds(Integer.getInteger("database-restart.down-seconds", 15));
    private static final Duration LOAD_BEFORE = Duration.ofSeconds(3);
    private static final Duration RECOVERY_LIMIT = Duration.ofMinutes(1);
    /** The longest a request may wait for an answer while the database is down: never a client's whole timeout. */
    private static final Duration ANSWER_LIMIT = Duration.ofSeconds(10);

    private static final Path DATA_DIR =
            Path.of("target", "database-restart-data").toAbsolutePath();
    private static final Path REPORT = Path.of("target", "database-restart.md");

    private record Answer(long sentAt, long answeredAt, String what, HttpClientForTests.Response response) {
        long millis() {
            return TimeUnit.NANOSECONDS.toMillis(answeredAt - sentAt);
        }
    }

    private final List<Answer> answers = new CopyOnWriteArrayList<>();
    private final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedNames = ConcurrentHashMap.newKeySet();

    private String centreId;
    private String qualificationCode;
    private String coordinator;

    @Test
    void givenLoad_whenPostgresStopsAndStartsAgain_then503sWhileDownAndServingAgainOnItsOwnWithNothingLost()
            throws Exception {
        Path dataDir = PackagedApplication.emptied(DATA_DIR);
        try (PrivatePostgres postgres = PrivatePostgres.create()) {
            String url = postgres.createDatabase("awarding");
            int port = PackagedApplication.freePort();
            Process application = PackagedApplication.start(
                    port,
                    dataDir,
                    "database-restart.log",
                    Map.of("AWARDING_POSTGRES_URL", url, "AWARDING_POSTGRES_USER", "postgres"),
                    "--spring.profiles.active=postgres");
            try {
                HttpClientForTests http = new HttpClientForTests(port);
                String admin = RestartTest.awaitLogin(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
                AssessmentSteps steps = new AssessmentSteps(http, admin, dataDir);
                qualificationCode = steps.publish(60).code();
                centreId = steps.centre(qualificationCode);
                coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();

                AtomicBoolean done = new AtomicBoolean();
                ExecutorService clients = Executors.newFixedThreadPool(4);
                for (int client = 0; client < 2; client++) {
                    clients.submit(() -> untilDone(done, () -> register(http)));
                }
                clients.submit(() -> untilDone(done, () -> read(http, "/api/centres/" + centreId + "/candidates")));
                clients.submit(() -> untilDone(done, () -> read(http, "/api/me")));

                Thread.sleep(LOAD_BEFORE.toMillis());
                postgres.stop();
                long stopped = System.nanoTime();
                Thread.sleep(DOWN.toMillis());
                long restarting = System.nanoTime();
                postgres.start();
                long restarted = System.nanoTime();
                await().atMost(RECOVERY_LIMIT)
                        .pollInterval(Duration.ofMillis(200))
                        .alias("registrations succeed again without restarting the application")
                        .until(() -> answers.stream()
                                .anyMatch(a ->
                                        a.sentAt() > restarted && a.response().status() == 201));
                long recovered = answers.stream()
                        .filter(a -> a.sentAt() > restarted && a.response().status() == 201)
                        .mapToLong(Answer::answeredAt)
                        .min()
                        .orElseThrow();
                Thread.sleep(2_000);
                done.set(true);
                clients.shutdown();
                assertThat(clients.awaitTermination(2, TimeUnit.MINUTES)).isTrue();

                everyAnswerIsServedOrA503Problem();
                List<Answer> whileDown = answeredWhileDown(stopped, restarting);
                assertThat(whileDown)
                        .as("requests sent and answered while the database was down")
                        .isNotEmpty()
                        .allSatisfy(a -> assertThat(a.response().status())
                                .as(
                                        "%s sent %d ms after the stop, answered in %d ms",
                                        a.what(), (a.sentAt() - stopped) / 1_000_000, a.millis())
                                .isEqualTo(503))
                        .allSatisfy(a -> assertThat(a.millis())
                                .as("%s answered while down", a.what())
                                .isLessThanOrEqualTo(ANSWER_LIMIT.toMillis()));
                everyAcknowledgedRegistrationIsThereAndNoRefusedOne(http, admin);
                report(stopped, restarting, restarted, recovered, whileDown);
            } finally {
                application.destroy();
                application.waitFor(1, TimeUnit.MINUTES);
            }
        }
    }

    private void untilDone(AtomicBoolean done, Runnable step) {
        while (!done.get()) {
            step.run();
        }
    }

    private void register(HttpClientForTests http) {
        String lastName = "Outage" + AssessmentSteps.lettersOnly(AssessmentSteps.unique());
        long sent = System.nanoTime();
        var answer = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Restart",
                        "lastName",
                        lastName,
                        "dateOfBirth",
                        "2003-05-04",
                        "qualificationCode",
                        qualificationCode));
        answers.add(new Answer(sent, System.nanoTime(), "POST registration", answer));
        if (answer.status() == 201) {
            acknowledged.add(lastName);
        } else {
            refusedNames.add(lastName);
            pause();
        }
    }

    private void read(HttpClientForTests http, String path) {
        long sent = System.nanoTime();
        var answer = http.get(path, coordinator);
        answers.add(new Answer(sent, System.nanoTime(), "GET " + path, answer));
        pause();
    }

    private void everyAnswerIsServedOrA503Problem() {
        Predicate<Answer> served = a -> a.response().status() < 300;
        assertThat(answers).filteredOn(served.negate()).allSatisfy(a -> {
            assertThat(a.response().status()).as(a.what() + ": " + a.response()).isEqualTo(503);
            assertThat(a.response().contentType()).startsWith("application/problem+json");
            assertThat(a.response().header("Retry-After")).isNotBlank();
        });
    }

    /** Acknowledged ones in the read model once the processors caught up; refused ones nowhere. */
    private void everyAcknowledgedRegistrationIsThereAndNoRefusedOne(HttpClientForTests http, String admin) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    Set<String> listed = ConcurrentHashMap.newKeySet();
                    for (int page = 0; ; page++) {
                        var answer = http.get("/api/centres/" + centreId + "/candidates?size=200&page=" + page, admin);
                        assertThat(answer.status()).isEqualTo(200);
                        answer.json()
                                .path("items")
                                .forEach(c -> listed.add(c.path("lastName").asText()));
                        if (answer.json().path("items").size() < 200) {
                            break;
                        }
                    }
                    assertThat(listed).as("acknowledged registrations").containsAll(acknowledged);
                    assertThat(listed).as("refused registrations").doesNotContainAnyElementsOf(refusedNames);
                });
    }

    /** A request still waiting for a connection when the database comes back may be served: not counted. */
    private List<Answer> answeredWhileDown(long stopped, long restarting) {
        return answers.stream()
                .filter(a -> a.sentAt() > stopped && a.answeredAt() < restarting)
                .toList();
    }

    private void report(long stopped, long restarting, long restarted, long recovered, List<Answer> whileDown)
            throws IOException {
        long slowest = whileDown.stream().mapToLong(Answer::millis).max().orElse(0);
        String text = String.format(
                "| requests | acknowledged registrations | refused (503) | down for | requests while down | slowest answer"
                        + " while down | serving again after restart |%n|---|---|---|---|---|---|---|%n"
                        + "| %d | %d | %d | %.1f s | %d | %d ms | %.1f s |%n",
                answers.size(),
                acknowledged.size(),
                answers.stream().filter(a -> a.response().status() == 503).count(),
                (restarting - stopped) / 1e9,
                whileDown.size(),
                slowest,
                (recovered - restarted) / 1e9);
        Files.writeString(REPORT, text);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
