package org.awardinghub.api.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.AtOnce;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.RecordedEvents;
import org.awardinghub.api.files.SampleFiles;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Special consideration and enquiries about results over HTTP (issue 18, ADRs 0155 and 0156): who may apply, ask,
 * appeal and decide; other centres learn nothing; a VOID_AND_RESIT decision voids the attempt and the candidate
 * re-sits at once; a re-check confirms, an upheld appeal turns a fail into a pass that the candidate's record and
 * certificate eligibility follow; two decisions at once: one wins, the other is 409; twenty applications, or twenty
 * enquiries, on one attempt at once: one is made, the others are 409 and leave nothing (ADR 0162).
 */
class SpecialConsiderationAndAppealTest extends ApplicationTest {

    private static final int AT_ONCE = 20;

    @Autowired
    private JdbcTemplate jdbc;

    private AssessmentSteps steps;
    private String admin;
    private Qualification qualification;
    private String centreId;
    private String invigilator;
    private String coordinator;
    private String otherCoordinator;

    @BeforeEach
    void centreWithStaff() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        qualification = steps.publish(30);
        centreId = steps.centre(qualification.code());
        invigilator = steps.user(centreId, "INVIGILATOR").token();
        coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        otherCoordinator = steps.user(steps.centre(qualification.code()), "CENTRE_COORDINATOR")
                .token();
    }

    private HttpClientForTests.Response apply(String token, String attemptId, byte[] file) {
        return apply(token, attemptId, file, Map.of());
    }

    private HttpClientForTests.Response apply(
            String token, String attemptId, byte[] file, Map<String, String> incident) {
        Map<String, String> fields = new java.util.HashMap<>(incident);
        fields.put("circumstance", "INCIDENT_IN_ROOM");
        fields.put("description", "The fire alarm sounded 10 minutes in; the room was evacuated");
        return http.postMultipart(
                "/api/assessment-attempts/" + attemptId + "/special-considerations", token, fields, "letter.pdf", file);
    }

    /** The invigilator records the fire alarm against the attempt: the incident an application names. */
    private String fireAlarm(String attemptId) {
        return steps.fireAlarm(invigilator, centreId, attemptId, clock.instant());
    }

    /** The item of a queue with that id: the queues are IMI's, shared with other tests' centres. */
    private JsonNode awaitItem(String path, String token, String idField, String id) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var response = http.get(path, token);
                    if (response.status() != 200) {
                        return false;
                    }
                    for (JsonNode item : response.json().get("items")) {
                        if (id.equals(item.path(idField).asText())) {
                            found[0] = item;
                            return true;
                        }
                    }
                    return false;
                });
        return found[0];
    }

    private JsonNode awaitPage(String path, String token, int items) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    var response = http.get(path, token);
                    last[0] = response.json();
                    return response.status() == 200
                            && response.json().get("items").size() == items;
                });
        return last[0];
    }

    @Test
    void givenAFireAlarm_whenImiDecidesVoidAndResit_thenTheAttemptIsVoidedAndTheCandidateResitsAtOnce() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        String attemptId = steps.sit(invigilator, candidate, qualification.assessmentCode(), 1)
                .get("attemptId")
                .asText();
        assertThat(steps.open(invigilator, candidate.candidateId(), qualification.assessmentCode())
                        .status())
                .as("a re-sit waits 48 hours after a fail")
                .isEqualTo(409);

        assertThat(apply(otherCoordinator, attemptId, new byte[0]).status()).isIn(403, 404);
        assertThat(apply(invigilator, attemptId, new byte[0]).status()).isEqualTo(403);
        assertThat(apply(coordinator, attemptId, new byte[0], Map.of("incidentId", "incident-42"))
                        .status())
                .as("an incident never recorded against the attempt")
                .isEqualTo(400);
        String incidentId = fireAlarm(attemptId);
        var applied = apply(
                coordinator, attemptId, SampleFiles.pdf("Fire officer's report"), Map.of("incidentId", incidentId));
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String considerationId = applied.json().get("considerationId").asText();
        assertThat(apply(coordinator, attemptId, new byte[0]).status())
                .as("one application per attempt")
                .isEqualTo(409);

        JsonNode pending = awaitItem(
                "/api/special-considerations?status=PENDING&page=0&size=100",
                admin,
                "considerationId",
                considerationId);
        assertThat(pending.get("incidentId").asText()).isEqualTo(incidentId);
        var applicationRead = http.get("/api/special-considerations/" + considerationId, admin);
        assertThat(applicationRead.status()).as(applicationRead.toString()).isEqualTo(200);
        assertThat(applicationRead.json().get("considerationId").asText()).isEqualTo(considerationId);
        assertThat(applicationRead.json().get("incidentId").asText()).isEqualTo(incidentId);
        var evidence = http.get("/api/special-considerations/" + considerationId + "/evidence", admin);
        assertThat(evidence.status()).as(evidence.toString()).isEqualTo(200);
        assertThat(http.get("/api/special-considerations?status=PENDING", coordinator)
                        .status())
                .isEqualTo(403);

        String decision = "/api/special-considerations/" + considerationId + "/decision";
        Map<String, Object> voidAndResit =
                Map.of("decision", "VOID_AND_RESIT", "reason", "Sitting disrupted by the fire alarm");
        assertThat(http.post(decision, coordinator, voidAndResit).status()).isEqualTo(403);
        assertThat(http.post(decision, admin, Map.of("decision", "MAYBE", "reason", "x"))
                        .status())
                .isEqualTo(400);
        assertThat(http.post(decision, admin, Map.of("decision", "REJECTED")).status())
                .isEqualTo(400);
        var decided = http.post(decision, admin, voidAndResit);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(http.post(decision, admin, voidAndResit).status())
                .as("decided once")
                .isEqualTo(409);

        JsonNode voided = steps.awaitAttempt(admin, attemptId, "VOIDED");
        assertThat(voided.get("voidReason").asText()).contains("Sitting disrupted by the fire alarm");
        var resit = steps.open(invigilator, candidate.candidateId(), qualification.assessmentCode());
        assertThat(resit.status()).as(resit.toString()).isEqualTo(201);

        JsonNode mine =
                awaitPage("/api/candidates/" + candidate.candidateId() + "/special-considerations", coordinator, 1);
        assertThat(mine.get("items").get(0).get("status").asText()).isEqualTo("DECIDED");
        assertThat(mine.get("items").get(0).get("decision").asText()).isEqualTo("VOID_AND_RESIT");
        assertThat(http.get("/api/candidates/" + candidate.candidateId() + "/special-considerations", otherCoordinator)
                        .status())
                .isIn(403, 404);
        assertThat(awaitPage("/api/centres/" + centreId + "/special-considerations", coordinator, 1)
                        .get("items"))
                .hasSize(1);
        assertThat(http.get("/api/centres/" + centreId + "/special-considerations", otherCoordinator)
                        .status())
                .isIn(403, 404);
    }

    @Test
    void givenAFail_whenReCheckConfirmsAndImiUpholdsTheAppeal_thenThePassReachesTheRecordAndTheCandidateIsClaimable() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        JsonNode result = steps.sit(invigilator, candidate, qualification.assessmentCode(), 2);
        assertThat(result.get("outcome").asText()).isEqualTo("FAIL");
        String attemptId = result.get("attemptId").asText();
        String enquiries = "/api/assessment-attempts/" + attemptId + "/result-enquiries";
        Map<String, Object> reasons = Map.of("reasons", "The candidate is sure of at least three answers");

        assertThat(http.post(enquiries, otherCoordinator, reasons).status()).isIn(403, 404);
        assertThat(http.post(enquiries, coordinator, Map.of("reasons", " ")).status())
                .isEqualTo(400);
        var raised = http.post(enquiries, coordinator, reasons);
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String enquiryId = raised.json().get("enquiryId").asText();
        assertThat(http.post(enquiries, coordinator, reasons).status()).isEqualTo(409);

        JsonNode reChecked = awaitPage(
                        "/api/centres/" + centreId + "/result-enquiries?stage=RE_CHECKED", coordinator, 1)
                .get("items")
                .get(0);
        assertThat(reChecked.get("reCheck").get("result").asText()).isEqualTo("CONFIRMED");
        assertThat(reChecked.get("reCheck").get("score").asInt()).isEqualTo(2);

        var appealed = http.post(
                enquiries + "/" + enquiryId + "/appeal",
                coordinator,
                Map.of("reasons", "Question 3's wording allows two right answers"));
        assertThat(appealed.status()).as(appealed.toString()).isEqualTo(200);
        awaitItem("/api/result-enquiries?stage=APPEALED&page=0&size=100", admin, "enquiryId", enquiryId);
        var enquiryRead = http.get("/api/result-enquiries/" + enquiryId, admin);
        assertThat(enquiryRead.status()).as(enquiryRead.toString()).isEqualTo(200);
        assertThat(enquiryRead.json().get("enquiryId").asText()).isEqualTo(enquiryId);

        String decision = "/api/result-enquiries/" + enquiryId + "/decision";
        assertThat(http.post(
                                decision,
                                admin,
                                Map.of("decision", "UPHELD", "outcome", "PASS", "score", 2, "reason", "Credited"))
                        .status())
                .as("2 of 4 is no pass at 75 %")
                .isEqualTo(400);
        Map<String, Object> upheld = Map.of(
                "decision", "UPHELD", "outcome", "PASS", "score", 3, "reason", "Item defective: every answer credited");
        assertThat(http.post(decision, coordinator, upheld).status()).isEqualTo(403);
        var decided = http.post(decision, admin, upheld);
        assertThat(decided.status()).as(decided.toString()).isEqualTo(200);
        assertThat(http.post(decision, admin, upheld).status()).isEqualTo(409);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode attempt = http.get("/api/assessment-attempts/" + attemptId, coordinator)
                    .json();
            assertThat(attempt.get("result").get("outcome").asText()).isEqualTo("PASS");
            assertThat(attempt.get("result").get("score").asInt()).isEqualTo(3);
        });
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(http.get(
                                        "/api/candidates/" + candidate.candidateId() + "/assessment-attempts",
                                        coordinator)
                                .json()
                                .get(0)
                                .get("outcome")
                                .asText())
                        .isEqualTo("PASS"));
        JsonNode mine = awaitPage("/api/candidates/" + candidate.candidateId() + "/result-enquiries", coordinator, 1);
        assertThat(mine.get("items").get(0).get("appeal").get("decision").asText())
                .isEqualTo("UPHELD");
        var claimed =
                http.post("/api/candidates/" + candidate.candidateId() + "/certificate-claims", coordinator, Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
    }

    @Test
    void givenTwoImiDecisionsAtOnce_thenOneWinsAndTheOtherIsAConflict() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        String attemptId = steps.sit(invigilator, candidate, qualification.assessmentCode(), 4)
                .get("attemptId")
                .asText();
        var applied = apply(coordinator, attemptId, new byte[0]);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String decision = "/api/special-considerations/"
                + applied.json().get("considerationId").asText() + "/decision";

        List<CompletableFuture<Integer>> both = List.of(
                CompletableFuture.supplyAsync(() -> http.post(
                                decision, admin, Map.of("decision", "NOTE_ON_RECORD", "reason", "Noted: result stands"))
                        .status()),
                CompletableFuture.supplyAsync(() -> http.post(
                                decision, admin, Map.of("decision", "REJECTED", "reason", "No effect on the result"))
                        .status()));

        assertThat(both.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
    }

    /** A submitted attempt of a candidate of the centre, failed with one right answer. */
    private String submittedAttempt(Candidate candidate) {
        return steps.sit(invigilator, candidate, qualification.assessmentCode(), 1)
                .get("attemptId")
                .asText();
    }

    /**
     * One application per attempt, also for twenty sent at the same moment: one is made, the others are 409
     * problems, and the event store and the candidate's list hold the one. The key on the attempt in the command's
     * transaction refuses a second (ADR 0162); on one node the attempt's lock, held by each application while it is
     * checked, already makes them wait their turn.
     */
    @Test
    void givenTwentyApplicationsOnOneAttemptAtOnce_whenSent_thenOneIsMadeAndTheOthersAre409AndLeaveNothing() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        String attemptId = submittedAttempt(candidate);

        var made = AtOnce.oneMadeAndTheRestConflicts(
                AtOnce.send(AT_ONCE, sender -> apply(coordinator, attemptId, new byte[0])), 201);

        String considerationId = made.json().get("considerationId").asText();
        assertThat(new RecordedEvents(jdbc).count(SpecialConsiderationApplied.class, "attemptId", attemptId))
                .as("applications in the event store")
                .isEqualTo(1);
        JsonNode listed =
                awaitPage("/api/candidates/" + candidate.candidateId() + "/special-considerations", coordinator, 1);
        assertThat(listed.get("items").get(0).get("considerationId").asText()).isEqualTo(considerationId);
    }

    /** One enquiry about a result per attempt, also for twenty asked at the same moment (ADR 0162). */
    @Test
    void givenTwentyEnquiriesOnOneAttemptAtOnce_whenSent_thenOneIsMadeAndTheOthersAre409AndLeaveNothing() {
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        String attemptId = submittedAttempt(candidate);

        var made = AtOnce.oneMadeAndTheRestConflicts(
                AtOnce.send(
                        AT_ONCE,
                        sender -> http.post(
                                "/api/assessment-attempts/" + attemptId + "/result-enquiries",
                                coordinator,
                                Map.of("reasons", "The candidate is sure of question " + (sender + 1)))),
                201);

        String enquiryId = made.json().get("enquiryId").asText();
        assertThat(new RecordedEvents(jdbc).count(ResultEnquiryRaised.class, "attemptId", attemptId))
                .as("enquiries in the event store")
                .isEqualTo(1);
        JsonNode listed = awaitPage("/api/candidates/" + candidate.candidateId() + "/result-enquiries", coordinator, 1);
        assertThat(listed.get("items").get(0).get("enquiryId").asText()).isEqualTo(enquiryId);
    }
}
