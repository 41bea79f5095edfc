package org.awardinghub.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.MultipartForm;
import org.junit.jupiter.api.Test;

/**
 * The fair-access report over HTTP, on a new qualification so that its national figures are this test's alone.
 * Centre A: two attempts; one candidate's 25 % extra time (approved by policy) and a reader (waiting for IMI); a
 * special consideration for that candidate's attempt, noted on the record; an enquiry about the other's, confirmed by
 * the re-check, then appealed. Centre B: one attempt, nothing asked for. Too few attempts for any flag: the flag
 * itself is {@code FairAccessReportsTest}'s, and the browser test's.
 */
class FairAccessReportTest extends ApplicationTest {

    @Test
    void givenCasesAtOneCentre_whenReported_thenRatesPer100AttemptsForImiAndEachCentreItsOwnRowOnly() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        AssessmentSteps.ExamCentre a = steps.examCentre(qualification.code());
        AssessmentSteps.ExamCentre b = steps.examCentre(qualification.code());
        AssessmentSteps.Candidate noted = steps.register(a.coordinator(), a.centreId(), qualification.code());
        AssessmentSteps.Candidate appealing = steps.register(a.coordinator(), a.centreId(), qualification.code());
        String notedAttempt = steps.sit(a.invigilator(), noted, qualification.assessmentCode(), 4)
                .get("attemptId")
                .asText();
        String appealedAttempt = steps.sit(a.invigilator(), appealing, qualification.assessmentCode(), 1)
                .get("attemptId")
                .asText();
        steps.sit(
                b.invigilator(),
                steps.register(b.coordinator(), b.centreId(), qualification.code()),
                qualification.assessmentCode(),
                2);

        String arrangements = "/api/candidates/" + noted.candidateId() + "/access-arrangements";
        assertThat(new MultipartForm()
                        .field("kind", "EXTRA_TIME")
                        .field("extraTimePercent", "25")
                        .field("reason", "Slow processing")
                        .post(http, arrangements, a.coordinator())
                        .status())
                .isEqualTo(201);
        assertThat(new MultipartForm()
                        .field("kind", "READER")
                        .field("reason", "Reading age well below chronological age")
                        .post(http, arrangements, a.coordinator())
                        .status())
                .isEqualTo(201);
        var applied = http.postMultipart(
                "/api/assessment-attempts/" + notedAttempt + "/special-considerations",
                a.coordinator(),
                Map.of("circumstance", "ILLNESS", "description", "Taken ill during the test"),
                "none.pdf",
                new byte[0]);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        decided(http.post(
                "/api/special-considerations/"
                        + applied.json().get("considerationId").asText() + "/decision",
                admin,
                Map.of("decision", "NOTE_ON_RECORD", "reason", "Doctor's note")));
        String enquiries = "/api/assessment-attempts/" + appealedAttempt + "/result-enquiries";
        var raised = http.post(enquiries, a.coordinator(), Map.of("reasons", "Sure of two more answers"));
        assertThat(raised.status()).as(raised.toString()).isEqualTo(201);
        String enquiryId = raised.json().get("enquiryId").asText();
        awaitJson( // the appeal is checked against the enquiry as read
                "/api/result-enquiries/" + enquiryId,
                admin,
                json -> json.path("reCheck").path("result").asText().equals("CONFIRMED"));
        decided(http.post(
                enquiries + "/" + enquiryId + "/appeal",
                a.coordinator(),
                Map.of("reasons", "Question 2 allows two answers")));

