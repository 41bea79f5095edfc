package org.awardinghub.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.library.LibraryTest;
import org.awardinghub.api.portfolio.PortfolioTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every endpoint against every kind of caller: those not allowed are refused (401 without a session, 403 for a
 * role that may not, 404 across centres) and nothing is written; those allowed to read get the record.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends ApplicationTest {

    enum Caller {
        ANONYMOUS,
        IMI_ADMIN,
        AUDITOR,
        COORDINATOR,
        CENTRE_ADMIN,
        INVIGILATOR,
        ASSESSOR,
        IQA,
        OTHER_COORDINATOR,
        CANDIDATE_ACCOUNT
    }

    private static final Set<Caller> CENTRE_A =
            EnumSet.of(Caller.COORDINATOR, Caller.CENTRE_ADMIN, Caller.INVIGILATOR, Caller.ASSESSOR, Caller.IQA);
    /** Every signed-in member of staff; a candidate's own account opens only its ePortfolio (and My Details). */
    private static final Set<Caller> SIGNED_IN =
            EnumSet.complementOf(EnumSet.of(Caller.ANONYMOUS, Caller.CANDIDATE_ACCOUNT));

    record Endpoint(String method, String path, Object body, Set<Caller> allowed, String contentType) {
        Endpoint(String method, String path, Object body, Set<Caller> allowed) {
            this(method, path, body, allowed, "application/json");
        }
    }

    @Autowired
    JdbcTemplate jdbc;

    private final Map<Caller, String> tokens = new LinkedHashMap<>();
    private String centreA;
    private String userA;
    private String imiStaffUser;
    private String requestA;
    private String candidateA;
    private String attemptA;
    private String achieverA;
    private String claimA;
    private String certificateA;
    private String caseA;
    private String libraryDocument;
    private String portfolioCandidateA;
    private String evidenceA;
    private String arrangementA;

    @BeforeAll
    void callersAndRecords() {
        http = new HttpClientForTests(port);
        String admin = adminToken();
        centreA = approvedCentre(admin);
        String centreB = approvedCentre(admin);
        tokens.put(Caller.IMI_ADMIN, admin);
        tokens.put(Caller.AUDITOR, activeUser(admin, admin, null, null, "AUDITOR"));
        tokens.put(Caller.COORDINATOR, activeUser(admin, admin, centreA, null, "CENTRE_COORDINATOR"));
        tokens.put(Caller.CENTRE_ADMIN, activeUser(admin, admin, centreA, null, "CENTRE_ADMIN"));
        tokens.put(Caller.INVIGILATOR, activeUser(admin, admin, centreA, null, "INVIGILATOR"));
        tokens.put(Caller.ASSESSOR, activeUser(admin, admin, centreA, null, "ASSESSOR"));
        tokens.put(Caller.IQA, activeUser(admin, admin, centreA, null, "IQA"));
        tokens.put(Caller.OTHER_COORDINATOR, activeUser(admin, admin, centreB, null, "CENTRE_COORDINATOR"));
        userA = addUser(admin, centreA, "INVIGILATOR").userId();
        imiStaffUser = addUser(admin, null, "AUDITOR").userId();
        requestA = http.post(
                        "/api/centres/" + centreA + "/requests",
                        tokens.get(Caller.CENTRE_ADMIN),
                        Map.of("kind", "REQUEST", "subject", "Slots", "body", "More slots please"))
                .json()
                .get("requestId")
                .asText();
        awaitJson("/api/centres/" + centreA + "/requests/" + requestA, admin, json -> json.has("subject"));
        awaitJson("/api/users/" + userA, admin, json -> json.has("pin"));
        candidateA = http.post(
                        "/api/centres/" + centreA + "/candidates",
                        admin,
                        Map.of(
                                "firstName",
                                "Matrix",
                                "lastName",
                                "Candidate",
                                "dateOfBirth",
                                "2001-01-01",
                                "qualificationCode",
                                "LV2-MAINT"))
                .json()
                .get("candidateId")
                .asText();
        awaitJson("/api/candidates/" + candidateA, admin, json -> json.has("registrationNumber"));
        awaitJson("/api/users/" + imiStaffUser, admin, json -> json.has("pin"));
        var opened = http.post(
                "/api/candidates/" + candidateA + "/assessment-attempts",
                tokens.get(Caller.INVIGILATOR),
                Map.of("assessmentCode", "LV2-U01-MCQ"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        attemptA = opened.json().get("attemptId").asText();
        awaitJson("/api/assessment-attempts/" + attemptA, admin, json -> json.has("status"));
        certifiedCandidate(admin);
        portfolioOfA(admin);
        awaitJson("/api/audit/records/candidate/" + candidateA + "/events", admin, json -> json.size() >= 1);
        caseA = http.post(
                        "/api/audit/cases",
                        admin,
                        Map.of(
                                "title",
                                "Matrix case",
                                "records",
                                List.of(Map.of("type", "candidate", "id", candidateA))))
                .json()
                .get("caseId")
                .asText();
        awaitJson("/api/audit/cases/" + caseA + "/bundle", admin, json -> json.has("events"));
        libraryDocument = new MultipartForm()
                .field("title", "Matrix manual")
                .field("kind", "OPERATING_MANUAL")
                .file("manual.pdf", LibraryTest.pdf("matrix"))
                .post(http, "/api/library/documents", admin)
                .json()
                .get("documentId")
                .asText();
        awaitJson("/api/library/documents/" + libraryDocument, admin, json -> json.has("versions"));
        arrangementA = new MultipartForm()
                .field("kind", "READER")
                .field("reason", "Reading age")
                .file("form8.pdf", LibraryTest.pdf("form 8"))
                .post(http, "/api/candidates/" + candidateA + "/access-arrangements", tokens.get(Caller.CENTRE_ADMIN))
                .json()
                .get("arrangementId")
                .asText();
        awaitJson("/api/candidates/" + candidateA + "/access-arrangements", admin, json -> json.size() == 1);
    }

    /** A candidate of centre A who passed a qualification of their own and was certificated after IMI approval. */
    private void certifiedCandidate(String admin) {
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        assertThat(http.post(
                                "/api/centres/" + centreA + "/qualifications",
                                admin,
                                Map.of("qualificationCode", qualification.code(), "reason", "Matrix"))
                        .status())
                .isEqualTo(200);
        AssessmentSteps.Candidate achiever = steps.register(admin, centreA, qualification.code());
        steps.sit(tokens.get(Caller.INVIGILATOR), achiever, qualification.assessmentCode(), 4);
        AssessmentSteps.Candidate unclaimed = steps.register(admin, centreA, qualification.code());
        steps.sit(tokens.get(Caller.INVIGILATOR), unclaimed, qualification.assessmentCode(), 4);
        achieverA = unclaimed.candidateId();
        var claimed = http.post(
                "/api/candidates/" + achiever.candidateId() + "/certificate-claims",
                tokens.get(Caller.COORDINATOR),
                Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        claimA = claimed.json().get("claimId").asText();
        certificateA = http.post("/api/certificate-claims/" + claimA + "/approve", admin, Map.of())
                .json()
                .get("certificateNumber")
                .asText();
        awaitJson(
                "/api/certificate-claims/" + claimA,
                admin,
                json -> "ISSUED".equals(json.path("status").asText()));
        awaitJson(
                "/api/candidates/" + achiever.candidateId(),
                admin,
                json -> json.path("certificate")
                        .path("certificateNumber")
                        .asText()
                        .equals(certificateA));
    }

    /**
     * A candidate of centre A on a qualification with a portfolio unit, with their own account (the
     * CANDIDATE_ACCOUNT caller), the ASSESSOR caller as assessor and a piece of evidence.
     */
    private void portfolioOfA(String admin) {
        var published = http.post("/api/qualifications", admin, portfolioQualification("PF-" + unique().toUpperCase()));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        String code = published.json().get("code").asText();
        assertThat(http.post(
                                "/api/centres/" + centreA + "/qualifications",
                                admin,
                                Map.of("qualificationCode", code, "reason", "Matrix"))
                        .status())
                .isEqualTo(200);
        portfolioCandidateA = new AssessmentSteps(http, admin, DATA_DIR)
                .register(admin, centreA, code)
                .candidateId();
        String email = "learner-" + unique() + "@a.example";
        var account = http.post(
                "/api/candidates/" + portfolioCandidateA + "/account",
                tokens.get(Caller.COORDINATOR),
                Map.of("email", email));
        assertThat(account.status()).as(account.toString()).isEqualTo(201);
        assertThat(http.post(
                                "/api/auth/activate",
                                null,
                                Map.of("token", tokenFromOutbox(admin, email), "password", GOOD_PASSWORD))
                        .status())
                .isEqualTo(204);
        tokens.put(Caller.CANDIDATE_ACCOUNT, signIn(account.json().get("pin").asText(), GOOD_PASSWORD));
        String assessorId = http.get("/api/me", tokens.get(Caller.ASSESSOR))
                .json()
                .get("userId")
                .asText();
        assertThat(http.put(
                                "/api/candidates/" + portfolioCandidateA + "/portfolio/assessor",
                                tokens.get(Caller.COORDINATOR),
                                Map.of("userId", assessorId))
                        .status())
                .isEqualTo(200);
        var uploaded = http.postMultipart(
                "/api/candidates/" + portfolioCandidateA + "/portfolio/evidence",
                tokens.get(Caller.CANDIDATE_ACCOUNT),
                Map.of("unitCode", code + "-P", "criteria", "1.1", "description", "Sheet"),
                "sheet.pdf",
                PortfolioTest.PDF);
        assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
        evidenceA = uploaded.json().get("evidenceId").asText();
        awaitJson(
                "/api/candidates/" + portfolioCandidateA + "/portfolio",
                admin,
                json -> json.path("evidence").size() == 1);
    }

    private List<Endpoint> endpoints() {
        Set<Caller> imiAdmin = EnumSet.of(Caller.IMI_ADMIN);
        Set<Caller> imiStaff = EnumSet.of(Caller.IMI_ADMIN, Caller.AUDITOR);
        Set<Caller> usersOfA = EnumSet.of(Caller.IMI_ADMIN, Caller.COORDINATOR);
        Set<Caller> readUsersOfA = EnumSet.of(Caller.IMI_ADMIN, Caller.AUDITOR, Caller.COORDINATOR);
        Set<Caller> actOnA = union(imiAdmin, CENTRE_A);
        Set<Caller> readA = union(imiStaff, CENTRE_A);
        Set<Caller> registrarsOfA = EnumSet.of(Caller.IMI_ADMIN, Caller.COORDINATOR, Caller.CENTRE_ADMIN);
        String candidate = "/api/candidates/" + candidateA;
        String portfolio = "/api/candidates/" + portfolioCandidateA + "/portfolio";
        String centre = "/api/centres/" + centreA;
        String request = centre + "/requests/" + requestA;
        Map<String, Object> reason = Map.of("reason", "access check");
        String attempt = "/api/assessment-attempts/" + attemptA;
        Set<Caller> sittingCandidateOnly = EnumSet.noneOf(Caller.class);
        Map<String, Object> newUser = Map.of(
                "name", "New Person", "email", "new-" + unique() + "@a.example", "roles", List.of("CENTRE_ADMIN"));
        return List.of(
                new Endpoint(
                        "POST",
                        "/api/users",
                        Map.of("name", "Staff", "email", "s-" + unique() + "@imi.example", "roles", List.of("AUDITOR")),
                        imiAdmin),
                new Endpoint("GET", "/api/users", null, imiStaff),
                new Endpoint("GET", "/api/users/" + userA, null, readUsersOfA),
                new Endpoint("GET", "/api/users/" + imiStaffUser, null, imiStaff),
                new Endpoint("GET", "/api/users/" + userA + "/subject-access", null, imiAdmin),
                new Endpoint("GET", candidate + "/subject-access", null, imiAdmin),
                new Endpoint("POST", "/api/users/" + userA + "/deactivate", reason, usersOfA),
                new Endpoint("POST", "/api/users/" + userA + "/reactivate", reason, usersOfA),
                new Endpoint(
                        "PUT",
                        "/api/users/" + userA + "/roles",
                        Map.of("roles", List.of("ASSESSOR"), "reason", "r"),
                        usersOfA),
                new Endpoint(
                        "PUT",
                        "/api/users/" + userA + "/details",
                        Map.of("name", "N", "email", "n-" + unique() + "@a.example", "reason", "r"),
                        usersOfA),
                new Endpoint("POST", "/api/users/" + imiStaffUser + "/deactivate", reason, imiAdmin),
                new Endpoint("POST", "/api/users/" + userA + "/activation-email", Map.of(), usersOfA),
                new Endpoint("GET", "/api/me", null, union(SIGNED_IN, EnumSet.of(Caller.CANDIDATE_ACCOUNT))),
                new Endpoint(
                        "GET",
                        "/api/me/notification-preferences",
                        null,
                        union(SIGNED_IN, EnumSet.of(Caller.CANDIDATE_ACCOUNT))),
                new Endpoint(
                        "PUT",
                        "/api/me/notification-preferences",
                        Map.of("turnedOff", List.of()),
                        union(SIGNED_IN, EnumSet.of(Caller.CANDIDATE_ACCOUNT))),
                new Endpoint("GET", "/api/outbox", null, imiAdmin),
                new Endpoint(
                        "POST", "/api/auth/logout", Map.of(), union(SIGNED_IN, EnumSet.of(Caller.CANDIDATE_ACCOUNT))),
                new Endpoint(
                        "POST",
                        "/api/centres",
                        Map.of("name", "N", "address", "A", "contactEmail", "c@n.example"),
                        imiAdmin),
                new Endpoint("GET", "/api/centres", null, SIGNED_IN),
                new Endpoint("GET", centre, null, readA),
                new Endpoint(
                        "POST",
                        centre + "/approve",
                        Map.of("qualificationCodes", List.of("LV2-MAINT"), "directClaimStatus", false),
                        imiAdmin),
                new Endpoint("POST", centre + "/suspend", reason, imiAdmin),
                new Endpoint("POST", centre + "/reinstate", reason, imiAdmin),
                new Endpoint("POST", centre + "/withdraw", reason, imiAdmin),
                new Endpoint("PUT", centre + "/direct-claim-status", Map.of("granted", true, "reason", "r"), imiAdmin),
                new Endpoint(
                        "POST",
                        centre + "/qualifications",
                        Map.of("qualificationCode", "VBR2-REP", "reason", "r"),
                        imiAdmin),
                new Endpoint("POST", centre + "/qualifications/LV2-MAINT/remove", reason, imiAdmin),
                new Endpoint(
                        "POST", centre + "/sanctions", Map.of("sanction", "REGISTRATIONS", "reason", "r"), imiAdmin),
                new Endpoint("POST", centre + "/sanctions/REGISTRATIONS/lift", reason, imiAdmin),
                new Endpoint(
                        "PUT",
                        centre + "/details",
                        Map.of("name", "N", "address", "A", "contactEmail", "c@n.example", "reason", "r"),
                        imiAdmin),
                new Endpoint("POST", centre + "/users", newUser, usersOfA),
                new Endpoint("GET", centre + "/users", null, readUsersOfA),
                new Endpoint("GET", centre + "/personnel", null, readUsersOfA),
                new Endpoint("GET", centre + "/personnel?from=2026-01-01&to=2026-01-31", null, readUsersOfA),
                new Endpoint(
                        "POST", centre + "/requests", Map.of("kind", "FEEDBACK", "subject", "s", "body", "b"), actOnA),
                new Endpoint("GET", centre + "/requests", null, readA),
                new Endpoint("GET", "/api/requests?status=OPEN", null, imiStaff),
                new Endpoint("GET", request, null, readA),
                new Endpoint("POST", request + "/replies", Map.of("body", "b"), actOnA),
                new Endpoint("POST", request + "/close", reason, actOnA),
                new Endpoint(
                        "POST",
                        centre + "/candidates",
                        Map.of(
                                "firstName",
                                "New",
                                "lastName",
                                "Person",
                                "dateOfBirth",
                                "2002-02-02",
                                "qualificationCode",
                                "LV2-MAINT"),
                        registrarsOfA),
                new Endpoint(
                        "POST",
                        centre + "/candidates/bulk",
                        "firstName,lastName,dateOfBirth,uln,qualificationCode,startDate\nA,B,2002-02-02,,LV2-MAINT,\n",
                        registrarsOfA,
                        "text/csv"),
                new Endpoint("GET", centre + "/candidates?q=matrix", null, readA),
                new Endpoint("GET", "/api/candidates?q=matrix", null, imiStaff),
                new Endpoint("GET", candidate, null, readA),
                new Endpoint("GET", candidate + "/history", null, readA),
                new Endpoint(
                        "POST",
                        candidate + "/amendments",
                        Map.of("field", "LAST_NAME", "value", "Other", "reason", "r"),
                        registrarsOfA),
                new Endpoint(
                        "POST",
                        candidate + "/transfer",
                        Map.of("toCentreId", centreA, "reason", "r"),
                        EnumSet.of(Caller.IMI_ADMIN, Caller.COORDINATOR)),
                new Endpoint("POST", candidate + "/withdraw", reason, registrarsOfA),
                new Endpoint("POST", candidate + "/reinstate", reason, registrarsOfA),
                new Endpoint("GET", "/api/qualifications", null, SIGNED_IN),
                new Endpoint("GET", "/api/qualifications/LV2-MAINT", null, SIGNED_IN),
                new Endpoint("POST", "/api/qualifications", qualification("ZZ-" + unique().toUpperCase()), imiAdmin),
                new Endpoint(
                        "PUT",
                        "/api/qualifications/LV2-MAINT/assessments/LV2-U01-MCQ/pass-mark",
                        Map.of("passPercent", 55, "reason", "r"),
                        imiAdmin),
                new Endpoint(
                        "POST",
                        candidate + "/assessment-attempts",
                        Map.of("assessmentCode", "LV2-U02-MCQ"),
                        EnumSet.of(Caller.INVIGILATOR)),
                new Endpoint("PUT", attempt + "/answers/Q1", Map.of("optionId", "A"), sittingCandidateOnly),
                new Endpoint("POST", attempt + "/submit", Map.of(), sittingCandidateOnly),
                new Endpoint("GET", attempt + "/sitting", null, sittingCandidateOnly),
                new Endpoint("GET", attempt, null, readA),
                new Endpoint("GET", attempt + "/answer-trail", null, imiStaff),
                new Endpoint("POST", attempt + "/void", reason, imiAdmin),
                new Endpoint("GET", candidate + "/assessment-attempts", null, readA),
                new Endpoint("GET", centre + "/assessment-attempts", null, readA),
                new Endpoint(
                        "POST",
                        attempt + "/pause",
                        Map.of("kind", "EMERGENCY", "reason", "r"),
                        EnumSet.of(Caller.INVIGILATOR)),
                new Endpoint("POST", attempt + "/resume", Map.of(), EnumSet.of(Caller.INVIGILATOR)),
                new Endpoint(
                        "POST",
                        centre + "/assessment-attempts/pause",
                        Map.of("kind", "EMERGENCY", "reason", "r"),
                        EnumSet.of(Caller.INVIGILATOR)),
                new Endpoint("POST", centre + "/assessment-attempts/resume", Map.of(), EnumSet.of(Caller.INVIGILATOR)),
                new Endpoint("GET", centre + "/assessment-attempts/running", null, readA),
                new Endpoint(
                        "POST",
                        centre + "/incidents",
                        Map.of(
                                "attemptIds",
                                List.of(attemptA),
                                "kind",
                                "OTHER",
                                "description",
                                "d",
                                "occurredAt",
                                "2026-01-01T09:00:00Z"),
                        EnumSet.of(Caller.INVIGILATOR)),
                new Endpoint("GET", centre + "/incidents", null, readA),
                new Endpoint("GET", attempt + "/incidents", null, readA),
                new Endpoint("GET", "/api/reports/item-statistics?assessmentCode=LV2-U01-MCQ", null, imiStaff),
                new Endpoint(
                        "POST",
                        "/api/candidates/" + achieverA + "/certificate-claims",
                        Map.of(),
                        EnumSet.of(Caller.COORDINATOR, Caller.CENTRE_ADMIN)),
                new Endpoint("POST", "/api/certificate-claims/" + claimA + "/approve", Map.of(), imiAdmin),
                new Endpoint("POST", "/api/certificate-claims/" + claimA + "/reject", reason, imiAdmin),
                new Endpoint("GET", "/api/certificate-claims?status=ISSUED", null, SIGNED_IN),
                new Endpoint("GET", "/api/certificate-claims/" + claimA, null, readA),
                new Endpoint("GET", "/api/certificates/" + certificateA + ".pdf", null, readA),
                new Endpoint("POST", "/api/certificates/" + certificateA + "/replace", reason, imiAdmin),
                new Endpoint("POST", "/api/certificates/" + certificateA + "/revoke", reason, imiAdmin),
                new Endpoint("GET", "/api/audit/records/candidate/" + candidateA + "/events", null, imiStaff),
                new Endpoint("GET", "/api/audit/records/candidate/" + candidateA + "/state", null, imiStaff),
                new Endpoint("GET", "/api/audit/timeline?centreId=" + centreA, null, imiStaff),
                new Endpoint("GET", "/api/audit/blast-radius?kind=CENTRE&key=" + centreA, null, imiStaff),
                new Endpoint("GET", "/api/audit/verify", null, imiStaff),
                new Endpoint("GET", "/api/audit/seal", null, imiStaff),
                new Endpoint("POST", "/api/audit/seal/check", Map.of("position", 1, "hash", "0".repeat(64)), imiStaff),
                new Endpoint(
                        "POST",
                        "/api/audit/cases",
                        Map.of("title", "Case", "records", List.of(Map.of("type", "candidate", "id", candidateA))),
                        imiStaff),
                new Endpoint("GET", "/api/audit/cases/" + caseA + "/bundle", null, imiStaff),
                new Endpoint("GET", "/api/admin/processors", null, imiAdmin),
                new Endpoint("GET", "/api/admin/dead-letters", null, imiAdmin),
                new Endpoint("POST", "/api/admin/dead-letters/catalogue/retry", Map.of(), imiAdmin),
                new Endpoint(
                        "GET", "/api/reports/late-registrations?centreId=" + centreA, null, union(imiStaff, CENTRE_A)),
                new Endpoint(
                        "GET", "/api/reports/claim-turnaround?centreId=" + centreA, null, union(imiStaff, CENTRE_A)),
                new Endpoint("GET", "/api/reports/centre-changes?centreId=" + centreA, null, union(imiStaff, CENTRE_A)),
                new Endpoint("GET", "/api/reports/amendments?centreId=" + centreA, null, union(imiStaff, CENTRE_A)),
                new Endpoint(
                        "GET",
                        "/api/reports/amendments/after-result-or-claim?centreId=" + centreA,
                        null,
                        union(imiStaff, CENTRE_A)),
                new Endpoint("GET", "/api/reports/pass-rates?centreId=" + centreA, null, union(imiStaff, CENTRE_A)),
                new Endpoint("GET", "/api/returns", null, SIGNED_IN),
                new Endpoint(
                        "GET",
                        "/api/returns/registrations?from=2026-01-01&to=2026-12-31&centreId=" + centreA,
                        null,
                        union(imiStaff, CENTRE_A)),
                new Endpoint(
                        "GET",
                        "/api/returns/registrations/changes?from=2026-01-01&to=2026-12-31"
                                + "&since=2020-01-01T00:00:00Z&centreId=" + centreA,
                        null,
                        union(imiStaff, CENTRE_A)),
                new Endpoint(
                        "GET", "/api/reports/fast-high-scores?centreId=" + centreA, null, union(imiStaff, CENTRE_A)),
                new Endpoint("GET", "/api/reports/answer-changes?centreId=" + centreA, null, union(imiStaff, CENTRE_A)),
                new Endpoint(
                        "GET",
                        "/api/reports/answer-changes/attempts?centreId=" + centreA,
                        null,
                        union(imiStaff, CENTRE_A)),
                new Endpoint("GET", "/api/reports/fair-access?centreId=" + centreA, null, union(imiStaff, CENTRE_A)),
                new Endpoint("POST", "/api/admin/processors/catalogue/replay", Map.of(), imiAdmin),
                new Endpoint(
                        "POST", "/api/library/documents", "--zz--\r\n", imiAdmin, "multipart/form-data; boundary=zz"),
                new Endpoint(
                        "POST",
                        "/api/library/documents/" + libraryDocument + "/versions",
                        "--zz--\r\n",
                        imiAdmin,
                        "multipart/form-data; boundary=zz"),
                new Endpoint("GET", "/api/library/documents?kind=OPERATING_MANUAL", null, SIGNED_IN),
                new Endpoint("GET", "/api/library/documents/" + libraryDocument, null, SIGNED_IN),
                new Endpoint("GET", "/api/library/documents/" + libraryDocument + "/versions/1/file", null, SIGNED_IN),
                new Endpoint(
                        "POST",
                        portfolio.replace("/portfolio", "/account"),
                        Map.of("email", "x-" + unique() + "@a.example"),
                        EnumSet.of(Caller.COORDINATOR, Caller.CENTRE_ADMIN)),
                new Endpoint("PUT", portfolio + "/assessor", Map.of("userId", "nobody"), usersOfA),
                new Endpoint("PUT", portfolio + "/iqa", Map.of("userId", "nobody"), usersOfA),
                new Endpoint(
                        "POST",
                        portfolio + "/evidence",
                        "not,a,form",
                        EnumSet.of(Caller.ASSESSOR, Caller.CANDIDATE_ACCOUNT),
                        "multipart/form-data; boundary=x"),
                new Endpoint("GET", portfolio, null, union(readA, EnumSet.of(Caller.CANDIDATE_ACCOUNT))),
                new Endpoint(
                        "GET",
                        portfolio + "/evidence/" + evidenceA + "/versions/1/file",
                        null,
                        union(readA, EnumSet.of(Caller.CANDIDATE_ACCOUNT))),
                new Endpoint(
                        "POST",
                        portfolio + "/evidence/" + evidenceA + "/judgement",
                        Map.of("criteria", List.of(Map.of("code", "1.1", "met", false))),
                        EnumSet.of(Caller.ASSESSOR)),
                new Endpoint("POST", portfolio + "/units/NONE/sign-off", Map.of(), EnumSet.of(Caller.ASSESSOR)),
                new Endpoint(
                        "POST", portfolio + "/units/NONE/sample", Map.of("decision", "AGREED"), EnumSet.of(Caller.IQA)),
                new Endpoint("PUT", centre + "/sampling-plan", Map.of("percent", 25), usersOfA),
                new Endpoint("GET", "/api/portfolio/assessor-queue", null, EnumSet.of(Caller.ASSESSOR)),
                new Endpoint("GET", "/api/portfolio/iqa-queue", null, EnumSet.of(Caller.IQA)),
                new Endpoint("GET", centre + "/portfolio-progress", null, readUsersOfA),
                new Endpoint(
                        "POST",
                        candidate + "/access-arrangements",
                        "--zz--\r\n",
                        EnumSet.of(Caller.COORDINATOR, Caller.CENTRE_ADMIN),
                        "multipart/form-data; boundary=zz"),
                new Endpoint("POST", candidate + "/access-arrangements/" + arrangementA + "/approve", reason, imiAdmin),
                new Endpoint("POST", candidate + "/access-arrangements/" + arrangementA + "/reject", reason, imiAdmin),
                new Endpoint(
                        "POST",
                        candidate + "/access-arrangements/" + arrangementA + "/withdraw",
                        reason,
                        union(imiAdmin, arrangementsOfA())),
                new Endpoint("GET", candidate + "/access-arrangements", null, union(imiStaff, arrangementsOfA())),
                new Endpoint(
                        "GET",
                        candidate + "/access-arrangements/" + arrangementA + "/evidence",
                        null,
                        union(imiStaff, arrangementsOfA())),
                new Endpoint("GET", "/api/access-arrangements/queue", null, imiStaff),
                new Endpoint(
                        "POST",
                        candidate + "/legal-hold",
                        Map.of("reason", "r", "legalBasis", "Art. 17(3)(e)"),
                        imiAdmin),
                new Endpoint("POST", candidate + "/legal-hold/lift", reason, imiAdmin),
                new Endpoint(
                        "POST",
                        candidate + "/retention/extension",
                        Map.of("keepUntil", "2099-01-01", "reason", "r", "legalBasis", "Art. 6(1)(c)"),
                        imiAdmin),
                new Endpoint("GET", candidate + "/retention", null, imiStaff),
                new Endpoint("GET", "/api/retention/queue", null, imiStaff),
                new Endpoint("GET", "/api/retention/legal-holds", null, imiStaff),
                new Endpoint("GET", "/api/retention/reviews", null, imiStaff));
    }

    /** Centre A's admins and coordinators: who request and read its candidates' access arrangements. */
    private static Set<Caller> arrangementsOfA() {
        return EnumSet.of(Caller.COORDINATOR, Caller.CENTRE_ADMIN);
    }

    @Test
    void givenEveryCaller_whenCallingAnEndpointTheyMayNotUse_thenRefusedAndNothingWritten() {
        long eventsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Caller caller : Caller.values()) {
                if (endpoint.allowed().contains(caller)) {
                    continue;
                }
                var response = call(endpoint, tokens.get(caller));
                // Refused before the body is even read: an invalid body tells them nothing either.
                var withInvalidBody = endpoint.method().equals("GET")
                        ? response
                        : call(
                                new Endpoint(
                                        endpoint.method(),
                                        endpoint.path(),
                                        Map.of("unexpected", true),
                                        endpoint.allowed(),
                                        endpoint.contentType()),
                                tokens.get(caller));
                // A centre user reaching for another centre's record, or for IMI staff, where some centre users
                // may act on their own centre's, must not even learn that the record exists.
                boolean acrossCentres = (caller == Caller.OTHER_COORDINATOR
                                && endpoint.allowed().contains(Caller.COORDINATOR))
                        || (CENTRE_A.contains(caller) && endpoint.path().contains(imiStaffUser));
                Set<Integer> expected =
                        caller == Caller.ANONYMOUS ? Set.of(401) : acrossCentres ? Set.of(404) : Set.of(403, 404);
                if (!expected.contains(response.status())
                        || !expected.contains(withInvalidBody.status())
                        || !response.contentType().startsWith("application/problem+json")) {
                    wrong.add(caller + " " + endpoint.method() + " " + endpoint.path() + " → " + response.status());
                }
            }
        }
        assertThat(wrong).as("callers not refused").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .as("refused calls write nothing")
                .isEqualTo(eventsBefore);
    }

    @Test
    void givenEveryCallerAllowedToRead_whenReading_thenTheyGetIt() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            if (!endpoint.method().equals("GET")) {
                continue;
            }
            for (Caller caller : endpoint.allowed()) {
                var response = call(endpoint, tokens.get(caller));
                if (response.status() != 200) {
                    wrong.add(caller + " GET " + endpoint.path() + " → " + response.status());
                }
            }
        }
        assertThat(wrong).as("readers refused").isEmpty();
    }

    private HttpClientForTests.Response call(Endpoint endpoint, String token) {
        return switch (endpoint.method()) {
            case "GET" -> http.get(endpoint.path(), token);
            case "POST" ->
                endpoint.body() instanceof String text
                        ? http.postRaw(endpoint.path(), token, endpoint.contentType(), text)
                        : endpoint.contentType().equals("application/json")
                                ? http.post(endpoint.path(), token, endpoint.body())
                                : http.postRaw(endpoint.path(), token, endpoint.contentType(), "not,a,file");
            case "PUT" -> http.put(endpoint.path(), token, endpoint.body());
            default -> throw new IllegalArgumentException(endpoint.method());
        };
    }

    private static Map<String, Object> portfolioQualification(String code) {
        Map<String, Object> qualification = new LinkedHashMap<>(qualification(code));
        qualification.put(
                "units",
                List.of(
                        Map.of("code", code + "-U1", "title", "Unit"),
                        Map.of(
                                "code",
                                code + "-P",
                                "title",
                                "Portfolio unit",
                                "portfolio",
                                true,
                                "criteria",
                                List.of(Map.of("code", "1.1", "text", "Does the work")))));
        return qualification;
    }

    private static Map<String, Object> qualification(String code) {
        var items = List.of(
                Map.of(
                        "stem",
                        "Which tool measures tyre tread depth?",
                        "options",
                        List.of("Tread depth gauge", "Torque wrench"),
                        "correctOption",
                        0),
                Map.of(
                        "stem",
                        "What colour is the earth wire in UK mains wiring?",
                        "options",
                        List.of("Brown", "Green and yellow"),
                        "correctOption",
                        1));
        return Map.of(
                "code",
                code,
                "title",
                "Access check",
                "level",
                1,
                "units",
                List.of(Map.of("code", code + "-U1", "title", "Unit")),
                "assessments",
                List.of(Map.of(
                        "code",
                        code + "-A1",
                        "title",
                        "Test",
                        "unitCode",
                        code + "-U1",
                        "questionCount",
                        2,
                        "durationMinutes",
                        10,
                        "passPercent",
                        50,
                        "items",
                        items)));
    }

    @SafeVarargs
    private static Set<Caller> union(Set<Caller>... sets) {
        Set<Caller> all = EnumSet.noneOf(Caller.class);
        for (Set<Caller> set : sets) {
            all.addAll(set);
        }
        return all;
    }
}
