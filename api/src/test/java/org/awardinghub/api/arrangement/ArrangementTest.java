package org.awardinghub.api.arrangement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.AtOnce;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.RecordedEvents;
import org.awardinghub.api.files.SampleFiles;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Access arrangements over HTTP (ADR 0153): the centre requests, the policy approves some at once, IMI decides the
 * rest from its queue, the evidence is downloaded by IMI and the centre only, and an attempt started afterwards
 * has the extra time and the display settings on its sitting. Roles and centre isolation; bad input changes nothing.
 */
class ArrangementTest extends ApplicationTest {

    static final byte[] EVIDENCE = SampleFiles.pdf("Form 8: assessor's report");
    static final int AT_ONCE = 20;

    @Autowired
    JdbcTemplate jdbc;

    AssessmentSteps steps;
    String admin;
    Qualification qualification;
    String centreId;
    String coordinator;
    String centreAdmin;
    String invigilator;
    Candidate candidate;

    @BeforeEach
    void centreWithACandidate() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        qualification = steps.publish(20);
        centreId = steps.centre(qualification.code());
        coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        centreAdmin = steps.user(centreId, "CENTRE_ADMIN").token();
        invigilator = steps.user(centreId, "INVIGILATOR").token();
        candidate = steps.register(coordinator, centreId, qualification.code());
    }

    String arrangements() {
        return "/api/candidates/" + candidate.candidateId() + "/access-arrangements";
    }

    HttpClientForTests.Response request(String token, Map<String, String> fields, byte[] file) {
        MultipartForm form = new MultipartForm();
        fields.forEach(form::field);
        if (file != null) {
            form.file("report.pdf", file);
        }
        return form.post(http, arrangements(), token);
    }

    String requested(String token, Map<String, String> fields, byte[] file, String status) {
        var response = request(token, fields, file);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("status").asText()).isEqualTo(status);
        return response.json().get("arrangementId").asText();
    }

    JsonNode listed(String token, int expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var response = http.get(arrangements(), token);
                    last[0] = response.json();
                    return response.status() == 200 && response.json().size() == expected;
                });
        return last[0];
    }

    /** The candidate's next attempt, opened by the invigilator and started by the candidate now. */
    JsonNode startedNow() {
        return steps.started(
                candidate.registrationNumber(),
                steps.opened(invigilator, candidate.candidateId(), qualification.assessmentCode())
                        .get("accessKey")
                        .asText());
    }

    static JsonNode byId(JsonNode list, String arrangementId) {
        for (JsonNode arrangement : list) {
            if (arrangement.get("arrangementId").asText().equals(arrangementId)) {
                return arrangement;
            }
        }
        throw new AssertionError("no arrangement " + arrangementId + " in " + list);
    }

    List<String> queue() {
        var response = http.get("/api/access-arrangements/queue?page=0&size=200", admin);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("X-Total-Count")).isNotNull();
        List<String> ids = new ArrayList<>();
        response.json()
                .forEach(arrangement -> ids.add(arrangement.get("arrangementId").asText()));
        return ids;
    }

    @Test
    void givenACentre_whenItRequestsAndImiDecides_thenTheNextAttemptHasTheExtraTimeAndDisplaySettings() {
        String extraTime = requested(
                coordinator,
                Map.of("kind", "EXTRA_TIME", "extraTimePercent", "25", "reason", "Slow processing"),
                EVIDENCE,
                "APPROVED");
        String scheme = requested(
                centreAdmin,
                Map.of("kind", "colour_scheme", "colourScheme", "CREAM", "reason", "Visual stress"),
                null,
                "APPROVED");
        String reader = requested(
                coordinator,
                Map.of("kind", "READER", "reason", "Reading age well below chronological age"),
                EVIDENCE,
                "PENDING");
        String room = requested(coordinator, Map.of("kind", "SEPARATE_ROOM", "reason", "Anxiety"), null, "PENDING");

        // the same kind again while one waits for IMI: refused, nothing recorded
        var again = request(coordinator, Map.of("kind", "READER", "reason", "Again"), null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).until(() -> queue().containsAll(List.of(reader, room)));
        assertThat(queue()).doesNotContain(extraTime, scheme);
        var paged = http.get("/api/access-arrangements/queue?page=0&size=1", admin);
        assertThat(paged.json()).hasSize(1);

        // only IMI decides
        assertThat(http.post(arrangements() + "/" + reader + "/approve", coordinator, Map.of("reason", "ok"))
                        .status())
                .isEqualTo(403);
        var approved = http.post(arrangements() + "/" + reader + "/approve", admin, Map.of("reason", "Form 8 seen"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        var rejected = http.post(arrangements() + "/" + room + "/reject", admin, Map.of("reason", "No need shown"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        var twice = http.post(arrangements() + "/" + room + "/approve", admin, Map.of("reason", "Changed my mind"));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);

        JsonNode list = listed(coordinator, 4);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "REJECTED"
                        .equals(byId(listed(coordinator, 4), room).get("status").asText()));
        list = listed(coordinator, 4);
        assertThat(byId(list, extraTime).get("automatically").asBoolean()).isTrue();
        assertThat(byId(list, extraTime).get("decidedByUserId").asText()).isEqualTo("system");
        assertThat(byId(list, extraTime).get("evidence").get("mediaType").asText())
                .isEqualTo("application/pdf");
        assertThat(byId(list, reader).get("status").asText()).isEqualTo("APPROVED");
        assertThat(byId(list, reader).get("automatically").asBoolean()).isFalse();
        assertThat(byId(list, reader).get("decisionReason").asText()).isEqualTo("Form 8 seen");
        assertThat(byId(list, room).get("decisionReason").asText()).isEqualTo("No need shown");
        assertThat(byId(list, scheme).get("evidence").isNull()).isTrue();
        var page = http.get(arrangements() + "?page=0&size=2", centreAdmin);
        assertThat(page.json()).hasSize(2);
        assertThat(page.header("X-Total-Count")).isEqualTo("4");
        assertThat(http.get(arrangements(), admin).json()).hasSize(4);

        // the evidence, as uploaded, for the centre and IMI
        HttpResponse<byte[]> file = http.bytes(arrangements() + "/" + extraTime + "/evidence", coordinator);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(EVIDENCE);
        assertThat(file.headers().firstValue("X-Content-SHA256"))
                .contains(byId(list, extraTime).get("evidence").get("sha256").asText());
        assertThat(http.bytes(arrangements() + "/" + reader + "/evidence", admin)
                        .statusCode())
                .isEqualTo(200);
        assertThat(http.get(arrangements() + "/" + scheme + "/evidence", coordinator)
                        .status())
                .isEqualTo(404);

        // an attempt started now has 25 % more time and the display settings
        JsonNode started = startedNow();
        assertThat(Duration.between(
                        clock.instant(), Instant.parse(started.get("endsAt").asText())))
                .isBetween(Duration.ofMinutes(24), Duration.ofMinutes(26));
        String attemptId = started.get("attemptId").asText();
        String token = started.get("attemptToken").asText();
        JsonNode[] sitting = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            var response = http.get("/api/assessment-attempts/" + attemptId + "/sitting", token);
            sitting[0] = response.json();
            return response.status() == 200;
        });
        JsonNode adjustments = sitting[0].get("adjustments");
        assertThat(adjustments.get("extraTimePercent").asInt()).isEqualTo(25);
        assertThat(adjustments.get("colourScheme").asText()).isEqualTo("CREAM");
        assertThat(adjustments.get("reader").asBoolean()).isTrue();
        assertThat(adjustments.get("separateRoom").asBoolean()).isFalse();
        assertThat(adjustments.get("textSize").isNull()).isTrue();
        assertThat(sitting[0].get("secondsLeft").asLong()).isGreaterThan(20 * 60);
    }

    long requestsRecorded() {
        return new RecordedEvents(jdbc).count(AccessArrangementRequested.class, "candidateId", candidate.candidateId());
    }

    /**
     * Twenty requests for a reader sent at the same moment (ADR 0162): each finds none waiting before any is
     * recorded, and the key on the kind awaiting IMI lets one be recorded; the others are 409 problems and leave
     * nothing, in the event store or in the lists. Once IMI has decided, the centre can ask again.
     */
    @Test
    void givenTwentyRequestsForAReaderAtOnce_whenSent_thenOneWaitsForImiAndTheOthersAre409AndLeaveNothing() {
        List<HttpClientForTests.Response> answers = AtOnce.send(
                AT_ONCE,
                sender -> request(
                        coordinator, Map.of("kind", "READER", "reason", "Reading age below, request " + sender), null));

        HttpClientForTests.Response made = AtOnce.oneMadeAndTheRestConflicts(answers, 201);
        assertThat(made.json().get("status").asText()).isEqualTo("PENDING");
        String reader = made.json().get("arrangementId").asText();
        assertThat(requestsRecorded()).as("requests in the event store").isEqualTo(1);
        assertThat(listed(coordinator, 1).get(0).get("arrangementId").asText()).isEqualTo(reader);
        await().atMost(Duration.ofSeconds(20)).until(() -> queue().contains(reader));

        var rejected = http.post(arrangements() + "/" + reader + "/reject", admin, Map.of("reason", "No evidence"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        requested(coordinator, Map.of("kind", "READER", "reason", "Form 8 now attached"), EVIDENCE, "PENDING");
        assertThat(requestsRecorded()).isEqualTo(2);
    }

    /**
     * A kind the policy approves at once never waits for IMI, so the rule of one request waiting per kind never
     * refuses it (ADRs 0153, 0162): twenty sent at once are all approved. Extra time is approved at once again and
     * again, until a request for more than 25 % waits for IMI: then even 25 % is refused until IMI decides.
     */
    @Test
    void givenAKindApprovedAtOnce_whenRequestedAtOnceAndAgain_thenApprovedEachTimeWhileNoneOfTheKindWaits() {
        List<HttpClientForTests.Response> answers = AtOnce.send(
                AT_ONCE,
                sender -> request(
                        coordinator,
                        Map.of(
                                "kind",
                                "COLOUR_SCHEME",
                                "colourScheme",
                                sender % 2 == 0 ? "CREAM" : "LIGHT_BLUE",
                                "reason",
                                "Visual stress"),
                        null));
        assertThat(answers).as("%s", answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.json().get("status").asText()).isEqualTo("APPROVED");
        });

        Map<String, String> quarter = Map.of("kind", "EXTRA_TIME", "extraTimePercent", "25", "reason", "Slow reading");
        requested(coordinator, quarter, null, "APPROVED");
        requested(centreAdmin, quarter, null, "APPROVED");
        String half = requested(
                coordinator,
                Map.of("kind", "EXTRA_TIME", "extraTimePercent", "50", "reason", "Very slow processing"),
                EVIDENCE,
                "PENDING");
        assertProblem(request(coordinator, quarter, null), 409, "awaiting IMI's decision");
        var approved = http.post(arrangements() + "/" + half + "/approve", admin, Map.of("reason", "Report seen"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
        requested(coordinator, quarter, null, "APPROVED");

        assertThat(requestsRecorded()).isEqualTo(AT_ONCE + 4);
        assertThat(listed(coordinator, AT_ONCE + 4))
                .allSatisfy(arrangement ->
                        assertThat(arrangement.get("status").asText()).isEqualTo("APPROVED"));
    }

    @Test
    void givenApprovedAndPendingArrangements_whenWithdrawn_thenTheNextAttemptHasNeitherAndImisWithdrawalIsEmailed() {
        String extraTime = requested(
                coordinator,
                Map.of("kind", "EXTRA_TIME", "extraTimePercent", "25", "reason", "Broken wrist"),
                null,
                "APPROVED");
        String reader = requested(centreAdmin, Map.of("kind", "READER", "reason", "Dyslexia"), null, "PENDING");
        listed(coordinator, 2);
        String otherCoordinator = steps.user(steps.centre(qualification.code()), "CENTRE_COORDINATOR")
                .token();
        Map<String, String> healed = Map.of("reason", "The wrist has healed");

        // the centre's other users, other centres and bad input change nothing
        assertThat(http.post(arrangements() + "/" + extraTime + "/withdraw", invigilator, healed)
                        .status())
                .isEqualTo(403);
        assertThat(http.post(arrangements() + "/" + extraTime + "/withdraw", otherCoordinator, healed)
                        .status())
                .isIn(403, 404);
        assertProblem(http.post(arrangements() + "/" + extraTime + "/withdraw", coordinator, Map.of()), 400, "reason");
        assertThat(http.post(arrangements() + "/no-such-arrangement/withdraw", coordinator, healed)
                        .status())
                .isEqualTo(404);

        var withdrawn = http.post(arrangements() + "/" + extraTime + "/withdraw", coordinator, healed);
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.json().get("status").asText()).isEqualTo("WITHDRAWN");
        var twice = http.post(arrangements() + "/" + extraTime + "/withdraw", centreAdmin, healed);
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        var byImi = http.post(
                arrangements() + "/" + reader + "/withdraw", admin, Map.of("reason", "Asked for under another"));
        assertThat(byImi.status()).as(byImi.toString()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> "WITHDRAWN"
                                .equals(byId(listed(coordinator, 2), reader)
                                        .get("status")
                                        .asText())
                        && "WITHDRAWN"
                                .equals(byId(listed(coordinator, 2), extraTime)
                                        .get("status")
                                        .asText()));
        JsonNode list = listed(coordinator, 2);
        assertThat(byId(list, extraTime).get("withdrawal").get("reason").asText())
                .isEqualTo("The wrist has healed");
        assertThat(byId(list, extraTime).get("decisionReason").asText())
                .as("what was decided stays on record")
                .contains("policy");
        assertThat(queue()).doesNotContain(reader);

        // a test started now has the standard time and no adjustments
        JsonNode started = startedNow();
        assertThat(Duration.between(
                        clock.instant(), Instant.parse(started.get("endsAt").asText())))
                .isBetween(Duration.ofMinutes(19), Duration.ofMinutes(21));

        // IMI's withdrawal is the centre's news; the centre's own is not emailed back to it
        String email = http.get("/api/me", centreAdmin).json().get("email").asText();
        JsonNode emails = awaitJson(
                "/api/outbox?to=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
                admin,
                json -> java.util.stream.StreamSupport.stream(json.spliterator(), false)
                        .anyMatch(one -> one.get("subject").asText().startsWith("Access arrangement withdrawn")));
        assertThat(java.util.stream.StreamSupport.stream(emails.spliterator(), false)
                        .map(one -> one.get("subject").asText())
                        .filter(subject -> subject.startsWith("Access arrangement withdrawn"))
                        .toList())
                .as("one email, for IMI's withdrawal only")
                .singleElement()
                .satisfies(subject -> assertThat(subject)
                        .startsWith("Access arrangement withdrawn for Robin ")
                        .endsWith(": a reader"));
    }

    @Test
    void givenOtherRolesAndCentres_whenTheyAsk_thenRefusedAndTheyLearnNothing() {
        String reader = requested(coordinator, Map.of("kind", "READER", "reason", "Dyslexia"), EVIDENCE, "PENDING");
        listed(coordinator, 1);
        String otherCentre = steps.centre(qualification.code());
        String otherCoordinator = steps.user(otherCentre, "CENTRE_COORDINATOR").token();

        var elsewhere = request(otherCoordinator, Map.of("kind", "REST_BREAKS", "reason", "x"), null);
        assertThat(elsewhere.status()).as(elsewhere.toString()).isIn(403, 404);
        assertThat(http.get(arrangements(), otherCoordinator).status()).isIn(403, 404);
        assertThat(http.get(arrangements() + "/" + reader + "/evidence", otherCoordinator)
                        .status())
                .isIn(403, 404);
        assertThat(request(invigilator, Map.of("kind", "REST_BREAKS", "reason", "x"), null)
                        .status())
                .isEqualTo(403);
        assertThat(http.get(arrangements(), invigilator).status()).isEqualTo(403);
        assertThat(http.get("/api/access-arrangements/queue", coordinator).status())
                .isEqualTo(403);
        assertThat(http.post(arrangements() + "/" + reader + "/reject", otherCoordinator, Map.of("reason", "x"))
                        .status())
                .isEqualTo(403);
        // an arrangement named under another candidate is unknown there
        Candidate other = steps.register(coordinator, centreId, qualification.code());
        var mismatched = http.post(
                "/api/candidates/" + other.candidateId() + "/access-arrangements/" + reader + "/approve",
                admin,
                Map.of("reason", "ok"));
        assertThat(mismatched.status()).as(mismatched.toString()).isEqualTo(404);
        assertThat(http.get(
                                "/api/candidates/" + other.candidateId() + "/access-arrangements/" + reader
                                        + "/evidence",
                                coordinator)
                        .status())
                .isEqualTo(404);
        assertThat(listed(coordinator, 1).get(0).get("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void givenBadInput_whenRequestedOrDecided_thenAProblemNamingTheFieldAndNothingRecorded() {
        assertProblem(request(coordinator, Map.of("reason", "x"), null), 400, "kind");
        assertProblem(request(coordinator, Map.of("kind", "TELEPATHY", "reason", "x"), null), 400, "kind");
        assertProblem(request(coordinator, Map.of("kind", "EXTRA_TIME", "reason", "x"), null), 400, "extraTimePercent");
        assertProblem(
                request(coordinator, Map.of("kind", "EXTRA_TIME", "extraTimePercent", "500", "reason", "x"), null),
                400,
                "extraTimePercent");
        assertThat(request(coordinator, Map.of("kind", "EXTRA_TIME", "extraTimePercent", "lots", "reason", "x"), null)
                        .status())
                .isEqualTo(400);
        assertProblem(request(coordinator, Map.of("kind", "READER", "reason", " "), null), 400, "reason");
        assertProblem(
                request(coordinator, Map.of("kind", "ENLARGED_TEXT", "textSize", "HUGE", "reason", "x"), null),
                400,
                "textSize");
        assertProblem(
                request(coordinator, Map.of("kind", "READER", "colourScheme", "CREAM", "reason", "x"), null),
                400,
                "colourScheme");
        var script = request(
                coordinator,
                Map.of("kind", "READER", "reason", "x"),
                "#!/bin/sh\necho not evidence\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(script.status()).as(script.toString()).isEqualTo(415);

        String room = requested(coordinator, Map.of("kind", "SEPARATE_ROOM", "reason", "Anxiety"), null, "PENDING");
        assertProblem(http.post(arrangements() + "/" + room + "/reject", admin, Map.of()), 400, "reason");
        assertThat(http.post(arrangements() + "/no-such-arrangement/approve", admin, Map.of("reason", "ok"))
                        .status())
                .isEqualTo(404);
        assertThat(listed(coordinator, 1).get(0).get("status").asText()).isEqualTo("PENDING");
    }

    static void assertProblem(HttpClientForTests.Response response, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.toString()).contains(field);
    }
}
