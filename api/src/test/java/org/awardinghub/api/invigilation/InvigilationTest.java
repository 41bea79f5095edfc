package org.awardinghub.api.invigilation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Invigilation over HTTP (ADR 0154): the invigilator pauses and resumes one attempt and the whole room, the
 * candidate's clock stands still meanwhile and the end moves; incidents are recorded and read; every endpoint keeps
 * to its roles and its centre.
 */
class InvigilationTest extends ApplicationTest {

    static final Map<String, Object> FIRE = Map.of("kind", "EMERGENCY", "reason", "Fire alarm: the room is evacuated");

    private AssessmentSteps steps;
    private String admin;
    private Qualification qualification;
    private String centreId;
    private String invigilator;
    private String invigilatorPin;
    private String coordinator;
    private String otherCentreId;
    private String otherInvigilator;

    @BeforeEach
    void centresWithStaff() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        qualification = steps.publish(30);
        centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff staff = steps.user(centreId, "INVIGILATOR");
        invigilator = staff.token();
        invigilatorPin = staff.pin();
        coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        otherCentreId = steps.centre(qualification.code());
        otherInvigilator = steps.user(otherCentreId, "INVIGILATOR").token();
    }

    private JsonNode started(String invigilatorToken, String centre) {
        Candidate candidate = steps.register(
                invigilatorToken.equals(invigilator)
                        ? coordinator
                        : steps.user(centre, "CENTRE_COORDINATOR").token(),
                centre,
                qualification.code());
        return steps.started(
                candidate.registrationNumber(),
                steps.opened(invigilatorToken, candidate.candidateId(), qualification.assessmentCode())
                        .get("accessKey")
                        .asText());
    }

    private static String id(JsonNode started) {
        return started.get("attemptId").asText();
    }

    /** The candidate's sitting, once its read model has the start (a moment behind the command). */
    private JsonNode sitting(JsonNode started) {
        return await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> http.get(
                                "/api/assessment-attempts/" + id(started) + "/sitting",
                                started.get("attemptToken").asText()),
                        sitting -> sitting.status() == 200)
                .json();
    }

    @Test
    void givenARunningAttempt_whenPausedForAFireAlarmAndResumed_thenTheClockStoodStillAndTheEndMoved() {
        JsonNode started = started(invigilator, centreId);
        String attempt = "/api/assessment-attempts/" + id(started);
        Instant endsAt = Instant.parse(started.get("endsAt").asText());

        var paused = http.post(attempt + "/pause", invigilator, FIRE);
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().get("paused").asBoolean()).isTrue();
        Instant pausedAt = Instant.parse(paused.json().get("pausedAt").asText());

        // the candidate's page sees the pause, and its time left stands still while the clock runs on
        JsonNode sitting = awaitJson(
                attempt + "/sitting",
                started.get("attemptToken").asText(),
                json -> json.path("paused").asBoolean());
        assertThat(Instant.parse(sitting.get("pausedAt").asText())).isEqualTo(pausedAt);
        long left = sitting.get("secondsLeft").asLong();
        assertThat(left).isEqualTo(Duration.between(pausedAt, endsAt).toSeconds());
        clock.advance(Duration.ofMinutes(10));
        assertThat(sitting(started).get("secondsLeft").asLong()).isEqualTo(left);

        // answers, submission and a second pause wait for the resume: 409 with a clear detail, nothing recorded
        JsonNode question = started.get("questions").get(0);
        var answer = steps.answer(started, question, AssessmentSteps.option(question, "Right"));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(409);
        assertThat(answer.json().get("detail").asText()).contains("paused by the invigilator");
        assertThat(steps.submit(started).status()).isEqualTo(409);
        var again = http.post(attempt + "/pause", invigilator, FIRE);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("already paused");

        var resumed = http.post(attempt + "/resume", invigilator, Map.of());
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().get("paused").asBoolean()).isFalse();
        Instant movedEnd = Instant.parse(resumed.json().get("endsAt").asText());
        assertThat(Duration.between(endsAt, movedEnd)).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
        assertThat(http.post(attempt + "/resume", invigilator, Map.of()).status())
                .as("resumed twice")
                .isEqualTo(409);

        assertThat(steps.answer(started, question, AssessmentSteps.option(question, "Right"))
                        .status())
                .isEqualTo(204);
        JsonNode view = awaitJson(
                attempt, coordinator, json -> json.path("pauses").path(0).hasNonNull("resumedAt"));
        assertThat(view.get("paused").asBoolean()).isFalse();
        assertThat(Instant.parse(view.get("endsAt").asText())).isEqualTo(movedEnd);
        JsonNode pause = view.get("pauses").get(0);
        assertThat(pause.get("kind").asText()).isEqualTo("EMERGENCY");
        assertThat(pause.get("byPin").asText()).isEqualTo(invigilatorPin);
        assertThat(pause.get("pausedMillis").asLong())
                .isEqualTo(Duration.between(endsAt, movedEnd).toMillis());
        JsonNode after = awaitJson(
                attempt + "/sitting",
                started.get("attemptToken").asText(),
                json -> !json.path("paused").asBoolean());
        assertThat(Instant.parse(after.get("endsAt").asText())).isEqualTo(movedEnd);
    }

    @Test
    void givenARunningAttempt_whenOthersOrBadInputTryToPause_thenRefusedAndNothingChanges() {
        JsonNode started = started(invigilator, centreId);
        String attempt = "/api/assessment-attempts/" + id(started);

        assertThat(http.post(attempt + "/pause", otherInvigilator, FIRE).status())
                .as("an invigilator of another centre")
                .isEqualTo(404);
        assertThat(http.post(attempt + "/pause", coordinator, FIRE).status())
                .as("the centre's coordinator")
                .isEqualTo(403);
        assertThat(http.post(attempt + "/pause", admin, FIRE).status())
                .as("IMI")
                .isEqualTo(403);
        assertThat(http.post(attempt + "/pause", started.get("attemptToken").asText(), FIRE)
                        .status())
                .as("the candidate")
                .isIn(401, 403);
        assertThat(http.post(attempt + "/pause", invigilator, Map.of("reason", "no kind"))
                        .status())
                .isEqualTo(400);
        assertThat(http.post(attempt + "/pause", invigilator, Map.of("kind", "NAP", "reason", "r"))
                        .status())
                .isEqualTo(400);
        assertThat(http.post(attempt + "/pause", invigilator, Map.of("kind", "OTHER", "reason", " "))
                        .status())
                .isEqualTo(400);
        var restBreak =
                http.post(attempt + "/pause", invigilator, Map.of("kind", "REST_BREAK", "reason", "Asked for a break"));
        assertThat(restBreak.status()).as(restBreak.toString()).isEqualTo(409);
        assertThat(restBreak.json().get("detail").asText()).contains("rest-break arrangement");
        assertThat(http.post("/api/assessment-attempts/no-such-attempt/pause", invigilator, FIRE)
                        .status())
                .isEqualTo(404);

        assertThat(sitting(started).get("paused").asBoolean()).isFalse();
        assertThat(http.post(attempt + "/resume", otherInvigilator, Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void givenPauseAndResumePressedTwiceAtOnce_whenBothArrive_thenOneWinsAndTheOtherIsAConflict() throws Exception {
        JsonNode started = started(invigilator, centreId);
        String attempt = "/api/assessment-attempts/" + id(started);
        String secondInvigilator = steps.user(centreId, "INVIGILATOR").token();

        assertThat(twiceAtOnce(attempt + "/pause", FIRE, secondInvigilator)).containsExactlyInAnyOrder(200, 409);
        assertThat(twiceAtOnce(attempt + "/resume", Map.of(), secondInvigilator))
                .containsExactlyInAnyOrder(200, 409);
    }

    /** The {@code count} calls made by eight clients at once, as a room of candidates does; their answers in order. */
    private static <T> List<T> together(int count, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> calls = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                calls.add(pool.submit(() -> call.apply(index)));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> one : calls) {
                answers.add(one.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Integer> twiceAtOnce(String path, Object body, String secondInvigilator) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (String token : List.of(invigilator, secondInvigilator)) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                go.await();
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return http.post(path, token, body).status();
                        },
                        pool));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> call : calls) {
                statuses.add(call.get(30, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenARoomOfCandidates_whenTheInvigilatorPausesAndResumesTheRoom_thenEveryAttemptOnceAndTheRestSaidWhy()
            throws Exception {
        int size = 100; // an exam hall, its candidates starting together
        List<JsonNode> room = together(size, i -> started(invigilator, centreId));
        JsonNode elsewhere = started(otherInvigilator, otherCentreId);
        // one already paused (a candidate taken ill): the room pause leaves it as it is
        assertThat(http.post(
                                "/api/assessment-attempts/" + id(room.get(0)) + "/pause",
                                invigilator,
                                Map.of("kind", "OTHER", "reason", "Candidate taken ill"))
                        .status())
                .isEqualTo(200);

        var paused = http.post("/api/centres/" + centreId + "/assessment-attempts/pause", invigilator, FIRE);
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(paused.json().get("changed")).hasSize(size - 1);
        assertThat(paused.json().get("refused")).isEmpty();
        var again = http.post(
                "/api/centres/" + centreId + "/assessment-attempts/pause",
                invigilator,
                Map.of("kind", "EMERGENCY", "reason", "Pressed again", "attemptIds", List.of(id(room.get(0)))));
        assertThat(again.json().get("changed")).isEmpty();
        assertThat(again.json().get("refused").get(0).get("status").asInt()).isEqualTo(409);
        assertThat(again.json().get("refused").get(0).get("detail").asText()).contains("already paused");
        assertThat(sitting(elsewhere).get("paused").asBoolean())
                .as("another centre's room")
                .isFalse();

        JsonNode running = awaitJson(
                "/api/centres/" + centreId + "/assessment-attempts/running",
                invigilator,
                json -> json.size() == size
                        && java.util.stream.StreamSupport.stream(json.spliterator(), false)
                                .allMatch(attempt -> attempt.get("paused").asBoolean()));
        assertThat(running).hasSize(size);

        // named attempts: another centre's is unknown here, and is left alone
        var named = http.post(
                "/api/centres/" + centreId + "/assessment-attempts/resume",
                invigilator,
                Map.of("attemptIds", List.of(id(room.get(1)), id(elsewhere))));
        assertThat(named.status()).as(named.toString()).isEqualTo(200);
        assertThat(named.json().get("changed")).hasSize(1);
        assertThat(named.json().get("refused").get(0).get("status").asInt()).isEqualTo(404);

        var resumed = http.post("/api/centres/" + centreId + "/assessment-attempts/resume", invigilator, Map.of());
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(resumed.json().get("changed").size()
                        + named.json().get("changed").size())
                .isEqualTo(size);
        assertThat(together(size, i -> {
                    JsonNode question = room.get(i).get("questions").get(0);
                    return steps.answer(room.get(i), question, AssessmentSteps.option(question, "Right"))
                            .status();
                }))
                .as("every candidate answers again once resumed")
                .containsOnly(204);

        assertThat(http.post("/api/centres/" + centreId + "/assessment-attempts/pause", coordinator, FIRE)
                        .status())
                .isEqualTo(403);
        assertThat(http.post("/api/centres/" + centreId + "/assessment-attempts/pause", otherInvigilator, FIRE)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/centres/" + centreId + "/assessment-attempts/running", otherInvigilator)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/centres/" + centreId + "/assessment-attempts/running", admin)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void givenASitting_whenTheInvigilatorRecordsAnIncident_thenTheCentreAndImiReadItAndNoOtherCentre() {
        JsonNode first = started(invigilator, centreId);
        JsonNode second = started(invigilator, centreId);
        JsonNode elsewhere = started(otherInvigilator, otherCentreId);
        Instant occurred =
                clock.instant().minus(Duration.ofMinutes(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> incident = Map.of(
                "attemptIds",
                List.of(id(first), id(second)),
                "kind",
                "DISRUPTION",
                "description",
                "Building work next door\nfor about five minutes",
                "occurredAt",
                occurred.toString());

        var recorded = http.post("/api/centres/" + centreId + "/incidents", invigilator, incident);
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
        String incidentId = recorded.json().get("incidentId").asText();
        assertThat(recorded.header("Location")).isEqualTo("/api/centres/" + centreId + "/incidents/" + incidentId);

        JsonNode ofAttempt = awaitJson(
                "/api/assessment-attempts/" + id(second) + "/incidents", coordinator, json -> json.size() == 1);
        JsonNode view = ofAttempt.get(0);
        assertThat(view.get("incidentId").asText()).isEqualTo(incidentId);
        assertThat(view.get("kind").asText()).isEqualTo("DISRUPTION");
        assertThat(view.get("attemptIds")).hasSize(2);
        assertThat(view.get("recordedByPin").asText()).isEqualTo(invigilatorPin);
        assertThat(Instant.parse(view.get("occurredAt").asText())).isEqualTo(occurred);
        var page = http.get("/api/centres/" + centreId + "/incidents", admin);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().get("items").get(0).get("incidentId").asText()).isEqualTo(incidentId);
        var one = http.get("/api/centres/" + centreId + "/incidents/" + incidentId, coordinator);
        assertThat(one.status()).as(one.toString()).isEqualTo(200);
        assertThat(one.json().get("description").asText()).contains("five minutes");

        // another centre learns nothing, and cannot record against this centre's attempts
        assertThat(http.get("/api/assessment-attempts/" + id(second) + "/incidents", otherInvigilator)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/centres/" + centreId + "/incidents", otherInvigilator)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/centres/" + otherCentreId + "/incidents/" + incidentId, otherInvigilator)
                        .status())
                .isEqualTo(404);
        Map<String, Object> theirs = Map.of(
                "attemptIds",
                List.of(id(first)),
                "kind",
                "OTHER",
                "description",
                "d",
                "occurredAt",
                occurred.toString());
        assertThat(http.post("/api/centres/" + otherCentreId + "/incidents", otherInvigilator, theirs)
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/centres/" + centreId + "/incidents", coordinator, theirs)
                        .status())
                .isEqualTo(403);
        Map<String, Object> mixed = Map.of(
                "attemptIds",
                List.of(id(first), id(elsewhere)),
                "kind",
                "OTHER",
                "description",
                "d",
                "occurredAt",
                occurred.toString());
        assertThat(http.post("/api/centres/" + centreId + "/incidents", invigilator, mixed)
                        .status())
                .isEqualTo(404);

        // bad input: 400, nothing recorded
        assertThat(http.post(
                                "/api/centres/" + centreId + "/incidents",
                                invigilator,
                                Map.of(
                                        "attemptIds",
                                        List.of(),
                                        "kind",
                                        "OTHER",
                                        "description",
                                        "d",
                                        "occurredAt",
                                        occurred.toString()))
                        .status())
                .isEqualTo(400);
        assertThat(http.post(
                                "/api/centres/" + centreId + "/incidents",
                                invigilator,
                                Map.of("attemptIds", List.of(id(first)), "kind", "OTHER", "description", "d"))
                        .status())
                .isEqualTo(400);
        var future = http.post(
                "/api/centres/" + centreId + "/incidents",
                invigilator,
                Map.of(
                        "attemptIds",
                        List.of(id(first)),
                        "kind",
                        "ILLNESS",
                        "description",
                        "d",
                        "occurredAt",
                        clock.instant().plus(Duration.ofHours(1)).toString()));
        assertThat(future.status()).as(future.toString()).isEqualTo(400);
        assertThat(http.get("/api/assessment-attempts/" + id(first) + "/incidents", admin)
                        .json())
                .hasSize(1);
    }
}
