package org.awardinghub.api.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/**
 * An online test in real browsers: the invigilator opens it and reads the access key from the page; the candidate,
 * in another browser and without a PIN, starts it at /test with their registration number and the key, answers
 * with the keyboard alone, reloads the page half-way and finds the answers still chosen, submits through the
 * confirmation and reads the result, which is the one the API marked.
 */
class CandidateTestBrowserTest extends ApplicationTest {

    @Test
    void givenAnOpenedTest_whenTheCandidateSitsItWithTheKeyboard_thenAnswersSurviveAReloadAndTheResultIsTheApis() {
        AssessmentSteps steps = new AssessmentSteps(http, adminToken(), DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff registrar = steps.user(centreId, "CENTRE_ADMIN");
        AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
        AssessmentSteps.Candidate candidate = steps.register(registrar.token(), centreId, qualification.code());
        String number = candidate.registrationNumber();
        awaitJson(
                "/api/centres/" + centreId + "/candidates?q=" + number,
                invigilator.token(),
                json -> json.get("total").asInt() == 1);

        String accessKey;
        try (WebUi staff = WebUi.open(port)) {
            staff.signIn(invigilator.pin(), GOOD_PASSWORD);
            staff.press("Invigilation").waitForHeading("Invigilation");
            staff.fill("Candidate", number);
            staff.waitForText("1 candidate matches.");
            staff.press("Choose");
            staff.waitForText("2. Choose the test");
            assertThat(staff.field("Test").getText()).contains(qualification.assessmentCode(), "4 questions");
            staff.press("Open the test");
            accessKey = staff.wait(driver -> {
                String shown = driver.findElement(By.cssSelector(".key-large"))
                        .getText()
                        .strip();
                return shown.isEmpty() ? null : shown;
            });
            String page = staff.waitForText("Valid until");
            assertThat(page).contains("/test", "Enter your registration number: " + number, accessKey);
            staff.wait(driver ->
                    driver.findElement(By.id("attempts-today")).getText().contains(number) ? true : null);
            staff.script("document.getElementById('key-title').scrollIntoView({block: 'center'});");
            staff.screenshot("invigilation-key");
        }

        try (WebUi sitter = WebUi.open(port)) {
            CandidateTestPage.start(sitter, number.toLowerCase(Locale.ROOT), accessKey);
            assertThat(sitter.all("#nav"))
                    .as("no staff menu on the candidate's page")
                    .isEmpty();
            assertThat(sitter.driver().findElement(By.id("time-left")).getText())
                    .matches("(29|30):\\d\\d");

            answerWithKeyboard(sitter, "Right");
            nextWithKeyboard(sitter);
            answerWithKeyboard(sitter, "Right");
            nextWithKeyboard(sitter);

            sitter.driver().navigate().refresh();
            sitter.waitForHeading("Your test");
            sitter.waitForText("Question 3 of 4");
            @SuppressWarnings("unchecked")
            List<String> kept = (List<String>) sitter.script("return [...document.querySelectorAll("
                    + "'#questions input[type=radio]:checked')].map(radio => radio.closest('label').innerText);");
            assertThat(kept)
                    .as("the answers chosen before the reload")
                    .hasSize(2)
                    .allSatisfy(text -> assertThat(text).contains("Right answer"));
            assertThat(sitter.driver().findElement(By.id("answered-count")).getText())
                    .isEqualTo("2 of 4 answered");
            sitter.phone();
            sitter.assertNoSidewaysScroll();
            sitter.screenshot("test-question-phone");
            sitter.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

            answerWithKeyboard(sitter, "Wrong");
            sitter.screenshot("test-question");
            // question 4 is left unanswered: the confirmation says so
            tabTo(sitter, "submit-test");
            sitter.keys(Keys.ENTER);
            String confirmation = sitter.wait(driver -> {
                var box = driver.findElement(By.id("confirm-submit"));
                return box.isDisplayed() ? box.getText() : null;
            });
            assertThat(confirmation).contains("You have answered 3 of 4 questions", "1 question is unanswered");
            new Actions(sitter.driver())
                    .keyDown(Keys.SHIFT)
                    .sendKeys(Keys.TAB)
                    .keyUp(Keys.SHIFT)
                    .perform();
            assertThat(sitter.script("return document.activeElement.textContent"))
                    .isEqualTo("Submit my answers");
            sitter.keys(Keys.ENTER);
            sitter.waitForHeading("Your result");

            String attemptId = http.get(
                            "/api/candidates/" + candidate.candidateId() + "/assessment-attempts", invigilator.token())
                    .json()
                    .get(0)
                    .get("attemptId")
                    .asText();
            JsonNode result = awaitJson(
                            "/api/assessment-attempts/" + attemptId,
                            invigilator.token(),
                            json -> json.path("result").has("outcome"))
                    .get("result");
            assertThat(result.get("score").asInt())
                    .as("two right, one wrong, one unanswered")
                    .isEqualTo(2);
            assertThat(sitter.driver().findElement(By.id("result-outcome")).getText())
                    .isEqualTo(result.get("outcome").asText());
            assertThat(sitter.driver().findElement(By.id("result-score")).getText())
                    .isEqualTo("You scored "
                            + result.get("score").asInt() + " out of "
                            + result.get("maxScore").asInt() + " ("
                            + percent(result.get("percent").asDouble()) + ").");
            sitter.screenshot("test-result");

            sitter.driver().navigate().refresh();
            sitter.waitForHeading("Your result");
            assertThat(sitter.driver().findElement(By.id("result-outcome")).getText())
                    .isEqualTo("FAIL");
        }
    }

    @Test
    void givenAStartedTest_whenItsTimeLimitPasses_thenThePageSaysItWasSubmittedByTheTimeLimitWithTheResult() {
        AssessmentSteps steps = new AssessmentSteps(http, adminToken(), DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(1);
        String centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff registrar = steps.user(centreId, "CENTRE_ADMIN");
        AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
        AssessmentSteps.Candidate candidate = steps.register(registrar.token(), centreId, qualification.code());
        JsonNode opened = steps.opened(invigilator.token(), candidate.candidateId(), qualification.assessmentCode());

        try (WebUi sitter = WebUi.open(port)) {
            CandidateTestPage.start(
                    sitter,
                    candidate.registrationNumber(),
                    opened.get("accessKey").asText());
            CandidateTestPage.answer(sitter, "Right");

            clock.advance(Duration.ofMinutes(2));
            JsonNode attempt = steps.awaitAttempt(
                    invigilator.token(), opened.get("attemptId").asText(), "SUBMITTED");
            assertThat(attempt.get("submittedBy").asText()).isEqualTo("TIME_LIMIT");
            // a change of answer after the end is refused by the server; the page then shows how the test ended
            // (unless it has already noticed the end by itself and shows the result)
            sitter.all("fieldset.question:not([hidden]) label.option").stream()
                    .filter(option -> option.getText().contains("Wrong answer"))
                    .findFirst()
                    .ifPresent(option -> {
                        try {
                            option.click();
                        } catch (org.openqa.selenium.WebDriverException pageMovedOn) {
                            // the result replaced the question meanwhile
                        }
                    });
            sitter.waitForHeading("Your result");
            assertThat(sitter.waitForText("The time was up")).contains("submitted automatically");
            JsonNode result = attempt.get("result");
            assertThat(result.get("score").asInt())
                    .as("the answer saved before the end")
                    .isEqualTo(1);
            assertThat(sitter.driver().findElement(By.id("result-outcome")).getText())
                    .isEqualTo(result.get("outcome").asText());
            assertThat(sitter.driver().findElement(By.id("result-score")).getText())
                    .isEqualTo("You scored 1 out of " + result.get("maxScore").asInt() + " ("
                            + percent(result.get("percent").asDouble()) + ").");
            sitter.screenshot("test-time-up");
        }
    }

    /** Tab into the visible question's radio group and choose the first option beginning with the word. */
    private static void answerWithKeyboard(WebUi ui, String word) {
        @SuppressWarnings("unchecked")
        List<String> options = (List<String>) ui.script("return [...document.querySelectorAll("
                + "'fieldset.question:not([hidden]) .option-text')].map(option => option.textContent);");
        int index = -1;
        for (int i = 0; i < options.size() && index < 0; i++) {
            if (options.get(i).startsWith(word)) {
                index = i;
            }
        }
        assertThat(index).as("an option beginning %s in %s", word, options).isNotNegative();
        ui.keys(Keys.TAB);
        assertThat(ui.script("return document.activeElement.type"))
                .as("Tab reaches the answers")
                .isEqualTo("radio");
        if (index == 0) {
            ui.keys(Keys.SPACE);
        }
        for (int i = 0; i < index; i++) {
            ui.keys(Keys.ARROW_DOWN);
        }
        CandidateTestPage.awaitSaved(ui);
        assertThat(ui.script("return document.activeElement.closest('label').innerText"))
                .asString()
                .contains(word + " answer");
    }

    private static void nextWithKeyboard(WebUi ui) {
        tabTo(ui, "next");
        ui.keys(Keys.ENTER);
    }

    /** Presses Tab until the element with the id has the focus. */
    private static void tabTo(WebUi ui, String id) {
        for (int i = 0; i < 30 && !id.equals(ui.script("return document.activeElement.id")); i++) {
            ui.keys(Keys.TAB);
        }
        assertThat(ui.script("return document.activeElement.id")).isEqualTo(id);
    }

    /** As the page shows a percentage: at most one decimal, none for a whole number. */
    private static String percent(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value)) + "%";
    }
}
