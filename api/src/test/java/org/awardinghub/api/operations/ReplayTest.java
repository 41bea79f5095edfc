package org.awardinghub.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.ReadModels;
import org.awardinghub.api.files.FileStore;
import org.awardinghub.api.library.LibraryTest;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.axonframework.config.EventProcessingConfiguration;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The read models are derived data: replaying every event from zero rebuilds them exactly. */
class ReplayTest extends ApplicationTest {

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    MongoDatabase readStore;

    @Test
    void givenHubActivity_whenProjectionsReplayedFromZero_thenReadModelsAreIdentical() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        CreatedUser[] clumsy = new CreatedUser[1];
        activeUser(admin, admin, centreId, clumsy, "CENTRE_ADMIN");
        for (int attempt = 0; attempt < 2; attempt++) {
            http.post("/api/auth/login", null, Map.of("pin", clumsy[0].pin(), "password", "wrong password " + attempt));
        }
        http.post("/api/centres/" + centreId + "/suspend", admin, Map.of("reason", "Spot check"));
        http.post(
                "/api/centres/" + centreId + "/requests",
                coordinator,
                Map.of("kind", "FEEDBACK", "subject", "Portal", "body", "Works well"));
        awaitJson(
                "/api/centres/" + centreId + "/requests",
                admin,
                json -> json.path("total").asInt() == 1);
        awaitJson(
                "/api/centres/" + centreId,
                admin,
                json -> "SUSPENDED".equals(json.path("status").asText()));
        awaitJson("/api/me", coordinator, json -> json.has("pin"));
        http.post("/api/centres/" + centreId + "/reinstate", admin, Map.of("reason", "Spot check passed"));
        String candidateId = http.post(
                        "/api/centres/" + centreId + "/candidates",
                        coordinator,
                        Map.of(
                                "firstName",
                                "Ciarán",
                                "lastName",
                                "Ó Súilleabháin",
                                "dateOfBirth",
                                "2003-03-03",
                                "qualificationCode",
                                "LV2-MAINT"))
                .json()
                .get("candidateId")
                .asText();
        http.post(
                "/api/candidates/" + candidateId + "/amendments",
                coordinator,
                Map.of("field", "FIRST_NAME", "value", "Ciaran", "reason", "As on passport"));
        String search = "/api/centres/" + centreId + "/candidates?q=suil";
        JsonNode found = awaitJson(
                search,
                admin,
                json -> json.path("items").path(0).path("firstName").asText().equals("Ciaran"));
        awaitJson("/api/candidates/" + candidateId + "/history", admin, json -> json.size() == 2);
        String attemptId = sitAndVoid(admin);
        awaitJson(
                "/api/assessment-attempts/" + attemptId,
                admin,
                json -> "VOIDED".equals(json.path("status").asText()));
        awaitJson(
                "/api/reports/item-statistics?assessmentCode=" + qualification.assessmentCode(),
                admin,
                json -> json.path("attempts").asInt() == 1
                        && json.path("meanScore").asDouble() == 4.0);
        String libraryFile = libraryDocumentDownloaded(admin, coordinator);
        var plan = http.put(
                "/api/centres/" + centreId + "/sampling-plan",
                coordinator,
                Map.of("percent", 30, "newAssessorPercent", 90, "newAssessorSignOffs", 4));
        assertThat(plan.status()).as(plan.toString()).isEqualTo(200);
        awaitJson(
                "/api/centres/" + centreId + "/sampling-plan",
                admin,
                json -> !json.path("defaults").asBoolean());
        Map<String, List<Document>> before = snapshot();
        awaitJson("/api/audit/records/candidate/" + candidateId + "/events", admin, json -> json.size() == 2);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject("SELECT COALESCE(MAX(position), -1) FROM audit_chain_head", Long.class)
                        .equals(jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class)));
        List<Map<String, Object>> chainBefore = chain();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                "SELECT COALESCE(SUM(registrations), 0) FROM report_registrations", Long.class)
                        .equals(jdbc.queryForObject(
                                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE ?",
                                Long.class,
                                "%.CandidateRegistered")));
        List<Map<String, Object>> reportsBefore = reports();
        assertThat(reportsBefore).isNotEmpty();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM personnel_users WHERE last_sign_in_at IS NOT NULL",
                                        Long.class)
                                .equals(jdbc.queryForObject(
                                        "SELECT COUNT(DISTINCT aggregate_identifier) FROM domain_event_entry"
                                                + " WHERE payload_type LIKE ?",
                                        Long.class,
                                        "%.UserSignedIn"))
                        && jdbc.queryForObject(
                                        "SELECT COALESCE(SUM(failed_sign_ins), 0) FROM personnel_sign_in_days",
                                        Long.class)
                                .equals(jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM domain_event_entry"
                                                + " WHERE payload_type LIKE ? AND aggregate_identifier IN (SELECT user_id FROM personnel_users"
                                                + " WHERE centre_id IS NOT NULL)",
                                        Long.class,
                                        "%.SignInFailed"))
                        && jdbc.queryForObject("SELECT COUNT(*) FROM personnel_fair_access", Long.class)
                                .equals(jdbc.queryForObject(
                                        "SELECT COUNT(*) FROM domain_event_entry"
                                                + " WHERE payload_type IN (?, ?, ?, ?, ?, ?)",
                                        Long.class,
                                        AccessArrangementRequested.class.getName(),
                                        SpecialConsiderationApplied.class.getName(),
                                        ResultEnquiryRaised.class.getName(),
                                        AppealLodged.class.getName(),
                                        IncidentRecorded.class.getName(),
                                        AttemptPaused.class.getName())));
        List<Map<String, Object>> personnelBefore = personnel();
        assertThat(personnelBefore)
                .as("a centre user's failed sign-ins")
                .anyMatch(row -> Long.valueOf(2).equals(row.get("failed_sign_ins")))
                .as("the invigilator's pause")
                .anyMatch(row -> "ATTEMPT_PAUSED".equals(row.get("action")));
        assertThat(chainBefore).isNotEmpty();
        assertThat(before.get("centres")).isNotEmpty();
        assertThat(before.get("library_downloads")).isNotEmpty();
        assertThat(before.get("sampling_plans"))
                .as("the centre's sampling plan")
                .isNotEmpty();
        assertThat(before.get("qualifications")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(before.get("portfolio_qualifications"))
                .as("the sample qualification's portfolio units")
                .isNotEmpty();
        for (String assessment : List.of(
                "attempts",
                "sittings",
                "answer_trails",
                "candidate_attempts",
                "item_statistics",
                "item_statistics_attempts",
                "claims",
                "certificates",
                "candidate_certificates")) {
            assertThat(before.get(assessment)).as(assessment).isNotEmpty();
        }

        ReadModels.replayAll(processing);

        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(snapshot()).isEqualTo(before));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    List<Map<String, Object>> now = chain();
                    assertThat(now).hasSizeGreaterThanOrEqualTo(chainBefore.size());
                    assertThat(now.subList(0, chainBefore.size()))
                            .as("the audit log and its hash chain, recomputed")
                            .isEqualTo(chainBefore);
                });
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(reports())
                        .as("the report figures, counted again")
                        .isEqualTo(reportsBefore));
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(personnel())
                        .as("the personnel rows and counters, kept again")
                        .isEqualTo(personnelBefore));
        assertThat(http.get(search, admin).json())
                .as("the search index is rebuilt too")
                .isEqualTo(found);
        HttpResponse<byte[]> file = http.bytes(libraryFile, coordinator);
        assertThat(file.statusCode())
                .as("files are records, not read models: a replay leaves them")
                .isEqualTo(200);
        assertThat(FileStore.sha256(file.body())).isEqualTo(FileStore.sha256(LibraryTest.pdf("two")));
    }

    private AssessmentSteps.Qualification qualification;

    /**
     * A library document in two versions, the second downloaded by a centre user (an event of no aggregate); answers
     * where the second version's file is.
     */
    private String libraryDocumentDownloaded(String admin, String centreUser) {
        String documentId = new MultipartForm()
                .field("title", "Replay manual")
                .field("kind", "KEY_DOCUMENT")
                .file("manual.pdf", LibraryTest.pdf("one"))
                .post(http, "/api/library/documents", admin)
                .json()
                .get("documentId")
                .asText();
        new MultipartForm()
                .file("manual-2.pdf", LibraryTest.pdf("two"))
                .post(http, "/api/library/documents/" + documentId + "/versions", admin);
        awaitJson(
                "/api/library/documents/" + documentId,
                admin,
                json -> json.path("currentVersion").asInt() == 2);
        String file = "/api/library/documents/" + documentId + "/versions/2/file";
        assertThat(http.bytes(file, centreUser).statusCode()).isEqualTo(200);
        awaitJson(
                "/api/library/documents/" + documentId,
                admin,
                json -> json.path("versions").path(1).path("downloads").asLong() == 1);
        return file;
    }

    /**
     * Two candidates sit a test, changing answers, the first paused and resumed by the invigilator on the way; the
     * first one's attempt is voided, the second's stands.
     */
    private String sitAndVoid(String admin) {
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        String voided = null;
        AssessmentSteps.Candidate passed = null;
        for (int candidate = 0; candidate < 2; candidate++) {
            AssessmentSteps.Candidate registered = steps.register(admin, centreId, qualification.code());
            JsonNode started = steps.started(
                    registered.registrationNumber(),
                    steps.opened(invigilator, registered.candidateId(), qualification.assessmentCode())
                            .get("accessKey")
                            .asText());
            if (candidate == 0) {
                String attempt =
                        "/api/assessment-attempts/" + started.get("attemptId").asText();
                assertThat(http.post(
                                        attempt + "/pause",
                                        invigilator,
                                        Map.of("kind", "OTHER", "reason", "Noise outside"))
                                .status())
                        .isEqualTo(200);
                assertThat(http.post(attempt + "/resume", invigilator, Map.of()).status())
                        .isEqualTo(200);
            }
            steps.answerAll(started, 1);
            steps.answerAll(started, 3 + candidate);
            assertThat(steps.submit(started).status()).isEqualTo(200);
            if (voided == null) {
                voided = started.get("attemptId").asText(); // the first (score 3) is voided, the second (4) stands
            }
            passed = registered;
        }
        certify(steps, centreId, passed.candidateId(), admin);
        assertThat(http.post("/api/assessment-attempts/" + voided + "/void", admin, Map.of("reason", "Replay check"))
                        .status())
                .isEqualTo(200);
        return voided;
    }

    /** The one who passed is claimed for, approved, and the certificate replaced. */
    private void certify(AssessmentSteps steps, String centreId, String candidateId, String admin) {
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        String claimId = http.post("/api/candidates/" + candidateId + "/certificate-claims", coordinator, Map.of())
                .json()
                .get("claimId")
                .asText();
        String number = http.post("/api/certificate-claims/" + claimId + "/approve", admin, Map.of())
                .json()
                .get("certificateNumber")
                .asText();
        String replacement = http.post(
                        "/api/certificates/" + number + "/replace", admin, Map.of("reason", "Lost in the post"))
                .json()
                .get("replacedBy")
                .asText();
        awaitJson(
                "/api/candidates/" + candidateId,
                admin,
                json -> "CERTIFICATED".equals(json.path("status").asText())
                        && replacement.equals(json.path("certificate")
                                .path("certificateNumber")
                                .asText()));
    }

    @Autowired
    JdbcTemplate jdbc;

    private List<Map<String, Object>> chain() {
        return jdbc.queryForList("SELECT global_index, event_id, actor_pin, candidate_id, previous_hash, chain_hash"
                + " FROM audit_log ORDER BY global_index");
    }

    private List<Map<String, Object>> reports() {
        List<Map<String, Object>> figures = new ArrayList<>(jdbc.queryForList(
                "SELECT * FROM report_registrations" + " ORDER BY centre_id, qualification_code, registered_on"));
        figures.addAll(jdbc.queryForList("SELECT * FROM report_claims ORDER BY claim_id"));
        figures.addAll(jdbc.queryForList("SELECT * FROM report_centre_changes ORDER BY event_id"));
        figures.addAll(jdbc.queryForList(
                "SELECT * FROM report_amendments" + " ORDER BY centre_id, qualification_code, amended_on"));
        figures.addAll(jdbc.queryForList("SELECT * FROM report_late_amendments ORDER BY event_id"));
        figures.addAll(jdbc.queryForList("SELECT * FROM report_attempts ORDER BY attempt_id"));
        figures.addAll(jdbc.queryForList("SELECT * FROM report_attempt_counts"
                + " ORDER BY centre_id, qualification_code, assessment_code, submitted_on"));
        return figures;
    }

    private List<Map<String, Object>> personnel() {
        List<Map<String, Object>> rows =
                new ArrayList<>(jdbc.queryForList("SELECT * FROM personnel_users" + " ORDER BY user_id"));
        rows.addAll(
                jdbc.queryForList("SELECT * FROM personnel_sign_in_days ORDER BY centre_id, attempted_on, user_id"));
        rows.addAll(jdbc.queryForList("SELECT * FROM personnel_fair_access ORDER BY event_id"));
        return rows;
    }

    /**
     * Every document of the read models. For those of the one-segment processors guarded by their token (ADR 0135),
     * the token position a document was last written at ({@code seq}, and {@code gaps}) is left out: a live run delivers events that
     * committed late with the highest position seen, and gaps that a replay does not meet; what they hold must
     * be the same.
     */
    private Map<String, List<Document>> snapshot() {
        return ReadModels.snapshot(readStore);
    }
}
