package org.awardinghub.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.AtOnce;
import org.awardinghub.events.PersonalData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Erasure by crypto-shredding (issue 19, ADRs 0163 and 0165): a certificated candidate's personal data is stored
 * sealed with a key of their own, and erasing the candidate deletes the key. Afterwards the events still load and
 * every personal field reads as erased; their record, search, claim, certificate and history say so, and no search
 * by name finds them; the certificate still verifies as valid, with the holder erased; the audit chain is intact, and
 * the erasure is in the audit trail.
 */
class ErasureTest extends ApplicationTest {

    private static final String ERASED = PersonalData.ERASED;

    @Autowired
    JdbcTemplate jdbc;

    private AssessmentSteps steps;
    private String admin;
    private Qualification qualification;

    @BeforeEach
    void qualification() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        qualification = steps.publish(30);
    }

    /** A Direct Claim Status centre's candidate, amended, who passed and holds a certificate. */
    private record Certificated(String coordinator, Candidate candidate, String lastName, String number, String code) {}

    private Certificated certificated() {
        String centreId = steps.centre(qualification.code(), true);
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        String lastName = "Erasable" + AssessmentSteps.lettersOnly(unique());
        var amended = http.post(
                "/api/candidates/" + candidate.candidateId() + "/amendments",
                coordinator,
                Map.of("field", "LAST_NAME", "value", lastName, "reason", "Married name given by " + lastName));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(steps.sit(invigilator, candidate, qualification.assessmentCode(), 4)
                        .get("outcome")
                        .asText())
                .isEqualTo("PASS");
        var claimed =
                http.post("/api/candidates/" + candidate.candidateId() + "/certificate-claims", coordinator, Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        JsonNode claim = awaitJson(
                "/api/certificate-claims/" + claimed.json().get("claimId").asText(),
                coordinator,
                json -> "ISSUED".equals(json.path("status").asText()));
        return new Certificated(
                coordinator,
                candidate,
                lastName,
                claim.get("certificateNumber").asText(),
                claim.get("verificationCode").asText());
    }

    private List<String> storedEvents(String candidateId) {
        return jdbc.query(
                "SELECT e.payload, e.meta_data FROM domain_event_entry e WHERE e.aggregate_identifier = ?"
                        + " OR e.aggregate_identifier IN (SELECT a.aggregate_id FROM audit_log a WHERE a.candidate_id = ?)",
                (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8) + "\n"
                        + new String(row.getBytes(2), StandardCharsets.UTF_8),
                candidateId,
                candidateId);
    }

    private List<String> keys(String candidateId) {
        return jdbc.queryForList(
                "SELECT key_material FROM personal_data_keys WHERE subject_id = ?", String.class, candidateId);
    }

    @Test
    void givenACertificatedCandidate_whenErased_thenTheirDataReadsErasedAndTheChainAndCertificateHold() {
        Certificated holder = certificated();
        String candidateId = holder.candidate().candidateId();
        awaitJson(
                "/api/audit/records/candidate/" + candidateId + "/events",
                admin,
                json -> json.toString().contains("CandidateNameAmended"));
        // the candidate's own events, and those of their attempt and claim once the audit log names them
        await().atMost(Duration.ofSeconds(60))
                .until(() -> storedEvents(candidateId).stream().anyMatch(event -> event.contains("\"holderName\"")));
        List<String> stored = storedEvents(candidateId);
        assertThat(String.join("\n", stored))
                .as("names, date of birth and reasons are sealed in every stored event about the candidate")
                .doesNotContain(holder.lastName(), "Robin", "2005-04-03", "Married name")
                .contains("pd1:" + candidateId + ":");
        assertThat(keys(candidateId)).hasSize(1);
        assertThat(http.get("/api/audit/records/candidate/" + candidateId + "/events", admin)
                        .json()
                        .toString())
                .as("the audit log opens what it keeps sealed when it answers")
                .contains(holder.lastName(), "Married name given by " + holder.lastName());

        var erased = http.post(
                "/api/candidates/" + candidateId + "/erasure",
                admin,
                Map.of("reason", "The learner asked to be forgotten", "legalBasis", "UK GDPR Art. 17(1)(a)"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        assertThat(keys(candidateId)).as("the key is gone from the key store").isEmpty();
        // a snapshot may be taken again after the erasure: of the erased state, never of the names before
        assertThat(jdbc.query(
                        "SELECT payload FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                        (row, n) -> new String(row.getBytes(1), StandardCharsets.UTF_8),
                        candidateId))
                .as("no snapshot of the candidate keeps their state in clear")
                .noneMatch(snapshot -> snapshot.contains(holder.lastName()) || snapshot.contains("Robin"));

        JsonNode trail = awaitJson(
                "/api/audit/records/candidate/" + candidateId + "/events",
                admin,
                json -> json.toString().contains("CandidateErased"));
        assertThat(trail.toString())
                .as("every event still reads, with its personal fields erased")
                .doesNotContain(holder.lastName(), "Married name", "2005-04-03")
                .contains(ERASED, "UK GDPR Art. 17(1)(a)", "The learner asked to be forgotten");
        JsonNode state = http.get("/api/audit/records/candidate/" + candidateId + "/state", admin)
                .json();
        assertThat(state.toString()).doesNotContain(holder.lastName()).contains(ERASED);

        String record = "/api/candidates/" + candidateId;
        JsonNode erasedRecord = awaitJson(
                record, holder.coordinator(), json -> json.path("erased").asBoolean());
        assertThat(erasedRecord.get("firstName").asText()).isEqualTo(ERASED);
        assertThat(erasedRecord.get("lastName").asText()).isEqualTo(ERASED);
        assertThat(erasedRecord.get("dateOfBirth").isNull()).isTrue();
        assertThat(erasedRecord.get("registrationNumber").asText())
                .isEqualTo(holder.candidate().registrationNumber());
        assertThat(erasedRecord.get("status").asText()).isEqualTo("CERTIFICATED");
        JsonNode certificate = awaitJson(
                        record,
                        holder.coordinator(),
                        json -> json.path("certificate").path("erased").asBoolean())
                .get("certificate");
        assertThat(certificate.get("certificateNumber").asText()).isEqualTo(holder.number());
        assertThat(certificate.get("holderName").asText()).isEqualTo(ERASED);

        String search = "/api/centres/" + erasedRecord.get("centreId").asText() + "/candidates?q=";
        assertThat(http.get(search + holder.lastName(), holder.coordinator())
                        .json()
                        .get("total")
                        .asLong())
                .as("nobody is found by the erased name")
                .isZero();
        JsonNode byNumber = http.get(search + holder.candidate().registrationNumber(), holder.coordinator())
                .json();
        assertThat(byNumber.get("items").get(0).get("firstName").asText()).isEqualTo(ERASED);

        JsonNode verified = awaitJson(
                "/api/certificates/" + holder.number() + "/verify?code=" + holder.code(),
                null,
                json -> ERASED.equals(json.path("candidateName").asText()));
        assertThat(verified.get("valid").asBoolean())
                .as("the certificate still verifies")
                .isTrue();
        assertThat(verified.get("status").asText()).isEqualTo("VALID");
        var printed = http.get("/api/certificates/" + holder.number() + ".pdf", holder.coordinator());
        assertThat(printed.status())
                .as("no certificate prints without a holder: " + printed)
                .isEqualTo(409);
        JsonNode history = awaitJson(
                record + "/history",
                holder.coordinator(),
                json -> json.toString().contains("CandidateErased"));
        assertThat(history.toString())
                .doesNotContain(holder.lastName(), "Married name")
                .contains("The learner asked to be forgotten");

        JsonNode chain = awaitJson(
                "/api/audit/verify", admin, json -> json.path("intact").asBoolean());
        assertThat(chain.get("firstBreak").isNull()).isTrue();

        var again = http.post(
                "/api/candidates/" + candidateId + "/erasure",
                admin,
                Map.of("reason", "Again", "legalBasis", "UK GDPR Art. 17(1)(a)"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        var amended = http.post(
                "/api/candidates/" + candidateId + "/amendments",
                admin,
                Map.of("field", "FIRST_NAME", "value", "Robin", "reason", "Restore"));
        assertThat(amended.status())
                .as("an erased record changes no more: " + amended)
                .isEqualTo(409);
    }

    @Test
    void givenACandidateWithTheirOwnAccount_whenErased_thenTheAccountIsErasedAndClosedToo() {
        String centreId = steps.centre(qualification.code(), true);
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        AssessmentSteps.Staff learner = steps.candidateAccount(coordinator, candidate.candidateId());
        assertThat(http.get("/api/me", learner.token()).status()).isEqualTo(200);

        var erased = http.post(
                "/api/candidates/" + candidate.candidateId() + "/erasure",
                admin,
                Map.of("reason", "The learner asked to be forgotten", "legalBasis", "UK GDPR Art. 17(1)(a)"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);

        JsonNode users = awaitJson(
                "/api/centres/" + centreId + "/users?size=100",
                coordinator,
                json -> json.toString().contains(ERASED));
        assertThat(users.toString())
                .as("the centre's list of users shows the account as erased")
                .doesNotContain(learner.email());
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(
                        () -> assertThat(http.get("/api/me", learner.token()).status())
                                .as("the account is closed")
                                .isEqualTo(401));
        assertThat(http.post(
                                "/api/auth/login",
                                null,
                                Map.of("pin", learner.pin(), "password", ApplicationTest.GOOD_PASSWORD))
                        .status())
                .as("no sign-in as an erased person")
                .isNotEqualTo(200);
    }

    @Test
    void givenBadInputOrAnotherRole_whenErasing_thenRefusedAndNothingChanges() {
        String centreId = steps.centre(qualification.code(), true);
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        String candidateId =
                steps.register(coordinator, centreId, qualification.code()).candidateId();
        for (Map<String, String> body : List.of(
                Map.of("reason", "Asked"),
                Map.of("legalBasis", "Art. 17"),
                Map.of("reason", " ", "legalBasis", "Art. 17"),
                Map.of("reason", "Asked", "legalBasis", "x".repeat(201)))) {
            var refused = http.post("/api/candidates/" + candidateId + "/erasure", admin, body);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.header("Content-Type")).contains("application/problem+json");
        }
        var byCentre = http.post(
                "/api/candidates/" + candidateId + "/erasure",
                coordinator,
                Map.of("reason", "Asked", "legalBasis", "Art. 17"));
        assertThat(byCentre.status()).as(byCentre.toString()).isEqualTo(403);
        var unknown = http.post(
                "/api/candidates/no-such-candidate/erasure", admin, Map.of("reason", "Asked", "legalBasis", "Art. 17"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(keys(candidateId)).hasSize(1);
    }

    @Test
    void givenAHundredErasuresAtOnce_whenSent_thenOneIsAcceptedAndTheOthersAre409() {
        String centreId = steps.centre(qualification.code(), true);
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        String candidateId =
                steps.register(coordinator, centreId, qualification.code()).candidateId();

        var answers = AtOnce.send(
                100,
                sender -> http.post(
                        "/api/candidates/" + candidateId + "/erasure",
                        admin,
                        Map.of("reason", "Asked to be forgotten, request " + sender, "legalBasis", "Art. 17(1)(a)")));

        AtOnce.oneMadeAndTheRestConflicts(answers, 202);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " AND payload_type LIKE '%.CandidateErased'",
                        Long.class, candidateId))
                .as("one erasure recorded")
                .isEqualTo(1);
        assertThat(keys(candidateId)).as("the key is gone").isEmpty();
    }
}
