package org.awardinghub.api.arrangement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.WebUi;
import org.awardinghub.api.assessment.CandidateTestPage;
import org.awardinghub.api.files.SampleFiles;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * Access arrangements in real browsers (ADR 0153): a centre coordinator requests 25 % extra time and a colour scheme
 * on the candidate's page (both approved at once) and a reader with an evidence file (waiting for IMI); IMI approves
 * the reader from its Access arrangements page; the candidate's test page then opens in the colour scheme with the
 * extended time, and the candidate switches the text size with the keyboard, which a reload keeps.
 */
class AccessArrangementsBrowserTest extends ApplicationTest {

    @Test
    void givenArrangementsRequestedAndDecided_whenTheCandidateStartsATest_thenItOpensWithThemAndTheyCanSwitch()
            throws Exception {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(20);
        String centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
        AssessmentSteps.Candidate candidate = steps.register(coordinator.token(), centreId, qualification.code());
        String arrangements = "/api/candidates/" + candidate.candidateId() + "/access-arrangements";
        awaitJson("/api/candidates/" + candidate.candidateId(), coordinator.token(), json -> json.has("candidateId"));
        Path evidence = Files.createTempFile(DATA_DIR, "form8-", ".pdf");
        Files.write(evidence, SampleFiles.pdf("Form 8: the reader is needed"));

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(coordinator.pin(), GOOD_PASSWORD);
            ui.visit("/#/candidates/" + candidate.candidateId()).waitForText("Request an access arrangement");
            assertThat(ArrangementPages.requestExtraTime(ui, 25, "Slow processing speed, assessed by the centre"))
                    .contains("Approved", "By policy");
            ui.notice("approved");
            assertThat(ArrangementPages.requestColourScheme(ui, "Dark on cream", "Visual stress with black on white"))
                    .contains("Approved", "By policy");
            assertThat(ArrangementPages.request(ui, "A reader", "Reading age well below chronological age", evidence))
                    .contains("Awaiting IMI", "Download " + evidence.getFileName());
            ui.notice("waits for IMI");
            // asked for in error, and withdrawn before IMI looks at it
            assertThat(ArrangementPages.request(ui, "A separate room", "Anxiety in large rooms", null))
                    .contains("Awaiting IMI");
            ui.pressInRow("A separate room", "Withdraw");
            ui.fill("Reason", "Requested for the wrong candidate").submitDialog();
            ui.notice("is withdrawn");
            assertThat(ui.row("Withdrawn (PIN " + coordinator.pin() + ")"))
                    .contains("A separate room", "Requested for the wrong candidate");
            ui.press("Sign out").waitForHeading("Sign in");

            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            // the queue holds every centre's requests: this one is the coordinator's
            ArrangementPages.approve(
                    ui, "(PIN " + coordinator.pin() + ")", "Form 8 evidence seen: a reader is justified");
            JsonNode decided = awaitJson(
                    arrangements,
                    admin,
                    json -> json.size() == 4
                            && java.util.stream.StreamSupport.stream(json.spliterator(), false)
                                            .filter(arrangement -> "APPROVED"
                                                    .equals(arrangement
                                                            .get("status")
                                                            .asText()))
                                            .count()
                                    == 3);
            assertThat(decided.findValuesAsText("decisionReason"))
                    .contains("Form 8 evidence seen: a reader is justified");
            ui.press("Sign out").waitForHeading("Sign in");
        }

        JsonNode opened = steps.opened(invigilator.token(), candidate.candidateId(), qualification.assessmentCode());
        try (WebUi sitter = WebUi.open(port)) {
            CandidateTestPage.start(
                    sitter,
                    candidate.registrationNumber(),
                    opened.get("accessKey").asText());
            sitter.wait(driver -> "CREAM".equals(CandidateTestPage.display(sitter, "colourScheme")) ? true : null);
            assertThat(sitter.driver().findElement(By.id("time-left")).getText())
                    .as("20 minutes and 25 %")
                    .matches("(24|25):\\d\\d");
            assertThat(sitter.waitForText("Your access arrangements"))
                    .contains("25% extra time, included in the time shown", "a reader");
            assertThat(sitter.driver().findElement(By.id("colour-scheme-CREAM")).isSelected())
                    .isTrue();
            assertThat(sitter.driver().findElement(By.id("time-announcer")).getText())
                    .as("the time there is, announced once at the start")
                    .isIn("25 minutes left.", "24 minutes left.");

            // with the keyboard alone: from the submit button to the text sizes, then an arrow key to the next size
            sitter.script("document.getElementById('submit-test').focus();");
            sitter.keys(Keys.TAB);
            assertThat(sitter.script("return document.activeElement.id")).isEqualTo("text-size-STANDARD");
            sitter.keys(Keys.ARROW_DOWN);
            sitter.wait(driver -> "LARGE".equals(CandidateTestPage.display(sitter, "textSize")) ? true : null);
            assertThat(sitter.driver().findElement(By.id("text-size-LARGE")).isSelected())
                    .isTrue();
            sitter.screenshot("test-access-arrangements");

            sitter.driver().navigate().refresh();
            sitter.waitForHeading("Your test");
            sitter.waitForText("Question 1 of");
            assertThat(CandidateTestPage.display(sitter, "textSize"))
                    .as("kept for the attempt")
                    .isEqualTo("LARGE");
            assertThat(CandidateTestPage.display(sitter, "colourScheme")).isEqualTo("CREAM");
        }
    }
}
