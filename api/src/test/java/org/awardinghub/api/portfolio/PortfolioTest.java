package org.awardinghub.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.files.FileStore;
import org.awardinghub.api.files.SampleFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ePortfolio end to end over HTTP: a coordinator gives a candidate an account and assigns an assessor and an
 * IQA; the candidate uploads evidence; the assessor judges it and signs units off; the IQA samples (every sign-off
 * of a new assessor) and sends one back; progress and queues follow; the downloaded file is the one uploaded; and
 * the qualification is certificated only once every portfolio unit is signed off and the MCQ passed.
 */
public class PortfolioTest extends ApplicationTest {

    public static final byte[] PDF = SampleFiles.pdf("Brake inspection sheet");
    static final byte[] PNG = SampleFiles.png();
    static final byte[] EXE = ("MZ\u0090\u0000\u0003\u0000\u0000\u0000\u0004\u0000This program cannot be run in DOS"
                    + " mode.")
            .getBytes(StandardCharsets.ISO_8859_1);

    AssessmentSteps steps;
    String admin;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FileStore content;

    String userIdOf(String token) {
        return http.get("/api/me", token).json().get("userId").asText();
    }

    HttpClientForTests.Response upload(
            String token, String candidateId, String unit, String criteria, String fileName, byte[] bytes) {
        return http.postMultipart(
                "/api/candidates/" + candidateId + "/portfolio/evidence",
                token,
                Map.of("unitCode", unit, "criteria", criteria, "description", "Evidence " + fileName),
                fileName,
                bytes);
    }

    void judge(String assessor, String candidateId, String evidenceId, String... criteria) {
        var judged = http.post(
                "/api/candidates/" + candidateId + "/portfolio/evidence/" + evidenceId + "/judgement",
                assessor,
                Map.of(
                        "criteria",
                        List.of(criteria).stream()
                                .map(c -> Map.of("code", c, "met", true))
                                .toList(),
                        "feedback",
                        "Meets the standard"));
        assertThat(judged.status()).as(judged.toString()).isEqualTo(200);
    }

