package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.ReadModels;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.files.SampleFiles;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The packaged application killed with SIGKILL under mixed load (registrations, answers, uploads), round after
 * round, each time started again on the same data directory: nothing it acknowledged is lost, and at the end every
 * read model equals a rebuild from the events, so nothing was applied twice either. Runs against the built jar, in
 * a JVM of its own, after {@code package} ({@code mvn verify}). A long variant, run only when asked for with
 * {@code -Dcrash.rounds} (1 for one round, 10 for the long run in {@code docs/reliability.md}); {@code
 * -Dcrash.load-seconds} (3) sets the load of a round (ADR 0159).
 */
@EnabledIfSystemProperty(named = "crash.rounds", matches = "[1-9][0-9]*")
class CrashRoundsIT {

    private static final int ROUNDS = Integer.getInteger("crash.rounds", 1);
    private static final Duration LOAD = Duration.ofSeconds(Integer.getInteger("crash.load-seconds", 3));
    private static final Path DATA_DIR = Path.of("target", "crash-data").toAbsolutePath();
    private static final Path REPORT = Path.of("target", "crash-rounds.md");

    /** What the application answered as done, to be found after every kill. */
    private final Map<String, String> registered = new ConcurrentHashMap<>(); // candidateId -> registration number

    private final Map<String, String> answered = new ConcurrentHashMap<>(); // attemptId/questionId -> optionId
    private final Map<String, String> uploaded = new ConcurrentHashMap<>(); // documentId -> sha256
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger refusedOrCut = new AtomicInteger();

    private String admin;
    private AssessmentSteps.Qualification qualification;
    private String centreId;
    private String coordinator;
    private String invigilator;

    @Test
    void givenMixedLoad_whenKilledRoundAfterRound_thenNothingAcknowledgedIsLostAndReadModelsEqualARebuild()
            throws Exception {
        PackagedApplication.emptied(DATA_DIR);
        StringBuilder report = new StringBuilder("| round | requests sent | acknowledged so far | cut or refused |\n");
        report.append("|---|---|---|---|\n");

        for (int round = 1; round <= ROUNDS; round++) {
            Process application = start(round);
            HttpClientForTests http = new HttpClientForTests(port);
            try {
                admin = signedInAdmin(http);
                if (round == 1) {
                    setUp(http);
                } else {
                    coordinator = signIn(http, coordinatorPin);
                    invigilator = signIn(http, invigilatorPin);
                }
                assertEverythingAcknowledgedIsThere(http, round);
                load(http, application);
            } finally {
                application.destroyForcibly(); // SIGKILL: no shutdown hook, no flush
                application.waitFor(1, TimeUnit.MINUTES);
            }
            report.append(String.format(
                    "| %d | %d | %d | %d |%n",
                    round, requests.get(), registered.size() + answered.size() + uploaded.size(), refusedOrCut.get()));
        }

        Process last = start(ROUNDS + 1);
        try {
            HttpClientForTests http = new HttpClientForTests(port);
            admin = signedInAdmin(http);
            assertEverythingAcknowledgedIsThere(http, ROUNDS + 1);
        } finally {
            last.destroy(); // SIGTERM: stopped as an operator stops it, so that it can be opened here
            last.waitFor(1, TimeUnit.MINUTES);
        }
        Files.writeString(REPORT, report);
        readModelsEqualARebuild(DATA_DIR);
    }

    private int port;
    private String coordinatorPin;
    private String invigilatorPin;

    private Process start(int round) throws IOException {
        port = PackagedApplication.freePort();
        return PackagedApplication.start(port, DATA_DIR, "crash-round-" + round + ".log", Map.of());
    }

    private static String signedInAdmin(HttpClientForTests http) {
        return RestartTest.awaitLogin(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
    }

    private void setUp(HttpClientForTests http) {
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        qualification = steps.publish(60);
        centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff coordinatorStaff = steps.user(centreId, "CENTRE_COORDINATOR");
        AssessmentSteps.Staff invigilatorStaff = steps.user(centreId, "INVIGILATOR");
        coordinatorPin = coordinatorStaff.pin();
        invigilatorPin = invigilatorStaff.pin();
        coordinator = coordinatorStaff.token();
        invigilator = invigilatorStaff.token();
    }

    private static String signIn(HttpClientForTests http, String pin) {
        return RestartTest.login(http, pin, ApplicationTest.GOOD_PASSWORD);
    }

    /** Three clients at once until the kill: registrations, a candidate answering, uploads. */
    private void load(HttpClientForTests http, Process application) throws InterruptedException {
        AtomicBoolean killed = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(3);
        clients.submit(() -> untilKilled(killed, () -> register(http)));
        clients.submit(() -> untilKilled(killed, () -> sit(http, killed)));
        clients.submit(() -> untilKilled(killed, () -> upload(http)));
        Thread.sleep(LOAD.toMillis());
        application.destroyForcibly();
        killed.set(true);
        clients.shutdown();
        assertThat(clients.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
    }

    private void untilKilled(AtomicBoolean killed, Runnable step) {
        while (!killed.get()) {
            try {
                step.run();
            } catch (RuntimeException cut) {
                refusedOrCut.incrementAndGet(); // the connection went with the process: not acknowledged
            }
        }
    }

    private void register(HttpClientForTests http) {
        requests.incrementAndGet();
        var answer = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Crash",
                        "lastName",
                        "Round" + AssessmentSteps.lettersOnly(AssessmentSteps.unique()),
                        "dateOfBirth",
                        "2004-02-01",
                        "qualificationCode",
                        qualification.code()));
        if (answer.status() == 201) {
            registered.put(
                    answer.json().get("candidateId").asText(),
                    answer.json().get("registrationNumber").asText());
        } else {
            refusedOrCut.incrementAndGet();
        }
    }

