package org.awardinghub.api.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.AssessmentSteps.Staff;
import org.awardinghub.api.MultipartForm;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A centre's personnel report over HTTP, after real sign-ins and wrong passwords: who created each user, their last
 * sign-in, failed sign-ins and lock-outs in a period, JSON and CSV; what each did about fair access, after real
 * requests, pauses, incidents, applications, enquiries and appeals; the coordinator sees their own centre only.
 */
class PersonnelReportTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    /** A user added through the API with a name of our own, their password set from the activation email. */
    private CreatedUser person(String admin, String creator, String centreId, String name, String role) {
        CreatedUser user = addNamedUser(creator, centreId, name, role);
        activate(admin, user);
        return user;
    }

    private void wrongPasswords(String pin, int times) {
        for (int attempt = 0; attempt < times; attempt++) {
            assertThat(http.post("/api/auth/login", null, Map.of("pin", pin, "password", "not my password " + attempt))
                            .status())
                    .as("wrong password %d", attempt + 1)
                    .isEqualTo(401);
        }
    }

    private static JsonNode row(JsonNode report, String userId) {
        for (JsonNode user : report.get("users")) {
            if (user.get("userId").asText().equals(userId)) {
                return user;
            }
        }
        return null;
    }

    @Test
    void givenSignInsAndWrongPasswords_whenTheCoordinatorReads_thenEachUserWithCreatorLastSignInFailuresAndLockOuts() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] made = new CreatedUser[1];
        String coordinator = activeUser(admin, admin, centreId, made, "CENTRE_COORDINATOR");
        CreatedUser coordinatorUser = made[0];
        CreatedUser office = person(admin, coordinator, centreId, "Beth Office", "CENTRE_ADMIN");
        CreatedUser assessor = person(admin, coordinator, centreId, "Adam Assessor", "ASSESSOR");
        CreatedUser careless = person(admin, coordinator, centreId, "Carl Careless", "INVIGILATOR");
        Instant beforeSignIn = Instant.now();
        signIn(office.pin(), GOOD_PASSWORD);
        wrongPasswords(assessor.pin(), 2);
        wrongPasswords(careless.pin(), 5);
        assertThat(http.post("/api/auth/login", null, Map.of("pin", careless.pin(), "password", GOOD_PASSWORD))
                        .status())
                .as("locked out")
                .isEqualTo(429);

        String path = "/api/centres/" + centreId + "/personnel";
        JsonNode report = awaitJson(
                path,
                coordinator,
                json -> row(json, careless.userId()) != null
                        && row(json, careless.userId()).get("lockOuts").asLong() == 1
                        && row(json, assessor.userId()).get("failedSignIns").asLong() == 2
                        && !row(json, office.userId()).get("lastSignInAt").isNull());

        LocalDate today = LocalDate.now(clock);
        assertThat(report.get("centreId").asText()).isEqualTo(centreId);
        assertThat(report.get("from").asText())
                .as("the last 30 days by default")
                .isEqualTo(today.minusDays(29).toString());
        assertThat(report.get("to").asText()).isEqualTo(today.toString());
        List<String> names = new ArrayList<>();
        report.get("users").forEach(user -> names.add(user.get("name").asText()));
        assertThat(names)
                .as("everyone at the centre, by name")
                .containsExactly("Adam Assessor", "Beth Office", "Carl Careless", "Sam Example");

        JsonNode bethRow = row(report, office.userId());
        assertThat(bethRow.get("pin").asText()).isEqualTo(office.pin());
        assertThat(bethRow.get("email").asText()).isEqualTo(office.email());
        assertThat(bethRow.get("roles")).hasSize(1);
        assertThat(bethRow.get("roles").get(0).asText()).isEqualTo("CENTRE_ADMIN");
        assertThat(bethRow.get("active").asBoolean()).isTrue();
        assertThat(bethRow.get("createdByPin").asText())
                .as("created by the coordinator")
                .isEqualTo(coordinatorUser.pin());
        assertThat(Instant.parse(bethRow.get("createdAt").asText())).isBefore(beforeSignIn);
        assertThat(Instant.parse(bethRow.get("lastSignInAt").asText())).isAfterOrEqualTo(beforeSignIn.minusSeconds(1));
        assertThat(bethRow.get("failedSignIns").asLong()).isZero();
        assertThat(bethRow.has("workload") && bethRow.get("workload").isNull())
                .as("not an assessor or IQA")
                .isTrue();

        JsonNode carlRow = row(report, careless.userId());
        assertThat(carlRow.get("failedSignIns").asLong()).isEqualTo(5);
        assertThat(carlRow.get("lockOuts").asLong()).isEqualTo(1);
        assertThat(carlRow.get("lastSignInAt").isNull()).as("never signed in").isTrue();
        JsonNode adamRow = row(report, assessor.userId());
        assertThat(adamRow.get("lockOuts").asLong()).isZero();
        assertThat(adamRow.get("workload").get("evidenceAwaitingJudgement").asLong())
                .as("an assessor's workload, from the ePortfolio: nothing assigned yet")
                .isZero();
        assertThat(adamRow.get("workload").get("samplesDue").asLong()).isZero();
        JsonNode coordinatorRow = row(report, coordinatorUser.userId());
        assertThat(coordinatorRow.get("createdByPin").asText())
                .as("created by the IMI administrator")
                .isEqualTo(ADMIN_PIN);
        assertThat(coordinatorRow.get("lastSignInAt").isNull()).isFalse();

        JsonNode lastYear = http.get(
                        path + "?from=" + today.minusYears(1) + "&to="
                                + today.minusYears(1).plusDays(6),
                        coordinator)
                .json();
        assertThat(lastYear.get("users")).as("everyone, whatever the period").hasSize(4);
        assertThat(row(lastYear, careless.userId()).get("failedSignIns").asLong())
                .as("nothing failed then")
                .isZero();
        assertThat(row(lastYear, careless.userId()).get("lockOuts").asLong()).isZero();
        JsonNode fromToday = http.get(path + "?from=" + today, coordinator).json();
        assertThat(fromToday.get("to").asText()).isEqualTo(today.toString());
        assertThat(row(fromToday, careless.userId()).get("failedSignIns").asLong())
                .isEqualTo(5);

        var csv = http.send("GET", path + "?from=" + today + "&to=" + today, coordinator, Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("personnel-" + today + "-to-" + today + ".csv");
        String[] lines = csv.raw().body().split("\r\n");
        assertThat(lines[0])
                .isEqualTo("userId,name,pin,email,roles,active,activated,createdAt,createdByPin,"
                        + "lastSignInAt,failedSignIns,lockOuts,accessArrangementsRequested,"
                        + "specialConsiderationsAppliedFor,resultEnquiriesRaised,appealsLodged,incidentsRecorded,"
                        + "attemptsPaused,evidenceAwaitingJudgement,oldestAwaitingDays,samplesDue");
        assertThat(lines).hasSize(5);
        assertThat(lines[3])
                .startsWith(careless.userId() + ",Carl Careless," + careless.pin() + "," + careless.email()
                        + ",INVIGILATOR,true,true,")
                .endsWith("," + coordinatorUser.pin() + ",,5,1,0,0,0,0,0,0,,,");
    }

    /**
     * The fair-access counts of the user with the PIN, in the report's order: arrangements, considerations, enquiries,
     * appeals, incidents, pauses; none while the report does not list them yet.
     */
    private static List<Long> fairAccess(JsonNode report, String pin) {
        JsonNode user = null;
        for (JsonNode each : report.get("users")) {
            if (each.get("pin").asText().equals(pin)) {
                user = each;
            }
        }
        List<Long> counts = new ArrayList<>();
        if (user == null) {
            return counts;
        }
        for (String field : List.of(
                "accessArrangementsRequested",
                "specialConsiderationsAppliedFor",
                "resultEnquiriesRaised",
                "appealsLodged",
                "incidentsRecorded",
                "attemptsPaused")) {
            counts.add(user.get("fairAccess").get(field).asLong());
        }
        return counts;
    }

    @Test
    void givenFairAccessActionsAtTheCentre_whenTheCoordinatorReads_thenEachUserWithWhatTheyDidInJsonAndCsv() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        Staff office = steps.user(centreId, "CENTRE_ADMIN");
        Staff invigilator = steps.user(centreId, "INVIGILATOR");
        String otherCentreId = steps.centre(qualification.code());
        Staff otherCoordinator = steps.user(otherCentreId, "CENTRE_COORDINATOR");
        Staff otherOffice = steps.user(otherCentreId, "CENTRE_ADMIN");
        Candidate candidate = steps.register(coordinator.token(), centreId, qualification.code());

        var requested = new MultipartForm()
                .field("kind", "COLOUR_SCHEME")
                .field("colourScheme", "CREAM")
                .field("reason", "Visual stress")
                .post(http, "/api/candidates/" + candidate.candidateId() + "/access-arrangements", office.token());
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        JsonNode started = steps.started(
                candidate.registrationNumber(),
                steps.opened(invigilator.token(), candidate.candidateId(), qualification.assessmentCode())
                        .get("accessKey")
                        .asText());
        String attemptId = started.get("attemptId").asText();
        String attempt = "/api/assessment-attempts/" + attemptId;
        var paused =
                http.post(attempt + "/pause", invigilator.token(), Map.of("kind", "EMERGENCY", "reason", "Fire alarm"));
        assertThat(paused.status()).as(paused.toString()).isEqualTo(200);
        assertThat(http.post(attempt + "/resume", invigilator.token(), Map.of()).status())
                .isEqualTo(200);
        String incidentId = steps.fireAlarm(invigilator.token(), centreId, attemptId, clock.instant());
        steps.answerAll(started, 1);
        assertThat(steps.submit(started).status()).isEqualTo(200);
        var applied = new MultipartForm()
                .field("circumstance", "INCIDENT_IN_ROOM")
                .field("description", "The fire alarm sounded 10 minutes in")
                .field("incidentId", incidentId)
                .post(http, attempt + "/special-considerations", coordinator.token());
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        var raised = http.post(
                attempt + "/result-enquiries", coordinator.token(), Map.of("reasons", "Sure of three answers"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        awaitJson(
                "/api/centres/" + centreId + "/result-enquiries?stage=RE_CHECKED",
                coordinator.token(),
                json -> json.get("items").size() == 1);
        var appealed = http.post(
                attempt + "/result-enquiries/" + raised.json().get("enquiryId").asText() + "/appeal",
                coordinator.token(),
                Map.of("reasons", "Question 3's wording allows two right answers"));
        assertThat(appealed.status()).as(appealed.toString()).isEqualTo(200);

        String path = "/api/centres/" + centreId + "/personnel";
        JsonNode report = awaitJson(
                path,
                coordinator.token(),
                json -> fairAccess(json, coordinator.pin()).equals(List.of(0L, 1L, 1L, 1L, 0L, 0L))
                        && fairAccess(json, invigilator.pin()).equals(List.of(0L, 0L, 0L, 0L, 1L, 1L)));
        assertThat(fairAccess(report, office.pin()))
                .as("the centre admin requested the access arrangement")
                .containsExactly(1L, 0L, 0L, 0L, 0L, 0L);
        assertThat(report.get("users")).hasSize(3);
        LocalDate today = LocalDate.now(clock);
        JsonNode lastYear = http.get(
                        path + "?from=" + today.minusYears(1) + "&to=" + today.minusYears(1), coordinator.token())
                .json();
        assertThat(fairAccess(lastYear, coordinator.pin()))
                .as("nothing done then")
                .containsExactly(0L, 0L, 0L, 0L, 0L, 0L);

        var csv = http.send(
                "GET", path + "?from=" + today + "&to=" + today, coordinator.token(), Map.of("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        String[] lines = csv.raw().body().split("\r\n");
        assertThat(lines[0])
                .contains(",failedSignIns,lockOuts,accessArrangementsRequested,specialConsiderationsAppliedFor,"
                        + "resultEnquiriesRaised,appealsLodged,incidentsRecorded,attemptsPaused,"
                        + "evidenceAwaitingJudgement,");
        assertThat(lines)
                .as("the invigilator's row: no failures, one incident and one pause, no workload")
                .anySatisfy(line ->
                        assertThat(line).contains("," + invigilator.pin() + ",").endsWith(",0,0,0,0,0,0,1,1,,,"));

        assertThat(http.get(path, office.token()).status())
                .as("the centre's own admin: not their role")
                .isEqualTo(403);
        for (Staff other : List.of(otherCoordinator, otherOffice)) {
            var refused = http.get(path, other.token());
            assertThat(refused.status())
                    .as("another centre's user learns nothing of these counts, whatever their role")
                    .isEqualTo(404);
            assertThat(refused.json().has("users")).isFalse();
        }
    }

    @Test
    void givenTheReport_whenOthersAsk_thenImiReadsAnyCentreAnotherCoordinator404AndACentreAdmin403() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        String centreAdmin = activeUser(admin, admin, centreId, null, "CENTRE_ADMIN");
        String auditor = activeUser(admin, admin, null, null, "AUDITOR");
        String otherCoordinator = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_COORDINATOR");
        String path = "/api/centres/" + centreId + "/personnel";

        JsonNode seenByImi = awaitJson(path, admin, json -> json.get("users").size() == 2);
        assertThat(http.get(path, auditor).json()).isEqualTo(seenByImi);
        assertThat(http.get(path, coordinator).status()).isEqualTo(200);
        var acrossCentres = http.get(path, otherCoordinator);
        assertThat(acrossCentres.status())
                .as("another centre's coordinator learns nothing")
                .isEqualTo(404);
        assertThat(acrossCentres.contentType()).startsWith("application/problem+json");
        assertThat(http.send("GET", path, otherCoordinator, Map.of("Accept", "text/csv"))
                        .status())
                .isEqualTo(404);
        assertThat(http.get(path, centreAdmin).status())
                .as("a centre admin's role")
                .isEqualTo(403);
        assertThat(http.get(path, null).status()).isEqualTo(401);
        assertThat(http.get("/api/centres/no-such-centre/personnel", admin).status())
                .isEqualTo(404);
    }

    /**
     * Text is checked before it is recorded now, but events recorded before the check (ADR 0139) may still hold a NUL
     * or an override: the read model is given one here, as a replay of such an event would write it.
     */
    @Test
    void givenANameHoldingControlCharactersInTheReadModel_whenExportedAsCsv_thenNoneReachesTheFile() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser beth = addNamedUser(admin, centreId, "Beth Office", "CENTRE_ADMIN");
        String path = "/api/centres/" + centreId + "/personnel";
        awaitJson(path, admin, json -> row(json, beth.userId()) != null);
        jdbc.update(
                "UPDATE personnel_users SET name = ? WHERE user_id = ?",
                "Beth\u0000Office \u001B[2J\u202Eevil\u0085\u200B\tand\r\nmore",
                beth.userId());

        var csv = http.send("GET", path, admin, Map.of("Accept", "text/csv"));

        assertThat(csv.status()).isEqualTo(200);
        String file = csv.raw().body();
        assertThat(file)
                .as("each character of the name no text may hold as U+FFFD, a tab as a space, the line break kept")
                .contains(beth.userId() + ",\"Beth\uFFFDOffice \uFFFD[2J\uFFFDevil\uFFFD\uFFFD and\r\nmore\",");
        assertThat(file.codePoints()
                        .filter(c -> c != '\r' && c != '\n')
                        .filter(c ->
                                Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT)
                        .mapToObj(c -> String.format("U+%04X", c)))
                .as("no control or formatting character but the line breaks")
                .isEmpty();
    }

    @Test
    void givenBadPeriods_whenAsked_thenProblemsNamingTheParameter() {
        String admin = adminToken();
        String path = "/api/centres/" + approvedCentre(admin) + "/personnel";
        for (var bad : Map.of(
                        "from=yesterday",
                        "from",
                        "to=2026-02-30",
                        "to",
                        "from=2026-05-02&to=2026-05-01",
                        "to",
                        "from=%2B10000-01-01",
                        "from")
                .entrySet()) {
            var response = http.get(path + "?" + bad.getKey(), admin);
            assertThat(response.status()).as(bad.getKey()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("field").asText())
                    .as(bad.getKey())
                    .isEqualTo(bad.getValue());
        }
    }
}