    @Test
    void givenACandidateAccountAnAssessorAndAnIqa_whenEvidenceIsJudgedSignedOffAndSampled_thenProgressAndCertificate()
            throws Exception {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        String code = steps.publishWithPortfolio();
        String centre = steps.centre(code, true);
        String coordinator = steps.user(centre, "CENTRE_COORDINATOR").token();
        AssessmentSteps.Staff assessorStaff = steps.user(centre, "ASSESSOR");
        String assessor = assessorStaff.token();
        String iqa = steps.user(centre, "IQA").token();
        String invigilator = steps.user(centre, "INVIGILATOR").token();
        String otherCoordinator =
                steps.user(steps.centre(code), "CENTRE_COORDINATOR").token();
        AssessmentSteps.Candidate candidate = steps.register(coordinator, centre, code);
        String id = candidate.candidateId();
        String portfolio = "/api/candidates/" + id + "/portfolio";

        String learner = steps.candidateAccount(coordinator, id).token();
        assertThat(http.post(
                                "/api/candidates/" + id + "/account",
                                coordinator,
                                Map.of("email", "second-" + unique() + "@example.org"))
                        .status())
                .as("one account per candidate")
                .isEqualTo(409);
        assertThat(http.get("/api/me", learner).json().get("roles").toString()).contains("CANDIDATE");

        // assignment: the IQA is never the assessor
        String assessorId = userIdOf(assessor);
        String iqaId = userIdOf(iqa);
        assertThat(http.put(portfolio + "/assessor", coordinator, Map.of("userId", assessorId))
                        .status())
                .isEqualTo(200);
        var sameAsAssessor = http.put(portfolio + "/iqa", coordinator, Map.of("userId", assessorId));
        assertThat(sameAsAssessor.status()).as(sameAsAssessor.toString()).isEqualTo(409);
        assertThat(http.put(portfolio + "/iqa", coordinator, Map.of("userId", iqaId))
                        .status())
                .isEqualTo(200);
        assertThat(http.put(portfolio + "/assessor", otherCoordinator, Map.of("userId", assessorId))
                        .status())
                .as("another centre's coordinator")
                .isEqualTo(404);

        // evidence: typed by content, up to 25 MB
        var pdf = upload(learner, id, code + "-P1", "1.1, 1.2", "inspection.pdf", PDF);
        assertThat(pdf.status()).as(pdf.toString()).isEqualTo(201);
        String pdfSha =
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PDF));
        assertThat(pdf.json().get("sha256").asText()).isEqualTo(pdfSha);
        var png = upload(learner, id, code + "-P1", "1.3", "job-card.png", PNG);
        assertThat(png.status()).as(png.toString()).isEqualTo(201);
        var exe = upload(learner, id, code + "-P1", "1.1", "not-a-virus.pdf", EXE);
        assertThat(exe.status()).as(exe.toString()).isEqualTo(415);
        assertThat(exe.contentType()).startsWith("application/problem+json");
        var huge = upload(learner, id, code + "-P1", "1.1", "huge.pdf", new byte[26 * 1024 * 1024]);
        assertThat(huge.status()).isEqualTo(413);
        String pdfId = pdf.json().get("evidenceId").asText();
        String pngId = png.json().get("evidenceId").asText();

        JsonNode uploaded =
                awaitJson(portfolio, learner, json -> json.path("evidence").size() == 2);
        assertThat(uploaded.get("percentMet").asInt()).isZero();
        assertThat(uploaded.get("evidence")
                        .get(0)
                        .get("versions")
                        .get(0)
                        .get("uploadedBy")
                        .asText())
                .isEqualTo("CANDIDATE");
        JsonNode queue = http.get("/api/portfolio/assessor-queue", assessor).json();
        assertThat(queue).extracting(item -> item.get("evidenceId").asText()).containsExactly(pdfId, pngId);
        assertPagesOfOne("/api/portfolio/assessor-queue", assessor, 2);
        JsonNode personnel =
                http.get("/api/centres/" + centre + "/personnel", coordinator).json();
        JsonNode assessorRow = null;
        for (JsonNode user : personnel.get("users")) {
            assessorRow = assessorId.equals(user.get("userId").asText()) ? user : assessorRow;
        }
        assertThat(assessorRow.get("workload").get("evidenceAwaitingJudgement").asLong())
                .as("the personnel report shows the assessor's two pieces of evidence waiting")
                .isEqualTo(2);

        // the file downloaded is the file uploaded: its SHA-256 is the one recorded
        HttpResponse<byte[]> file = http.bytes(portfolio + "/evidence/" + pdfId + "/versions/1/file", assessor);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file.body())))
                .isEqualTo(pdfSha)
                .isEqualTo(uploaded.get("evidence")
                        .get(0)
                        .get("versions")
                        .get(0)
                        .get("sha256")
                        .asText())
                .isEqualTo(file.headers().firstValue("X-Content-SHA256").orElseThrow());
        assertThat(file.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment");

        // judgement and sign-off: only with every criterion met; a new assessor's sign-offs are all sampled
        assertThat(http.post(portfolio + "/units/" + code + "-P1/sign-off", assessor, Map.of())
                        .status())
                .as("no criterion met yet")
                .isEqualTo(409);
        assertThat(http.post(
                                portfolio + "/evidence/" + pdfId + "/judgement",
                                iqa,
                                Map.of("criteria", List.of(Map.of("code", "1.1", "met", true))))
                        .status())
                .as("the IQA does not judge")
                .isEqualTo(403);
        judge(assessor, id, pdfId, "1.1", "1.2");
        judge(assessor, id, pngId, "1.3");
        var signedOff = http.post(portfolio + "/units/" + code + "-P1/sign-off", assessor, Map.of());
        assertThat(signedOff.status()).as(signedOff.toString()).isEqualTo(200);
        assertThat(signedOff.json().get("sampled").asBoolean()).isTrue();

        JsonNode progress = awaitJson(
                portfolio, coordinator, json -> json.path("unitsSignedOff").asInt() == 1);
        assertThat(progress.get("percentMet").asInt()).isEqualTo(50);
        assertThat(http.get("/api/portfolio/assessor-queue", assessor).json()).isEmpty();
        JsonNode samples = http.get("/api/portfolio/iqa-queue", iqa).json();
        assertThat(samples).extracting(s -> s.get("unitCode").asText()).containsExactly(code + "-P1");
        assertThat(samples.get(0).get("assessorPin").asText()).isEqualTo(assessorStaff.pin());
        assertThat(samples.get(0).get("assessorName").asText())
                .as("the name beside the PIN")
                .isEqualTo("Alex Example");
        assertPagesOfOne("/api/portfolio/iqa-queue", iqa, 1);
        JsonNode centreProgress = http.get("/api/centres/" + centre + "/portfolio-progress", coordinator)
                .json();
        assertThat(centreProgress).singleElement().satisfies(row -> {
            assertThat(row.get("candidateId").asText()).isEqualTo(id);
            assertThat(row.get("percentMet").asInt()).isEqualTo(50);
            assertThat(row.get("samplesDue").asInt()).isEqualTo(1);
            assertThat(row.get("assessorUserId").asText()).isEqualTo(assessorId);
            assertThat(row.get("assessorName").asText())
                    .as("names beside the ids")
                    .isEqualTo("Alex Example");
            assertThat(row.get("iqaName").asText()).isEqualTo("Alex Example");
        });
        assertPagesOfOne("/api/centres/" + centre + "/portfolio-progress", coordinator, 1);

        var notYet = http.post("/api/candidates/" + id + "/certificate-claims", coordinator, Map.of());
        assertThat(notYet.status()).isEqualTo(409);
        assertThat(notYet.json().get("detail").asText())
                .contains("Unit " + code + "-P2 is not signed off")
                .doesNotContain("Unit " + code + "-P1 is not")
                .contains(code + "-MCQ");

        // the IQA sends the unit back: no longer signed off, and it needs fresh judgements
        var sentBack = http.post(
                portfolio + "/units/" + code + "-P1/sample",
                iqa,
                Map.of("decision", "SENT_BACK", "feedback", "The photo does not show the tyre"));
        assertThat(sentBack.status()).as(sentBack.toString()).isEqualTo(200);
        JsonNode afterSendBack = awaitJson(
                portfolio, learner, json -> json.path("unitsSignedOff").asInt() == 0);
        assertThat(afterSendBack.get("units").get(0).get("sampleStatus").asText())
                .isEqualTo("SENT_BACK");
        assertThat(afterSendBack.get("percentMet").asInt()).isZero();
        assertThat(http.post(portfolio + "/units/" + code + "-P1/sign-off", assessor, Map.of())
                        .status())
                .as("not re-judged")
                .isEqualTo(409);
        judge(assessor, id, pdfId, "1.1", "1.2");
        judge(assessor, id, pngId, "1.3");
        assertThat(http.post(portfolio + "/units/" + code + "-P1/sign-off", assessor, Map.of())
                        .status())
                .isEqualTo(200);
        assertThat(http.post(portfolio + "/units/" + code + "-P1/sample", iqa, Map.of("decision", "AGREED"))
                        .status())
                .isEqualTo(200);

        // the assessor uploads for the second unit on the candidate's behalf
        var onBehalf = upload(assessor, id, code + "-P2", "2.1,2.2,2.3", "report.pdf", PDF);
        assertThat(onBehalf.status()).as(onBehalf.toString()).isEqualTo(201);
        judge(assessor, id, onBehalf.json().get("evidenceId").asText(), "2.1", "2.2", "2.3");
        assertThat(http.post(portfolio + "/units/" + code + "-P2/sign-off", assessor, Map.of())
                        .status())
                .isEqualTo(200);
        JsonNode complete = awaitJson(
                portfolio, learner, json -> json.path("unitsSignedOff").asInt() == 2);
        assertThat(complete.get("percentMet").asInt()).isEqualTo(100);
        assertThat(complete.get("evidence")
                        .get(2)
                        .get("versions")
                        .get(0)
                        .get("uploadedBy")
                        .asText())
                .isEqualTo("ASSESSOR_ON_BEHALF");

        // isolation: another centre, another candidate's account, and a candidate account elsewhere
        assertThat(http.get(portfolio, otherCoordinator).status()).isEqualTo(404);
        AssessmentSteps.Candidate other = steps.register(coordinator, centre, code);
        String otherLearner =
                steps.candidateAccount(coordinator, other.candidateId()).token();
        assertThat(http.get(portfolio, otherLearner).status()).isEqualTo(404);
        assertThat(http.get(portfolio + "/evidence/" + pdfId + "/versions/1/file", otherLearner)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/centres/" + centre + "/candidates", learner).status())
                .isEqualTo(403);
        assertThat(upload(otherLearner, id, code + "-P1", "1.1", "x.pdf", PDF).status())
                .isEqualTo(404);

        // the investigator's view: the portfolio's own history and state, and every candidate an assessor touched
        JsonNode history =
                awaitJson("/api/audit/records/portfolio/portfolio-" + id + "/events", admin, json -> json.size() >= 15);
        assertThat(history)
                .extracting(event -> event.get("type").asText())
                .contains(
                        "AssessorAssigned",
                        "EvidenceUploaded",
                        "EvidenceJudged",
                        "UnitSignedOff",
                        "UnitSentBack",
                        "UnitSampleAgreed");
        assertPagesOfOne("/api/audit/records/portfolio/portfolio-" + id + "/events", admin, 15);
        assertThat(http.get("/api/audit/records/portfolio/portfolio-unknown/events?size=1", admin)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/audit/records/portfolio/portfolio-" + id + "/state", admin)
                        .status())
                .isEqualTo(200);
        JsonNode radius = awaitJson(
                "/api/audit/blast-radius?kind=ASSESSOR&key=" + assessorStaff.pin(),
                admin,
                json -> json.path("candidates").size() == 1);
        assertThat(radius.get("candidates").get(0).get("candidateId").asText()).isEqualTo(id);

        // the certificate once the MCQ is passed too
        var missingMcq = http.post("/api/candidates/" + id + "/certificate-claims", coordinator, Map.of());
        assertThat(missingMcq.status()).isEqualTo(409);
        assertThat(missingMcq.json().get("detail").asText()).doesNotContain("is not signed off");
        steps.sit(invigilator, candidate, code + "-MCQ", 4);
        var claimed = http.post("/api/candidates/" + id + "/certificate-claims", coordinator, Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        assertThat(claimed.json().get("status").asText()).isEqualTo("ISSUED");
        assertPagesOfOne("/api/candidates/" + id + "/assessment-attempts", coordinator, 1);
        assertPagesOfOne("/api/candidates/" + id + "/history", coordinator, 2);
        assertThat(http.get("/api/candidates/no-such-candidate/history?size=1", admin)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void givenACentreSettingItsSamplingPlan_whenRead_thenDefaultsFirstThenThePlanWithNamesAndOnlyForItsCentreAndImi() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        String code = steps.publishWithPortfolio();
        String centre = steps.centre(code);
        String other = steps.centre(code);
        String coordinator = steps.user(centre, "CENTRE_COORDINATOR").token();
        String iqa = steps.user(centre, "IQA").token();
        String assessorId = userIdOf(steps.user(centre, "ASSESSOR").token());
        String invigilator = steps.user(centre, "INVIGILATOR").token();
        String otherCoordinator = steps.user(other, "CENTRE_COORDINATOR").token();
        String auditor = activeUser(admin, admin, null, null, "AUDITOR");
        String plan = "/api/centres/" + centre + "/sampling-plan";

        JsonNode defaults = http.get(plan, coordinator).json();
        assertThat(defaults.get("defaults").asBoolean()).as(defaults.toString()).isTrue();
        assertThat(defaults.get("percent").asInt()).isEqualTo(25);
        assertThat(defaults.get("newAssessorPercent").asInt()).isEqualTo(100);
        assertThat(defaults.get("newAssessorSignOffs").asInt()).isEqualTo(5);
        assertThat(defaults.get("overrides")).isEmpty();
        assertThat(defaults.get("setAt").isNull()).isTrue();

        var set = http.put(
                plan,
                coordinator,
                Map.of(
                        "percent",
                        40,
                        "newAssessorPercent",
                        80,
                        "newAssessorSignOffs",
                        3,
                        "overrides",
                        List.of(Map.of("assessorUserId", assessorId, "unitCode", code + "-P1", "percent", 10))));
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        JsonNode read = awaitJson(plan, iqa, json -> !json.get("defaults").asBoolean());
        assertThat(read.get("centreId").asText()).isEqualTo(centre);
        assertThat(read.get("percent").asInt()).isEqualTo(40);
        assertThat(read.get("newAssessorPercent").asInt()).isEqualTo(80);
        assertThat(read.get("newAssessorSignOffs").asInt()).isEqualTo(3);
        assertThat(read.get("setAt").asText()).isNotBlank();
        JsonNode override = read.get("overrides").get(0);
        assertThat(override.get("assessorUserId").asText()).isEqualTo(assessorId);
        assertThat(override.get("assessorName").asText()).isEqualTo("Alex Example");
        assertThat(override.get("unitCode").asText()).isEqualTo(code + "-P1");
        assertThat(override.get("percent").asInt()).isEqualTo(10);
        assertThat(http.get(plan, admin).json()).isEqualTo(read);
        assertThat(http.get(plan, auditor).json()).isEqualTo(read);

        assertThat(http.get(plan, otherCoordinator).status())
                .as("another centre's coordinator")
                .isEqualTo(404);
        assertThat(http.get(plan, invigilator).status())
                .as("an invigilator of the centre")
                .isEqualTo(403);
        assertThat(http.get("/api/centres/no-such-centre/sampling-plan", admin).status())
                .isEqualTo(404);
        assertThat(http.get("/api/centres/" + other + "/sampling-plan", admin)
                        .json()
                        .get("defaults")
                        .asBoolean())
                .as("the other centre has set none")
                .isTrue();
    }

    @Test
    void givenTheSampleCatalogue_whenRead_thenTheDiagnosticsQualificationHasTwoPortfolioUnits() {
        admin = adminToken();
        JsonNode qualification = awaitJson("/api/qualifications/LV3-DIAG", admin, json -> json.has("units"));
        assertThat(qualification.get("units"))
                .filteredOn(unit -> unit.get("portfolio").asBoolean())
                .hasSize(2)
                .allSatisfy(unit -> assertThat(unit.get("criteria")).hasSize(3));
    }

    @Test
    void givenAnInvigilatorOfTheCandidate_whenAssignedAsAssessor_thenRefusedAndTheAssessorMayNotInvigilate() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        String code = steps.publishWithPortfolio();
        String centre = steps.centre(code);
        String coordinator = steps.user(centre, "CENTRE_COORDINATOR").token();
        AssessmentSteps.Staff both = steps.user(centre, "INVIGILATOR");
        String bothId = userIdOf(both.token());
        var roles = http.put(
                "/api/users/" + bothId + "/roles",
                coordinator,
                Map.of("roles", List.of("INVIGILATOR", "ASSESSOR"), "reason", "Also assesses"));
        assertThat(roles.status()).as(roles.toString()).isEqualTo(200);
        AssessmentSteps.Candidate sat = steps.register(coordinator, centre, code);
        steps.opened(both.token(), sat.candidateId(), code + "-MCQ");
        var refused = http.put(
                "/api/candidates/" + sat.candidateId() + "/portfolio/assessor", coordinator, Map.of("userId", bothId));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("invigilated");

        AssessmentSteps.Candidate assessed = steps.register(coordinator, centre, code);
        assertThat(http.put(
                                "/api/candidates/" + assessed.candidateId() + "/portfolio/assessor",
                                coordinator,
                                Map.of("userId", bothId))
                        .status())
                .isEqualTo(200);
        var open = steps.open(both.token(), assessed.candidateId(), code + "-MCQ");
        assertThat(open.status()).as(open.toString()).isEqualTo(409);
    }

    /** Issue 15, findings 3 and 7: what a penetration test uploaded as a candidate, refused before anything is kept. */
    @Test
    void givenACandidateAccount_whenAZipBombOrAWebPageStartingAsAPdfIsUploaded_then415NamingTheFileAndNothingStored() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        String code = steps.publishWithPortfolio();
        String centre = steps.centre(code);
        String coordinator = steps.user(centre, "CENTRE_COORDINATOR").token();
        String id = steps.register(coordinator, centre, code).candidateId();
        String learner = steps.candidateAccount(coordinator, id).token();
        byte[] bomb = SampleFiles.zipBomb();
        byte[] disguised = SampleFiles.pdfHeaderThenWebPage("<html><script>fetch('/api/me')</script></html>");
        long eventsBefore = storedEvents();

        var bombed = upload(learner, id, code + "-P1", "1.1", "report.docx", bomb);
        var webPage = upload(learner, id, code + "-P1", "1.1", "report.pdf", disguised);

        for (var refused : List.of(bombed, webPage)) {
            assertThat(refused.status()).as(refused.toString()).isEqualTo(415);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("status").asInt()).isEqualTo(415);
            assertThat(refused.json().get("errors").findValuesAsText("field")).containsExactly("file");
        }
        assertThat(bombed.json().get("errors").get(0).get("message").asText())
                .startsWith("has an entry, word/media/image1.png, that would inflate ")
                .endsWith(" times its size; at most 100 times is accepted");
        assertThat(webPage.json().get("errors").get(0).get("message").asText())
                .isEqualTo("has web page or script markup (<html) behind its PDF header");
        assertThat(storedEvents()).as("no event").isEqualTo(eventsBefore);
        assertThat(content.exists(FileStore.sha256(bomb))).as("no file").isFalse();
        assertThat(content.exists(FileStore.sha256(disguised))).as("no file").isFalse();

        var real = upload(learner, id, code + "-P1", "1.1", "report.pdf", SampleFiles.pdf("Inspection"));
        assertThat(real.status()).as("the same upload of a real PDF: " + real).isEqualTo(201);
    }

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
