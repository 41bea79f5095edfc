package org.awardinghub.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.junit.jupiter.api.Test;

/** Compliance reports over HTTP, on known data: JSON and CSV, filters, and a centre seeing only its own. */
class ReportsTest extends ApplicationTest {

    @Test
    void givenOnTimeAndLateRegistrations_whenReported_thenCountedPerCentreInJsonAndCsv() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        LocalDate today = LocalDate.now(clock);
        for (int started : new int[] {10, 120, 200}) {
            var registered = http.post(
                    "/api/centres/" + centreId + "/candidates",
                    coordinator,
                    Map.of(
                            "firstName",
                            "Grace",
                            "lastName",
                            "Report" + "abc".charAt(started % 3),
                            "dateOfBirth",
                            "2003-03-03",
                            "qualificationCode",
                            "LV2-MAINT",
                            "startDate",
                            today.minusDays(started).toString()));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }
        String path = "/api/reports/late-registrations?centreId=" + centreId + "&from=" + today + "&to=" + today;
        JsonNode report = awaitJson(
                path,
                admin,
                json -> json.path("centres").path(0).path("registrations").asLong() == 3);
        JsonNode row = report.get("centres").get(0);
        assertThat(row.get("centreId").asText()).isEqualTo(centreId);
        assertThat(row.get("late").asLong()).isEqualTo(2);
        assertThat(row.get("latePercent").asDouble()).isEqualTo(66.7);
        assertThat(http.get("/api/reports/late-registrations?centreId=" + centreId + "&to=" + today.minusDays(1), admin)
                        .json()
                        .get("centres"))
                .as("nothing registered before today")
                .isEmpty();

