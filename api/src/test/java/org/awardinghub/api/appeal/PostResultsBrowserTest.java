package org.awardinghub.api.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;

/**
 * After results, in the browser (issue 18): the centre applies for special consideration for one candidate and asks
 * for a review of another's fail, which the re-check confirms, then appeals; IMI decides VOID_AND_RESIT on its
 * Special consideration page (the candidate re-sits at once) and upholds the appeal on its Appeals page, and the
 * candidate's record shows the pass.
 */
public class PostResultsBrowserTest extends ApplicationTest {

    @Test
    void givenTwoFails_whenConsideredAndAppealedInTheBrowser_thenAReSitOpensAtOnceAndTheUpheldPassIsOnTheRecord() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        String invigilator = steps.user(centreId, "INVIGILATOR").token();
        Candidate affected = steps.register(coordinator.token(), centreId, qualification.code());
        Candidate appellant = steps.register(coordinator.token(), centreId, qualification.code());
        String affectedAttempt = steps.sit(invigilator, affected, qualification.assessmentCode(), 1)
                .get("attemptId")
                .asText();
        steps.sit(invigilator, appellant, qualification.assessmentCode(), 2);
        awaitJson(
                "/api/candidates/" + appellant.candidateId() + "/assessment-attempts",
                coordinator.token(),
                json -> json.size() == 1
                        && "SUBMITTED".equals(json.get(0).path("status").asText()));
        awaitJson(
                "/api/candidates/" + affected.candidateId() + "/assessment-attempts",
                coordinator.token(),
                json -> json.size() == 1
                        && "SUBMITTED".equals(json.get(0).path("status").asText()));

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(coordinator.pin(), GOOD_PASSWORD);
            ui.visit("/#/candidates/" + affected.candidateId());
            ui.waitForText("Special consideration and reviews of results");
            ui.press("Apply for special consideration");
            ui.choose("What happened", "Illness");
            ui.fill("Description", "Taken ill during the test; left the room after 15 minutes");
            ui.press("Send the application");
            assertThat(ui.notice("Application sent to IMI")).isNotBlank();
            ui.waitForText("Waiting for IMI's decision");

            ui.visit("/#/candidates/" + appellant.candidateId());
            ui.press("Ask for a review of this result");
            ui.fill("Reasons", "The candidate is sure of three answers");
            ui.press("Send the request for review");
            assertThat(ui.waitForText("result confirmed")).contains("Clerical re-check");
            ui.press("Appeal to IMI");
            ui.fill("Reasons for the appeal", "Question wording allows two right answers");
            ui.press("Send the appeal");
            ui.waitForText("Appeal waiting for IMI's decision");
            ui.screenshot("post-results-centre");
            ui.press("Sign out").waitForHeading("Sign in");

            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Special consideration").waitForHeading("Special consideration");
            ui.waitForText("Taken ill during the test");
            decideRow(ui, "Taken ill during the test");
            ui.choose("Decision", "Void the attempt and allow a re-sit at once");
            ui.fill("Reason", "Medical note seen: the sitting does not reflect the candidate");
            ui.press("Record the decision");
            assertThat(ui.notice("Decision recorded")).isNotBlank();
            ui.choose("Show", "Decided");
            ui.waitForText("Attempt voided, re-sit allowed at once");

            steps.awaitAttempt(admin, affectedAttempt, "VOIDED");
            var resit = steps.open(invigilator, affected.candidateId(), qualification.assessmentCode());
            assertThat(resit.status()).as("a re-sit opens at once: " + resit).isEqualTo(201);

            ui.press("Appeals").waitForHeading("Appeals");
            ui.waitForText("Question wording allows two right answers");
            decideRow(ui, "Question wording allows two right answers");
            ui.choose("Decision", "Upheld: correct the result");
            ui.choose("Corrected outcome", "Pass");
            ui.fill("Corrected score", "3");
            ui.fill("Reason", "Item defective: credited to every candidate");
            ui.press("Record the decision");
            assertThat(ui.notice("Decision recorded")).isNotBlank();
            ui.screenshot("post-results-appeals");

            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(http.get(
                                            "/api/candidates/" + appellant.candidateId() + "/assessment-attempts",
                                            coordinator.token())
                                    .json()
                                    .get(0)
                                    .get("outcome")
                                    .asText())
                            .isEqualTo("PASS"));
            ui.visit("/#/candidates/" + appellant.candidateId());
            String record = ui.waitForText("Appeal upheld: PASS 3 / 4");
            assertThat(record).contains("3 / 4");
        }
    }

    /** Presses Decide in the queue's row that shows the text: other tests' items may wait in the same queue. */
    private static void decideRow(WebUi ui, String text) {
        ui.wait(driver -> driver
                        .findElements(org.openqa.selenium.By.xpath("//tr[contains(., \"" + text
                                + "\")]//button[starts-with(normalize-space(.), 'Decide')]"))
                        .stream()
                        .findFirst()
                        .orElse(null))
                .click();
    }
}
