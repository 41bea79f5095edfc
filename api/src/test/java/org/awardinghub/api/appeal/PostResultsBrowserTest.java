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

        // the texts that find the test's own rows in IMI's queues, which other tests' centres share
        String illness = "Taken ill during the test of " + affected.registrationNumber() + "; left after 15 minutes";
        String appealReasons = "Question wording allows two right answers for " + appellant.registrationNumber();
        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(coordinator.pin(), GOOD_PASSWORD);
            ui.visit("/#/candidates/" + affected.candidateId());
            ui.waitForText("Special consideration and reviews of results");
            PostResultsPages.apply(ui, "Illness", null, illness);

            ui.visit("/#/candidates/" + appellant.candidateId());
            assertThat(PostResultsPages.askForReview(ui, "The candidate is sure of three answers"))
                    .contains("Clerical re-check: result confirmed");
            PostResultsPages.appeal(ui, appealReasons);
            ui.screenshot("post-results-centre");
            ui.press("Sign out").waitForHeading("Sign in");

            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            PostResultsPages.decideConsideration(
                    ui,
                    illness,
                    "Void the attempt and allow a re-sit at once",
                    "Medical note seen: the sitting does not reflect the candidate");
            ui.choose("Show", "Decided");
            ui.waitForText("Attempt voided, re-sit allowed at once");

            steps.awaitAttempt(admin, affectedAttempt, "VOIDED");
            var resit = steps.open(invigilator, affected.candidateId(), qualification.assessmentCode());
            assertThat(resit.status()).as("a re-sit opens at once: " + resit).isEqualTo(201);

            PostResultsPages.upholdAppeal(ui, appealReasons, "Pass", 3, "Item defective: credited to every candidate");
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
}
