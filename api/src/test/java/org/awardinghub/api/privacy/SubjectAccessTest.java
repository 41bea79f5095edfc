package org.awardinghub.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.files.FileStore;
import org.awardinghub.api.files.SampleFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Subject access (ADR 0167): IMI exports everything held about one candidate, as JSON and as a PDF, and it holds
 * every fact of the candidate's record (registration, amendment, an attempt, a certificate, an access arrangement with
 * its evidence) and nothing about another candidate of the same centre and the same incident, nor staff names; a
 * user's export holds their account and what was done under their PIN; only IMI_ADMIN exports; each export is
 * recorded in the audit trail.
 */
class SubjectAccessTest extends ApplicationTest {

    static final byte[] EVIDENCE = SampleFiles.pdf("Form 8: assessor's report for the subject access test");

    @Autowired
    JdbcTemplate jdbc;

    /** What a candidate is registered with. */
    record Person(String firstName, String lastName, String dateOfBirth, String uln) {}

    /** A signed-in member of staff, with a name the export must not show. */
    record Staff(String userId, String pin, String token, String name, String email) {}

    String admin;
    AssessmentSteps steps;
    Qualification qualification;
    String centreId;
    Staff coordinator;
    Staff invigilator;

    @BeforeEach
    void centre() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        qualification = steps.publish(30);
        centreId = steps.centre(qualification.code(), true);
        coordinator = staff("CENTRE_COORDINATOR");
        invigilator = staff("INVIGILATOR");
    }

    Staff staff(String role) {
        String name = "Quentin Staff" + AssessmentSteps.lettersOnly(unique());
        CreatedUser user = addNamedUser(admin, centreId, name, role);
        activate(admin, user);
        return new Staff(user.userId(), user.pin(), signIn(user.pin(), GOOD_PASSWORD), name, user.email());
    }

    static Person person(String firstName, String dateOfBirth) {
        return new Person(firstName, "Surname" + AssessmentSteps.lettersOnly(unique()), dateOfBirth, uln());
    }

    /** A ULN that passes the learner-records check: ten digits, the first not 0, the last the check digit. */
    static String uln() {
        while (true) {
            StringBuilder digits = new StringBuilder();
            digits.append(ThreadLocalRandom.current().nextInt(1, 10));
            for (int i = 1; i < 9; i++) {
                digits.append(ThreadLocalRandom.current().nextInt(10));
            }
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (digits.charAt(i) - '0') * (10 - i);
            }
            int remainder = sum % 11;
            if (remainder != 0) {
                return digits.append(10 - remainder).toString();
            }
        }
    }

    Candidate register(Person person) {
        var registered = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator.token(),
                Map.of(
                        "firstName", person.firstName(),
                        "lastName", person.lastName(),
                        "dateOfBirth", person.dateOfBirth(),
                        "uln", person.uln(),
                        "qualificationCode", qualification.code()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return new Candidate(
                registered.json().get("candidateId").asText(),
                registered.json().get("registrationNumber").asText());
    }

    JsonNode started(Candidate candidate) {
        return steps.started(
                candidate.registrationNumber(),
                steps.opened(invigilator.token(), candidate.candidateId(), qualification.assessmentCode())
                        .get("accessKey")
                        .asText());
    }

    static String exportOf(Candidate candidate) {
        return "/api/candidates/" + candidate.candidateId() + "/subject-access";
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    static List<String> types(JsonNode export) {
        List<String> types = new ArrayList<>();
        export.get("events").forEach(event -> types.add(event.get("type").asText()));
        return types;
    }

    static JsonNode event(JsonNode export, String type) {
        for (JsonNode event : export.get("events")) {
            if (event.get("type").asText().equals(type)) {
                return event;
            }
        }
        throw new AssertionError("no " + type + " in " + types(export));
    }

    static JsonNode record(JsonNode export, String name) {
        for (JsonNode model : export.get("records")) {
            if (model.get("name").asText().equals(name)) {
                return model.get("items");
            }
        }
        throw new AssertionError("no record " + name + " in " + export.get("records"));
    }

    @Test
    void givenACertificatedCandidateSharingAnIncident_whenImiExportsThem_thenEveryFactOfTheirsAndNothingOfAnyoneElse()
            throws IOException {
        Instant before = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.SECONDS);
        Person a = person("Ada", "2003-07-19");
        Person b = person("Beatrix", "1999-02-17");
        Candidate candidateA = register(a);
        Candidate candidateB = register(b);
        String newLastName = "Married" + AssessmentSteps.lettersOnly(unique());
        var amended = http.post(
                "/api/candidates/" + candidateA.candidateId() + "/amendments",
                coordinator.token(),
                Map.of("field", "LAST_NAME", "value", newLastName, "reason", "Deed poll dated 1 May"));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        var arrangement = new MultipartForm()
                .field("kind", "EXTRA_TIME")
                .field("extraTimePercent", "25")
                .field("reason", "Slow processing speed")
                .file("report.pdf", EVIDENCE)
                .post(
                        http,
                        "/api/candidates/" + candidateA.candidateId() + "/access-arrangements",
                        coordinator.token());
        assertThat(arrangement.status()).as(arrangement.toString()).isEqualTo(201);

        // both sit together; the invigilator records one incident against both attempts, naming B in its text
        JsonNode sittingA = started(candidateA);
        JsonNode sittingB = started(candidateB);
        String attemptA = sittingA.get("attemptId").asText();
        String attemptB = sittingB.get("attemptId").asText();
        var incident = http.post(
                "/api/centres/" + centreId + "/incidents",
                invigilator.token(),
                Map.of(
                        "attemptIds",
                        List.of(attemptA, attemptB),
                        "kind",
                        "DISRUPTION",
                        "description",
                        "Fire alarm; " + b.firstName() + " " + b.lastName() + " left the room",
                        "occurredAt",
                        clock.instant()
                                .minus(Duration.ofMinutes(2))
                                .truncatedTo(ChronoUnit.SECONDS)
                                .toString()));
        assertThat(incident.status()).as(incident.toString()).isEqualTo(201);
        String incidentId = incident.json().get("incidentId").asText();
        steps.answerAll(sittingA, AssessmentSteps.QUESTIONS);
        assertThat(steps.submit(sittingA).json().get("outcome").asText()).isEqualTo("PASS");
        steps.answerAll(sittingB, 1);
        assertThat(steps.submit(sittingB).status()).isEqualTo(200);
        var claimed = http.post(
                "/api/candidates/" + candidateA.candidateId() + "/certificate-claims", coordinator.token(), Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        String certificate = claimed.json().get("certificateNumber").asText();
        awaitJson(
                "/api/candidates/" + candidateA.candidateId(),
                admin,
                json -> "CERTIFICATED".equals(json.path("status").asText())
                        && newLastName.equals(json.path("lastName").asText()));
        steps.awaitAttempt(admin, attemptA, "SUBMITTED");
        awaitJson(
                "/api/candidates/" + candidateA.candidateId() + "/access-arrangements",
                admin,
                json -> json.size() == 1);
        awaitJson("/api/assessment-attempts/" + attemptA + "/incidents", admin, json -> json.size() == 1);

        // the JSON
        var exported = http.get(
                exportOf(candidateA) + "?reason=" + URLEncoder.encode("SAR ref 42", StandardCharsets.UTF_8), admin);
        assertThat(exported.status()).as(exported.toString()).isEqualTo(200);
        assertThat(exported.contentType()).startsWith("application/json");
        assertThat(exported.header("Cache-Control")).contains("no-store");
        JsonNode export = exported.json();
        String text = exported.raw().body();

        assertThat(export.at("/subject/type").asText()).isEqualTo("candidate");
        assertThat(export.at("/subject/name").asText()).isEqualTo(a.firstName() + " " + newLastName);
        assertThat(export.at("/subject/registrationNumber").asText()).isEqualTo(candidateA.registrationNumber());
        assertThat(export.get("exportedByPin").asText()).isEqualTo(ADMIN_PIN);
        assertThat(export.get("reason").asText()).isEqualTo("SAR ref 42");
        assertThat(types(export))
                .contains(
                        "CandidateRegistered",
                        "CandidateNameAmended",
                        "AccessArrangementRequested",
                        "AccessArrangementApproved",
                        "AttemptOpened",
                        "AttemptStarted",
                        "AnswerChosen",
                        "AttemptSubmitted",
                        "IncidentRecorded",
                        "CertificateClaimed",
                        "CertificateIssued",
                        "CandidateCertificated");
        List<Instant> times = new ArrayList<>();
        export.get("events")
                .forEach(event -> times.add(Instant.parse(event.get("at").asText())));
        assertThat(times).as("oldest first").isSorted();
        assertThat(event(export, "CandidateRegistered").get("summary").asText())
                .contains(
                        a.firstName() + " " + a.lastName(), a.dateOfBirth(), a.uln(), candidateA.registrationNumber());
        assertThat(event(export, "CandidateNameAmended").get("summary").asText())
                .isEqualTo("Name amended from " + a.firstName() + " " + a.lastName() + " to " + a.firstName() + " "
                        + newLastName + " by PIN " + coordinator.pin() + ": Deed poll dated 1 May");
        assertThat(event(export, "CandidateNameAmended")
                        .at("/fields/oldLastName")
                        .asText())
                .isEqualTo(a.lastName());
        assertThat(event(export, "AttemptSubmitted").get("summary").asText())
                .startsWith("Attempt submitted: 4 of 4")
                .endsWith("pass by the candidate");
        assertThat(event(export, "AttemptSubmitted").get("bySubject").asBoolean())
                .isTrue();
        assertThat(event(export, "CertificateIssued").get("summary").asText()).contains(certificate);
        assertThat(event(export, "AccessArrangementRequested").get("summary").asText())
                .contains("extra time (25 %)", "report.pdf", "Slow processing speed");

        // the read models
        assertThat(record(export, "candidate").get(0).get("dateOfBirth").asText())
                .isEqualTo(a.dateOfBirth());
        assertThat(record(export, "candidate").get(0).get("uln").asText()).isEqualTo(a.uln());
        assertThat(record(export, "history")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(record(export, "attempts")).hasSize(1);
        assertThat(record(export, "attempts").get(0).at("/result/outcome").asText())
                .isEqualTo("PASS");
        assertThat(record(export, "certificates")
                        .get(0)
                        .get("certificateNumber")
                        .asText())
                .isEqualTo(certificate);
        assertThat(record(export, "claims").get(0).get("status").asText()).isEqualTo("ISSUED");
        assertThat(record(export, "accessArrangements").get(0).get("status").asText())
                .isEqualTo("APPROVED");
        JsonNode sharedIncident = record(export, "incidents").get(0);
        assertThat(sharedIncident.get("incidentId").asText()).isEqualTo(incidentId);
        assertThat(sharedIncident.get("candidateIds")).hasSize(1);
        assertThat(sharedIncident.get("candidateIds").get(0).asText()).isEqualTo(candidateA.candidateId());
        assertThat(sharedIncident.get("attemptIds").get(0).asText()).isEqualTo(attemptA);
        assertThat(sharedIncident.get("description").asText()).isEqualTo(SubjectAccessRedaction.SHARED_TEXT_WITHHELD);

        // the file, listed with its hash and where it is downloaded
        assertThat(export.get("files")).hasSize(1);
        JsonNode file = export.get("files").get(0);
        assertThat(file.get("fileName").asText()).isEqualTo("report.pdf");
        assertThat(file.get("sha256").asText()).isEqualTo(FileStore.sha256(EVIDENCE));
        assertThat(file.get("size").asLong()).isEqualTo(EVIDENCE.length);
        assertThat(file.get("kept").asBoolean()).isTrue();
        HttpResponse<byte[]> download = http.bytes(file.get("download").asText(), admin);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(EVIDENCE);

        // what the controller owes the subject
        assertThat(export.at("/statement/purposes")).isNotEmpty();
        assertThat(export.at("/statement/recipients")).isNotEmpty();
        assertThat(export.at("/statement/retention").asText()).contains("retention policy");
        assertThat(export.at("/statement/rights").toString()).contains("Information Commissioner");

        // nothing of the other candidate, nor staff names, nor the item bank's wording
        List<String> others = List.of(
                b.firstName(),
                b.lastName(),
                b.dateOfBirth(),
                b.uln(),
                candidateB.registrationNumber(),
                candidateB.candidateId(),
                attemptB,
                coordinator.name(),
                coordinator.email(),
                coordinator.userId(),
                invigilator.name(),
                invigilator.userId(),
                "which is right?",
                "Right answer");
        for (String other : others) {
            assertThat(text).as("the JSON export holds " + other).doesNotContain(other);
        }
        assertThat(text).contains(coordinator.pin(), invigilator.pin());

        // the PDF, with the same facts and nothing more
        HttpResponse<byte[]> pdf = http.bytes(exportOf(candidateA), admin, Map.of("Accept", "application/pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/pdf"));
        String printed = pdfText(pdf.body());
        assertThat(printed)
                .contains(
                        a.firstName() + " " + newLastName,
                        a.lastName(),
                        a.dateOfBirth(),
                        a.uln(),
                        candidateA.registrationNumber(),
                        certificate,
                        "Name amended from",
                        "Deed poll dated 1 May",
                        FileStore.sha256(EVIDENCE),
                        "Information Commissioner");
        for (String other : others) {
            assertThat(printed).as("the PDF export holds " + other).doesNotContain(other);
        }

        // both exports are recorded, and appear in the audit trail
        JsonNode timeline = awaitJson(
                "/api/audit/timeline?size=200&actorPin=" + ADMIN_PIN + "&from=" + before,
                admin,
                json -> exportsOf(json, candidateA.candidateId()).size() == 2);
        assertThat(exportsOf(timeline, candidateA.candidateId()))
                .extracting(exportEvent -> exportEvent.at("/payload/format").asText())
                .containsExactlyInAnyOrder("json", "pdf");
        assertThat(exportsOf(timeline, candidateA.candidateId())
                        .get(0)
                        .at("/payload/reason")
                        .asText())
                .isEqualTo("SAR ref 42");
    }

    static List<JsonNode> exportsOf(JsonNode timeline, String subjectId) {
        List<JsonNode> found = new ArrayList<>();
        timeline.get("items").forEach(event -> {
            if ("SubjectAccessExported".equals(event.get("type").asText())
                    && subjectId.equals(event.at("/payload/subjectId").asText())) {
                found.add(event);
            }
        });
        return found;
    }

    @Test
    void givenAMemberOfStaff_whenImiExportsThem_thenTheirAccountAndWhatTheyDidButNotTheRecordsOfOthers()
            throws IOException {
        Person person = person("Cecil", "2001-11-05");
        Candidate candidate = register(person);
        awaitJson("/api/candidates/" + candidate.candidateId(), admin, json -> json.has("registrationNumber"));
        String userExport = "/api/users/" + coordinator.userId() + "/subject-access";

        JsonNode export = awaitJson(
                userExport, admin, json -> json.path("activity").toString().contains("CandidateRegistered"));
        assertThat(export.at("/subject/type").asText()).isEqualTo("user");
        assertThat(export.at("/subject/name").asText()).isEqualTo(coordinator.name());
        assertThat(export.at("/subject/pin").asText()).isEqualTo(coordinator.pin());
        assertThat(types(export)).contains("UserCreated", "PasswordSet", "UserSignedIn");
        assertThat(event(export, "UserCreated").get("summary").asText())
                .contains(coordinator.pin(), coordinator.name(), coordinator.email(), "CENTRE_COORDINATOR");
        assertThat(record(export, "user").get(0).get("email").asText()).isEqualTo(coordinator.email());
        JsonNode registered = null;
        for (JsonNode activity : export.get("activity")) {
            if (activity.get("type").asText().equals("CandidateRegistered")) {
                registered = activity;
            }
        }
        assertThat(registered).isNotNull();
        assertThat(registered.get("summary").asText()).isEqualTo("Candidate registered, on another person's record");
        assertThat(registered.get("recordId").isNull()).isTrue();
        String text = export.toString();
        for (String other : List.of(person.firstName(), person.lastName(), person.uln(), candidate.candidateId())) {
            assertThat(text).as("the user's export holds " + other).doesNotContain(other);
        }

        HttpResponse<byte[]> pdf = http.bytes(userExport, admin, Map.of("Accept", "application/pdf"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        String printed = pdfText(pdf.body());
        assertThat(printed).contains(coordinator.name(), coordinator.email(), "Candidate registered, on another");
        assertThat(printed).doesNotContain(person.lastName());
    }

    @Test
    void givenCallersOtherThanImiAdmin_orUnknownSubjects_whenExporting_thenRefusedAndNothingRecorded() {
        Candidate candidate = register(person("Dora", "2004-03-08"));
        String auditor = activeUser(admin, admin, null, null, "AUDITOR");
        long before = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        for (String path : List.of(exportOf(candidate), "/api/users/" + coordinator.userId() + "/subject-access")) {
            assertThat(http.get(path, auditor).status()).as("AUDITOR " + path).isEqualTo(403);
            assertThat(http.get(path, coordinator.token()).status())
                    .as("coordinator " + path)
                    .isEqualTo(403);
            assertThat(http.get(path, invigilator.token()).status())
                    .as("invigilator " + path)
                    .isEqualTo(403);
            assertThat(http.get(path, null).status()).as("anonymous " + path).isEqualTo(401);
            var unacceptable = http.get(path, admin, Map.of("Accept", "text/csv"));
            assertThat(unacceptable.status()).as(unacceptable.toString()).isEqualTo(406);
            var badReason = http.get(path + "?reason=" + URLEncoder.encode("a\nb", StandardCharsets.UTF_8), admin);
            assertThat(badReason.status()).as(badReason.toString()).isEqualTo(400);
            assertThat(badReason.json().at("/errors/0/field").asText()).isEqualTo("reason");
            var tooLong = http.get(path + "?reason=" + "x".repeat(1001), admin);
            assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        }
        for (String path :
                List.of("/api/candidates/no-such-candidate/subject-access", "/api/users/nobody/subject-access")) {
            for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("Accept", "application/pdf"))) {
                HttpClientForTests.Response unknown = http.get(path, admin, headers);
                assertThat(unknown.status()).as(path + " " + headers).isEqualTo(404);
                assertThat(unknown.contentType()).startsWith("application/problem+json");
                assertThat(unknown.json().get("status").asInt()).isEqualTo(404);
            }
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .as("a refused export records nothing")
                .isEqualTo(before);
    }
}
