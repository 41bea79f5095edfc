package org.awardinghub.api.arrangement;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.WebUi;
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
            ui.choose("Arrangement", "Extra time")
                    .fill("Extra time (%)", "25")
                    .fill("Why the candidate needs it", "Slow processing speed, assessed by the centre")
                    .press("Request the arrangement");
            ui.notice("approved");
            ui.choose("Arrangement", "A colour scheme")
                    .choose("Colour scheme", "Dark on cream")
                    .fill("Why the candidate needs it", "Visual stress with black on white")
                    .press("Request the arrangement");
            assertThat(ui.waitForText("A colour scheme: Dark on cream")).contains("Extra time: 25%");
            ui.choose("Arrangement", "A reader")
                    .fill("Why the candidate needs it", "Reading age well below chronological age");
            ui.field("Evidence").sendKeys(evidence.toString());
            ui.press("Request the arrangement");
            ui.notice("waits for IMI");
            assertThat(ui.waitForText("Awaiting IMI")).contains("A reader", "Download " + evidence.getFileName());
            ui.press("Sign out").waitForHeading("Sign in");

            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Access arrangements").waitForHeading("Access arrangements");
            ui.wait(driver -> driver
                            .findElements(By.xpath("//tr[.//a[contains(@href, '" + candidate.candidateId()
                                    + "')]]//button[starts-with(normalize-space(.), 'Approve')]"))
                            .stream()
                            .findFirst()
                            .orElse(null))
                    .click();
            ui.fill("Reason", "Form 8 evidence seen: a reader is justified");
            ui.driver()
                    .findElement(By.cssSelector("dialog[open] button[type=submit]"))
                    .click();
            ui.notice("is approved");
            JsonNode decided = awaitJson(
                    arrangements,
                    admin,
                    json -> json.size() == 3
                            && java.util.stream.StreamSupport.stream(json.spliterator(), false)
                                    .allMatch(arrangement -> "APPROVED"
                                            .equals(arrangement.get("status").asText())));
            assertThat(decided.findValuesAsText("decisionReason"))
                    .contains("Form 8 evidence seen: a reader is justified");
            ui.press("Sign out").waitForHeading("Sign in");
        }

        JsonNode opened = steps.opened(invigilator.token(), candidate.candidateId(), qualification.assessmentCode());
        try (WebUi sitter = WebUi.open(port)) {
            sitter.visit("/test").waitForHeading("Start your test");
            sitter.fill("Registration number", candidate.registrationNumber())
                    .fill("Access key", opened.get("accessKey").asText())
                    .press("Start the test");
            sitter.waitForHeading("Your test");
            sitter.wait(driver -> "CREAM".equals(htmlData(sitter, "colourScheme")) ? true : null);
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
            sitter.wait(driver -> "LARGE".equals(htmlData(sitter, "textSize")) ? true : null);
            assertThat(sitter.driver().findElement(By.id("text-size-LARGE")).isSelected())
                    .isTrue();
            sitter.screenshot("test-access-arrangements");

            sitter.driver().navigate().refresh();
            sitter.waitForHeading("Your test");
            sitter.waitForText("Question 1 of");
            assertThat(htmlData(sitter, "textSize")).as("kept for the attempt").isEqualTo("LARGE");
            assertThat(htmlData(sitter, "colourScheme")).isEqualTo("CREAM");
        }
    }

    private static String htmlData(WebUi ui, String name) {
        Object value = ui.script("return document.documentElement.dataset[arguments[0]] || null;", name);
        return value == null ? null : value.toString();
    }
}
