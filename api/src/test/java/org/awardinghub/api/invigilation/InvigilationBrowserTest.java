package org.awardinghub.api.invigilation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.WebUi;
import org.awardinghub.api.assessment.CandidateTestPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A fire alarm in real browsers: the invigilator sees the candidate's access arrangements in the Exam room and
 * pauses the whole room from it, the candidate's test page says it is paused and its countdown stands still, the
 * invigilator resumes it and the candidate's end has moved by the time paused, and the invigilator records the
 * incident against the test.
 */
class InvigilationBrowserTest extends ApplicationTest {

    @Test
    void givenACandidateSitting_whenAFireAlarmPausesTheRoomAndItResumes_thenTheTestStoodStillAndTheIncidentIsRecorded()
            throws InterruptedException {
        AssessmentSteps steps = new AssessmentSteps(http, adminToken(), DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
        AssessmentSteps.Staff centreAdmin = steps.user(centreId, "CENTRE_ADMIN");
        AssessmentSteps.Candidate candidate = steps.register(centreAdmin.token(), centreId, qualification.code());
        String number = candidate.registrationNumber();
        String arrangements = "/api/candidates/" + candidate.candidateId() + "/access-arrangements";
        for (MultipartForm arrangement : List.of(
                new MultipartForm().field("kind", "EXTRA_TIME").field("extraTimePercent", "25"),
                new MultipartForm().field("kind", "REST_BREAKS"))) {
            var requested = arrangement
                    .field("reason", "Form 8: slow processing speed")
                    .post(http, arrangements, centreAdmin.token());
            assertThat(requested.json().path("status").asText())
                    .as(requested.toString())
                    .isEqualTo("APPROVED");
        }
        JsonNode opened = steps.opened(invigilator.token(), candidate.candidateId(), qualification.assessmentCode());
        String attempt = "/api/assessment-attempts/" + opened.get("attemptId").asText();

        try (WebUi sitter = WebUi.open(port);
                WebUi staff = WebUi.open(port)) {
            CandidateTestPage.start(sitter, number, opened.get("accessKey").asText());
            Instant endsAt = Instant.parse(awaitJson(attempt, invigilator.token(), json -> json.hasNonNull("endsAt"))
                    .get("endsAt")
                    .asText());

            staff.signIn(invigilator.pin(), GOOD_PASSWORD);
            ExamRoomPage.open(staff, number);
            assertThat(staff.row(number))
                    .as("the invigilator sees the candidate's arrangements")
                    .contains("25% extra time, supervised rest breaks");
            staff.press("Pause all running tests");
            staff.fill("Reason", "Fire alarm: the building is evacuated").submitDialog();
            assertThat(staff.notice("1 test paused.")).doesNotContain("Not paused");
            staff.wait(driver ->
                    driver.findElement(By.id("room-attempts")).getText().contains("Paused") ? true : null);
            staff.screenshot("exam-room-paused");

            assertThat(CandidateTestPage.pausedNotice(sitter)).contains("Paused by the invigilator");
            String frozen = sitter.driver().findElement(By.id("time-left")).getText();
            Thread.sleep(2500);
            assertThat(sitter.driver().findElement(By.id("time-left")).getText())
                    .as("the countdown stands still while paused")
                    .isEqualTo(frozen);
            assertThat(sitter.driver().findElement(By.id("submit-test")).isEnabled())
                    .isFalse();
            sitter.screenshot("test-paused");

            staff.press("Resume all paused tests");
            staff.notice("1 test resumed.");
            sitter.wait(driver -> driver.findElements(By.id("paused-notice")).isEmpty() ? true : null);
            assertThat(sitter.driver().findElement(By.id("submit-test")).isEnabled())
                    .isTrue();
            JsonNode resumed = awaitJson(
                    attempt,
                    invigilator.token(),
                    json -> json.path("pauses").path(0).hasNonNull("resumedAt"));
            long pausedMillis = resumed.get("pauses").get(0).get("pausedMillis").asLong();
            assertThat(pausedMillis).isPositive();
            assertThat(Instant.parse(resumed.get("endsAt").asText()))
                    .as("the end moved by the time paused")
                    .isEqualTo(endsAt.plus(Duration.ofMillis(pausedMillis)));

            ExamRoomPage.recordIncident(
                    staff, number, "Fire alarm at the start of question 1; evacuated for the drill.");
            JsonNode incidents = awaitJson(attempt + "/incidents", invigilator.token(), json -> json.size() == 1);
            assertThat(incidents.get(0).get("kind").asText()).isEqualTo("DISRUPTION");
            assertThat(incidents.get(0).get("recordedByPin").asText()).isEqualTo(invigilator.pin());
        }
    }
}