        String path = "/api/reports/fair-access?qualificationCode=" + qualification.code();
        JsonNode report = awaitJson(
                path,
                admin,
                json -> json.path("national").path("attempts").asLong() == 3
                        && json.path("national").path("appeals").path("count").asLong() == 1
                        && json.path("national")
                                        .path("specialConsiderations")
                                        .path("decided")
                                        .asLong()
                                == 1);
        JsonNode national = report.get("national");
        assertThat(totals(national.get("accessArrangements"))).containsExactly(2.0, 1.0, 1.0, 66.67);
        assertThat(totals(national.get("specialConsiderations"))).containsExactly(1.0, 1.0, 1.0, 33.33);
        assertThat(totals(national.get("resultEnquiries")))
                .as("the re-check confirmed the result")
                .containsExactly(1.0, 1.0, 0.0, 33.33);
        assertThat(totals(national.get("appeals")))
                .as("the appeal waits for IMI")
                .containsExactly(1.0, 0.0, 0.0, 33.33);
        JsonNode rowA = row(report, a.centreId());
        assertThat(rowA.get("attempts").asLong()).isEqualTo(2);
        // 100 sqrt(λ / n): the national rate per attempt (2 of 3) over A's 2 attempts
        assertThat(measure(rowA.get("accessArrangements"))).containsExactly(2.0, 1.0, 1.0, 100.0, 66.67, 57.74, 0.0);
        assertThat(measure(rowA.get("appeals"))).containsExactly(1.0, 0.0, 0.0, 50.0, 33.33, 40.82, 0.0);
        JsonNode rowB = row(report, b.centreId());
        assertThat(measure(rowB.get("accessArrangements"))).containsExactly(0.0, 0.0, 0.0, 0.0, 66.67, 81.65, 0.0);

        var csv = http.send("GET", path, admin, Map.of("Accept", "text/csv"));
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("fair-access.csv");
        assertThat(csv.raw().body())
                .startsWith("centreId,attempts,accessArrangementsCount,accessArrangementsDecided,")
                .contains(a.centreId() + ",2,2,1,1,100.00,66.67,57.74,false,1,1,1,50.00,33.33,40.82,false,"
                        + "1,1,0,50.00,33.33,40.82,false,1,0,0,50.00,33.33,40.82,false\r\n");

        JsonNode own = http.get(path, b.coordinator()).json();
        assertThat(own.get("centres")).as("centre B sees its own row").hasSize(1);
        assertThat(own.get("centres").get(0).get("centreId").asText()).isEqualTo(b.centreId());
        assertThat(own.get("national")).as("beside the national figures").isEqualTo(national);
        assertThat(http.get(path + "&centreId=" + a.centreId(), b.coordinator()).status())
                .as("another centre's row")
                .isEqualTo(404);
        assertThat(http.send("GET", path + "&centreId=" + a.centreId(), b.coordinator(), Map.of("Accept", "text/csv"))
                        .status())
                .isEqualTo(404);
        assertThat(http.get(path, a.invigilator()).json().get("centres"))
                .as("every user of a centre reads its reports")
                .hasSize(1);
        String candidate =
                steps.candidateAccount(a.coordinator(), noted.candidateId()).token();
        assertThat(http.get(path, candidate).status())
                .as("a candidate's own account")
                .isEqualTo(403);
        assertThat(http.get(path, null).status()).isEqualTo(401);
        assertProblem(http.get(path + "&from=yesterday", admin), "from");
        assertProblem(http.get(path + "&from=2026-05-02&to=2026-05-01", admin), "to");
    }

    private static void decided(HttpClientForTests.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** count, decided, favourable, rate. */
    private static List<Double> totals(JsonNode total) {
        return List.of(
                total.get("count").asDouble(),
                total.get("decided").asDouble(),
                total.get("favourable").asDouble(),
                total.get("rate").asDouble());
    }

    /** count, decided, favourable, rate, nationalRate, standardError, flagged (1 or 0). */
    private static List<Double> measure(JsonNode measure) {
        return List.of(
                measure.get("count").asDouble(),
                measure.get("decided").asDouble(),
                measure.get("favourable").asDouble(),
                measure.get("rate").asDouble(),
                measure.get("nationalRate").asDouble(),
                measure.get("standardError").asDouble(),
                measure.get("flagged").asBoolean() ? 1.0 : 0.0);
    }

    private static void assertProblem(HttpClientForTests.Response response, String parameter) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.toString()).contains(parameter);
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