    /** Opens an attempt for a registered candidate, starts it and changes answers until the kill. */
    private void sit(HttpClientForTests http, AtomicBoolean killed) {
        String candidateId = registered.keySet().stream().findAny().orElse(null);
        if (candidateId == null) {
            pause(Duration.ofMillis(50));
            return;
        }
        requests.incrementAndGet();
        var opened = http.post(
                "/api/candidates/" + candidateId + "/assessment-attempts",
                invigilator,
                Map.of("assessmentCode", qualification.assessmentCode()));
        if (opened.status() != 201) {
            refusedOrCut.incrementAndGet();
            pause(Duration.ofMillis(50));
            return;
        }
        requests.incrementAndGet();
        var started = http.post(
                "/api/assessment-attempts/start",
                null,
                Map.of(
                        "registrationNumber",
                        registered.get(candidateId),
                        "accessKey",
                        opened.json().get("accessKey").asText()));
        if (started.status() != 200) {
            refusedOrCut.incrementAndGet();
            return;
        }
        JsonNode attempt = started.json();
        String attemptId = attempt.get("attemptId").asText();
        int turn = 0;
        while (!killed.get() && turn < 200) {
            JsonNode question =
                    attempt.get("questions").get(turn % attempt.get("questions").size());
            JsonNode option =
                    question.get("options").get(turn % question.get("options").size());
            requests.incrementAndGet();
            var answer = http.put(
                    "/api/assessment-attempts/" + attemptId + "/answers/"
                            + question.get("questionId").asText(),
                    attempt.get("attemptToken").asText(),
                    Map.of("optionId", option.get("optionId").asText()));
            if (answer.status() == 204) {
                answered.put(
                        attemptId + "/" + question.get("questionId").asText(),
                        option.get("optionId").asText());
            } else {
                refusedOrCut.incrementAndGet();
            }
            turn++;
        }
    }

    private void upload(HttpClientForTests http) {
        byte[] bytes = SampleFiles.pdf("crash round upload " + AssessmentSteps.unique());
        requests.incrementAndGet();
        var answer = new MultipartForm()
                .field("title", "Crash round notes " + AssessmentSteps.lettersOnly(AssessmentSteps.unique()))
                .field("kind", "KEY_DOCUMENT")
                .file("notes.pdf", bytes)
                .post(http, "/api/library/documents", admin);
        if (answer.status() == 201) {
            uploaded.put(answer.json().get("documentId").asText(), sha256(bytes));
        } else {
            refusedOrCut.incrementAndGet();
        }
    }

    /** Every candidate, answer and file the application acknowledged before any kill so far. */
    private void assertEverythingAcknowledgedIsThere(HttpClientForTests http, int round) {
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    for (String candidateId : registered.keySet()) {
                        assertThat(http.get("/api/candidates/" + candidateId, admin)
                                        .status())
                                .as("round %d: candidate %s acknowledged before a kill", round, candidateId)
                                .isEqualTo(200);
                    }
                    Map<String, Map<String, String>> lastAnswers = new ConcurrentHashMap<>();
                    answered.forEach((key, option) -> lastAnswers
                            .computeIfAbsent(key.substring(0, key.indexOf('/')), attempt -> new ConcurrentHashMap<>())
                            .put(key.substring(key.indexOf('/') + 1), option));
                    for (var attempt : lastAnswers.entrySet()) {
                        JsonNode trail = http.get(
                                        "/api/assessment-attempts/" + attempt.getKey() + "/answer-trail", admin)
                                .json();
                        Map<String, String> inTrail = new ConcurrentHashMap<>();
                        for (JsonNode entry : trail.path("entries")) {
                            if ("ANSWERED".equals(entry.path("type").asText())) {
                                inTrail.put(
                                        entry.path("questionId").asText(),
                                        entry.path("optionId").asText());
                            }
                        }
                        assertThat(inTrail)
                                .as(
                                        "round %d: the last acknowledged answer of each question of %s",
                                        round, attempt.getKey())
                                .containsAllEntriesOf(attempt.getValue());
                    }
                    for (var file : uploaded.entrySet()) {
                        var download =
                                http.bytes("/api/library/documents/" + file.getKey() + "/versions/1/file", admin);
                        assertThat(download.statusCode())
                                .as("round %d: document %s", round, file.getKey())
                                .isEqualTo(200);
                        assertThat(sha256(download.body())).isEqualTo(file.getValue());
                    }
                });
    }

    /** Opened here, stopped: every read model as it stands equals what a replay of every event builds. */
    static void readModelsEqualARebuild(Path dataDir) {
        try (RunningApplication app = RunningApplication.start(dataDir, Map.of())) {
            MongoDatabase readStore = app.bean(MongoDatabase.class);
            ReadModels.awaitCaughtUp(
                    app.bean(EventProcessingConfiguration.class), app.bean(EventStore.class), Duration.ofMinutes(2));
            var before = ReadModels.snapshot(readStore);
            ReadModels.replayAll(app.bean(EventProcessingConfiguration.class));
            await().atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(ReadModels.snapshot(readStore))
                            .as("every read model after the kills equals a rebuild from the events")
                            .isEqualTo(before));
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
