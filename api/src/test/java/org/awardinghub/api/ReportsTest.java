package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
            var registered = http.post("/api/centres/" + centreId + "/candidates", coordinator, Map.of(
                    "firstName", "Grace", "lastName", "Report" + "abc".charAt(started % 3), "dateOfBirth", "2003-03-03",
                    "qualificationCode", "LV2-MAINT", "startDate", today.minusDays(started).toString()));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        }
        String path = "/api/reports/late-registrations?centreId=" + centreId + "&from=" + today + "&to=" + today;
        JsonNode report = awaitJson(path, admin, json -> json.path("centres").path(0).path("registrations").asLong() == 3);
        JsonNode row = report.get("centres").get(0);
        assertThat(row.get("centreId").asText()).isEqualTo(centreId);
        assertThat(row.get("late").asLong()).isEqualTo(2);
        assertThat(row.get("latePercent").asDouble()).isEqualTo(66.7);
        assertThat(http.get("/api/reports/late-registrations?centreId=" + centreId + "&to=" + today.minusDays(1),
                admin).json().get("centres")).as("nothing registered before today").isEmpty();

        var csv = http.send("GET", path, admin, Map.of("Accept", "text/csv"));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.raw().body()).isEqualTo("centreId,registrations,late,latePercent\r\n" + centreId + ",3,2,66.7\r\n");

        JsonNode own = http.get("/api/reports/late-registrations", coordinator).json();
        assertThat(own.get("centres")).hasSize(1);
        assertThat(own.get("centres").get(0).get("centreId").asText()).isEqualTo(centreId);
        String other = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_ADMIN");
        assertThat(http.get(path, other).status()).as("another centre's report").isEqualTo(404);
        assertThat(http.get("/api/reports/late-registrations?from=yesterday", admin).status()).isEqualTo(400);
    }

    @Test
    void givenClaimsIssuedAndWaiting_whenTurnaroundReported_thenDaysToIssueAndAwaitingByAge() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        for (int candidate = 0; candidate < 2; candidate++) {
            AssessmentSteps.Candidate passed = steps.register(coordinator, centreId, qualification.code());
            steps.sit(invigilator, passed, qualification.assessmentCode(), 4);
            var claimed = http.post("/api/candidates/" + passed.candidateId() + "/certificate-claims", coordinator,
                    Map.of());
            assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
            if (candidate == 0) {
                assertThat(http.post("/api/certificate-claims/" + claimed.json().get("claimId").asText()
                        + "/approve", admin, Map.of()).status()).isEqualTo(200);
            }
        }
        String path = "/api/reports/claim-turnaround?centreId=" + centreId;
        awaitJson(path, admin, json -> json.path("centres").path(0).path("awaiting").asLong() == 1
                && json.path("centres").path(0).path("issued").asLong() == 1);
        clock.advance(Duration.ofDays(10));
        admin = adminToken();
        JsonNode row = http.get(path, admin).json().get("centres").get(0);
        assertThat(row.get("meanDaysToIssue").asDouble()).isZero();
        assertThat(row.get("awaiting8To14Days").asLong()).as("ten days waiting").isOne();
        assertThat(row.get("oldestAwaitingDays").asLong()).isEqualTo(10);
        var csv = http.send("GET", path, admin, Map.of("Accept", "text/csv"));
        assertThat(csv.raw().body()).startsWith("centreId,issued,meanDaysToIssue").contains(centreId + ",1,0.0,0,1,0,1,0,0,10");
    }

    @Test
    void givenSanctionAndDirectClaimStatusChanges_whenReported_thenInTimeOrderWithReasonsAndAsCsv() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        assertThat(http.post("/api/centres/" + centreId + "/sanctions", admin, Map.of("sanction", "CERTIFICATION",
                "reason", "Claims, without evidence")).status()).isEqualTo(200);
        assertThat(http.put("/api/centres/" + centreId + "/direct-claim-status", admin, Map.of("granted", true,
                "reason", "Strong record")).status()).isEqualTo(200);
        String path = "/api/reports/centre-changes?centreId=" + centreId;
        JsonNode report = awaitJson(path, admin, json -> json.path("changes").size() == 3);
        List<String> changes = new java.util.ArrayList<>();
        report.get("changes").forEach(change -> changes.add(change.get("change").asText()));
        assertThat(changes).containsExactly("APPROVED", "SANCTION_IMPOSED_CERTIFICATION", "DCS_GRANTED");
        var csv = http.send("GET", path, admin, Map.of("Accept", "text/csv"));
        assertThat(csv.raw().body()).startsWith("at,centreId,change,reason\r\n")
                .contains("," + centreId + ",SANCTION_IMPOSED_CERTIFICATION,\"Claims, without evidence\"\r\n");
        String own = activeUser(admin, admin, centreId, null, "CENTRE_ADMIN");
        assertThat(http.get("/api/reports/centre-changes", own).json().get("changes")).hasSize(3);
    }
}