        var csv = http.send("GET", path, admin, Map.of("Accept", "text/csv"));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw().body())
                .isEqualTo("centreId,registrations,late,latePercent\r\n" + centreId + ",3,2,66.7\r\n");

        JsonNode own = http.get("/api/reports/late-registrations", coordinator).json();
        assertThat(own.get("centres")).hasSize(1);
        assertThat(own.get("centres").get(0).get("centreId").asText()).isEqualTo(centreId);
        String other = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_ADMIN");
        assertThat(http.get(path, other).status()).as("another centre's report").isEqualTo(404);
        assertThat(http.get("/api/reports/late-registrations?from=yesterday", admin)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void givenClaimsIssuedAndWaiting_whenTurnaroundReported_thenDaysToIssueAndAwaitingByAge() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        for (int candidate = 0; candidate < 2; candidate++) {
            AssessmentSteps.Candidate passed = steps.register(coordinator, centreId, qualification.code());
            steps.sit(invigilator, passed, qualification.assessmentCode(), 4);
            var claimed =
                    http.post("/api/candidates/" + passed.candidateId() + "/certificate-claims", coordinator, Map.of());
            assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
            if (candidate == 0) {
                assertThat(http.post(
                                        "/api/certificate-claims/"
                                                + claimed.json().get("claimId").asText() + "/approve",
                                        admin,
                                        Map.of())
                                .status())
                        .isEqualTo(200);
            }
        }
        String path = "/api/reports/claim-turnaround?centreId=" + centreId;
        awaitJson(
                path,
                admin,
                json -> json.path("centres").path(0).path("awaiting").asLong() == 1
                        && json.path("centres").path(0).path("issued").asLong() == 1);
        clock.advance(Duration.ofDays(10));
        admin = adminToken();
        JsonNode row = http.get(path, admin).json().get("centres").get(0);
        assertThat(row.get("meanDaysToIssue").asDouble()).isZero();
        assertThat(row.get("awaiting8To14Days").asLong()).as("ten days waiting").isOne();
        assertThat(row.get("oldestAwaitingDays").asLong()).isEqualTo(10);
        var csv = http.send("GET", path, admin, Map.of("Accept", "text/csv"));
        assertThat(csv.raw().body())
                .startsWith("centreId,issued,meanDaysToIssue")
                .contains(centreId + ",1,0.0,0,1,0,1,0,0,10");
    }

    @Test
    void givenSanctionAndDirectClaimStatusChanges_whenReported_thenInTimeOrderWithReasonsAndAsCsv() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        assertThat(http.post(
                                "/api/centres/" + centreId + "/sanctions",
                                admin,
                                Map.of("sanction", "CERTIFICATION", "reason", "Claims, without evidence"))
                        .status())
                .isEqualTo(200);
        assertThat(http.put(
                                "/api/centres/" + centreId + "/direct-claim-status",
                                admin,
                                Map.of("granted", true, "reason", "Strong record"))
                        .status())
                .isEqualTo(200);
        String path = "/api/reports/centre-changes?centreId=" + centreId;
        JsonNode report = awaitJson(path, admin, json -> json.path("changes").size() == 3);
        List<String> changes = new java.util.ArrayList<>();
        report.get("changes").forEach(change -> changes.add(change.get("change").asText()));
        assertThat(changes).containsExactly("APPROVED", "SANCTION_IMPOSED_CERTIFICATION", "DCS_GRANTED");
        var csv = http.send("GET", path, admin, Map.of("Accept", "text/csv"));
        assertThat(csv.raw().body())
                .startsWith("at,centreId,change,reason\r\n")
                .contains("," + centreId + ",SANCTION_IMPOSED_CERTIFICATION,\"Claims, without evidence\"\r\n");
        String own = activeUser(admin, admin, centreId, null, "CENTRE_ADMIN");
        assertThat(http.get("/api/reports/centre-changes", own).json().get("changes"))
                .hasSize(3);
    }

    @Test
    void givenAmendmentsBeforeAndAfterAResultAndAClaim_whenReported_thenCountedByKindAndTheLateOnesListed() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        AssessmentSteps.Candidate candidate = steps.register(coordinator.token(), centreId, qualification.code());
        String amendments = "/api/candidates/" + candidate.candidateId() + "/amendments";
        amend(coordinator.token(), amendments, "LAST_NAME", "Before", "Typing error at registration");
        steps.sit(invigilator, candidate, qualification.assessmentCode(), 4);
        amend(coordinator.token(), amendments, "DATE_OF_BIRTH", "2005-04-30", "Day and month swapped");
        var claimed = http.post(
                "/api/candidates/" + candidate.candidateId() + "/certificate-claims", coordinator.token(), Map.of());
        assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
        amend(coordinator.token(), amendments, "FIRST_NAME", "Robyn", "Name on the certificate");

        String path = "/api/reports/amendments?centreId=" + centreId;
        JsonNode report = awaitJson(
                path,
                admin,
                json -> json.path("centres").path(0).path("amendments").asLong() == 3
                        && json.path("lateAmendmentsTotal").asLong() == 2);
        JsonNode row = report.get("centres").get(0);
        assertThat(List.of(
                        row.get("names").asLong(),
                        row.get("datesOfBirth").asLong(),
                        row.get("ulns").asLong(),
                        row.get("afterResult").asLong(),
                        row.get("afterClaim").asLong()))
                .containsExactly(2L, 1L, 0L, 2L, 1L);
        JsonNode late = report.get("lateAmendments");
        assertThat(List.of(
                        late.get(0).get("kind").asText(),
                        late.get(1).get("kind").asText()))
                .containsExactly("DATE_OF_BIRTH", "NAME");
        assertThat(late.get(1).get("reason").asText()).isEqualTo("Name on the certificate");
        assertThat(late.get(1).get("actorPin").asText()).isEqualTo(coordinator.pin());
        assertThat(late.get(0).get("firstClaimAt").isNull())
                .as("the date of birth was amended before the claim")
                .isTrue();
        assertThat(late.get(1).get("firstClaimAt").isNull()).isFalse();

        var csv = http.send("GET", path, admin, Map.of("Accept", "text/csv"));
        assertThat(csv.raw().body())
                .isEqualTo("centreId,amendments,names,datesOfBirth,ulns,qualifications,transfers,"
                        + "afterResult,afterClaim\r\n" + centreId + ",3,2,1,0,0,0,2,1\r\n");
        var lateCsv = http.send(
                "GET",
                "/api/reports/amendments/after-result-or-claim?centreId=" + centreId,
                admin,
                Map.of("Accept", "text/csv"));
        assertThat(lateCsv.raw().body().split("\r\n")).hasSize(3);
        assertThat(lateCsv.raw().body()).contains(",NAME,Name on the certificate," + coordinator.pin() + ",");
        assertThat(http.get("/api/reports/amendments", coordinator.token())
                        .json()
                        .get("centres"))
                .hasSize(1);
        assertThat(http.get("/api/reports/amendments?centreId=" + approvedCentre(admin), coordinator.token())
                        .status())
                .as("another centre's amendments")
                .isEqualTo(404);
    }

    /**
     * A new assessment, so its national figures are this test's alone. Centre A: 20 attempts, all passed, each with
     * one answer changed from wrong to right; one of them also changed a right answer to a wrong one (3 of 4: 75 %,
     * still a pass), and one took 10 of the 30 minutes. Centre B: 10 attempts, 1 of 4 right, no changes.
     */
    @Test
    void givenTwoCentresResults_whenAttemptReportsAsked_thenPassRatesFastHighScoresAndAnswerChangesFlagCentreA() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        AssessmentSteps.ExamCentre a = steps.examCentre(qualification.code());
        AssessmentSteps.ExamCentre b = steps.examCentre(qualification.code());
        for (int sitting = 0; sitting < 20; sitting++) {
            JsonNode started = steps.startedWithACorrection(
                    a.invigilator(),
                    steps.register(a.coordinator(), a.centreId(), qualification.code()),
                    qualification.assessmentCode());
            if (sitting == 0) {
                answered(steps, started, started.get("questions").get(1), "Wrong");
            }
            if (sitting == 1) {
                clock.advance(Duration.ofMinutes(10));
            }
            assertThat(steps.submit(started).status()).isEqualTo(200);
        }
        for (int sitting = 0; sitting < 10; sitting++) {
            steps.sit(
                    b.invigilator(),
                    steps.register(b.coordinator(), b.centreId(), qualification.code()),
                    qualification.assessmentCode(),
                    1);
        }
        String filter = "?qualificationCode=" + qualification.code();
        admin = adminToken();

        JsonNode passRates = awaitJson(
                "/api/reports/pass-rates" + filter,
                admin,
                json -> json.path("national").path(0).path("attempts").asLong() == 30);
        JsonNode national = passRates.get("national").get(0);
        assertThat(List.of(
                        national.get("passes").asLong(),
                        national.get("passRate").asDouble()))
                .containsExactly(20L, 66.7);
        JsonNode rowA = row(passRates, a.centreId());
        JsonNode rowB = row(passRates, b.centreId());
        assertThat(List.of(
                        rowA.get("passRate").asDouble(),
                        rowA.get("standardError").asDouble(),
                        rowA.get("flagged").asBoolean()))
                .containsExactly(100.0, 10.54, true);
        assertThat(List.of(
                        rowB.get("attempts").asLong(),
                        rowB.get("passRate").asDouble(),
                        rowB.get("flagged").asBoolean()))
                .containsExactly(10L, 0.0, false);
        assertThat(http.send("GET", "/api/reports/pass-rates" + filter, admin, Map.of("Accept", "text/csv"))
                        .raw()
                        .body())
                .contains(a.centreId() + "," + qualification.code() + "," + qualification.assessmentCode()
                        + ",20,20,100.0,66.7,10.54,true\r\n");
        JsonNode own =
                http.get("/api/reports/pass-rates" + filter, b.coordinator()).json();
        assertThat(own.get("centres")).as("centre B sees its own row").hasSize(1);
        assertThat(own.get("national").get(0).get("attempts").asLong())
                .as("beside the national figures")
                .isEqualTo(30);

        JsonNode fast =
                http.get("/api/reports/fast-high-scores" + filter, admin).json();
        assertThat(fast.get("total").asLong())
                .as("20 passes, less the 75 % and the slow one")
                .isEqualTo(18);
        assertThat(fast.get("attempts").get(0).get("centreId").asText()).isEqualTo(a.centreId());
        assertThat(fast.get("attempts").get(0).get("percent").asDouble()).isEqualTo(100.0);
        assertThat(http.get("/api/reports/fast-high-scores" + filter, b.coordinator())
                        .json()
                        .get("total")
                        .asLong())
                .as("centre B's own: none")
                .isZero();
        assertThat(http.send("GET", "/api/reports/fast-high-scores" + filter, admin, Map.of("Accept", "text/csv"))
                        .raw()
                        .body()
                        .split("\r\n"))
                .hasSize(19);

        JsonNode changes =
                http.get("/api/reports/answer-changes" + filter, admin).json();
        JsonNode pattern = changes.get("national").get(0);
        assertThat(List.of(
                        pattern.get("attempts").asLong(),
                        pattern.get("changes").asLong(),
                        pattern.get("wrongToRight").asLong(),
                        pattern.get("meanWrongToRight").asDouble(),
                        pattern.get("standardDeviation").asDouble()))
                .containsExactly(30L, 21L, 20L, 0.67, 0.47);
        JsonNode changesA = row(changes, a.centreId());
        assertThat(List.of(
                        changesA.get("meanWrongToRight").asDouble(),
                        changesA.get("standardError").asDouble(),
                        changesA.get("flagged").asBoolean()))
                .containsExactly(1.0, 0.11, true);
        assertThat(row(changes, b.centreId()).get("flagged").asBoolean()).isFalse();
        assertThat(changes.get("attemptsTotal").asLong()).isEqualTo(20);
        assertThat(http.send("GET", "/api/reports/answer-changes" + filter, admin, Map.of("Accept", "text/csv"))
                        .raw()
                        .body())
                .contains(a.centreId() + "," + qualification.code() + "," + qualification.assessmentCode()
                        + ",20,21,20,1.00,0.67,0.11,true\r\n");
        assertThat(http.send(
                                "GET",
                                "/api/reports/answer-changes/attempts" + filter,
                                admin,
                                Map.of("Accept", "text/csv"))
                        .raw()
                        .body()
                        .split("\r\n"))
                .hasSize(21);
        assertThat(http.get("/api/reports/answer-changes/attempts?centreId=" + a.centreId(), b.coordinator())
                        .status())
                .isEqualTo(404);
    }

    private void amend(String token, String path, String field, String value, String reason) {
        var amended = http.post(path, token, Map.of("field", field, "value", value, "reason", reason));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
    }

    private static void answered(AssessmentSteps steps, JsonNode started, JsonNode question, String word) {
        var answered = steps.answer(started, question, AssessmentSteps.option(question, word));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(204);
    }

    private static JsonNode row(JsonNode report, String centreId) {
        for (JsonNode row : report.get("centres")) {
            if (row.get("centreId").asText().equals(centreId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + centreId + " in " + report);
    }
}
