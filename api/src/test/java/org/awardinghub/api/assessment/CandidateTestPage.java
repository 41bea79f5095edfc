package org.awardinghub.api.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardinghub.api.WebUi;
import org.openqa.selenium.By;

/**
 * The candidate's test page ({@code /test}) as the candidate uses it, for the browser tests of a sitting: no PIN,
 * the registration number and the invigilator's access key.
 */
public final class CandidateTestPage {

    private static final Pattern COUNTDOWN = Pattern.compile("(?:(\\d+):)?(\\d+):(\\d\\d)");

    private CandidateTestPage() {}

    /** Starts the test at /test and waits for its first question. */
    public static void start(WebUi sitter, String registrationNumber, String accessKey) {
        sitter.visit("/test").waitForHeading("Start your test");
        sitter.fill("Registration number", registrationNumber)
                .fill("Access key", accessKey)
                .press("Start the test");
        sitter.waitForHeading("Your test");
    }

    /**
     * Clicks the shown question's first option whose text begins with the word ("Right", "Wrong": the tests'
     * qualifications say which is which) and waits until the page says it is saved.
     */
    public static void answer(WebUi sitter, String word) {
        sitter.wait(driver ->
                        driver.findElements(By.cssSelector("fieldset.question:not([hidden]) label.option")).stream()
                                .filter(option -> option.getText().contains(word + " answer"))
                                .findFirst()
                                .orElse(null))
                .click();
        awaitSaved(sitter);
    }

    /** Waits until the shown question says its answer is saved. */
    public static void awaitSaved(WebUi sitter) {
        sitter.wait(driver -> driver.findElement(By.cssSelector("fieldset.question:not([hidden]) .save-status"))
                        .getText()
                        .contains("Saved")
                ? true
                : null);
    }

    /** Submits through the confirmation and waits for the result. */
    public static void submit(WebUi sitter) {
        sitter.press("Submit test").press("Submit my answers");
        sitter.waitForHeading("Your result");
    }

    /** The time left the countdown shows, in seconds ("37:29" is 2,249). */
    public static int secondsLeft(WebUi sitter) {
        String shown = sitter.driver().findElement(By.id("time-left")).getText();
        Matcher time = COUNTDOWN.matcher(shown);
        assertThat(time.matches()).as("a countdown: " + shown).isTrue();
        int hours = time.group(1) == null ? 0 : Integer.parseInt(time.group(1));
        return hours * 3600 + Integer.parseInt(time.group(2)) * 60 + Integer.parseInt(time.group(3));
    }

    /** Waits for the notice that the invigilator has paused the test; answers its text. */
    public static String pausedNotice(WebUi sitter) {
        return sitter.wait(driver -> {
            var shown = driver.findElements(By.id("paused-notice"));
            return shown.isEmpty() ? null : shown.get(0).getText();
        });
    }

    /** A display setting the page applies to the whole document: textSize, colourScheme (null when standard). */
    public static String display(WebUi sitter, String name) {
        Object value = sitter.script("return document.documentElement.dataset[arguments[0]] || null;", name);
        return value == null ? null : value.toString();
    }
}
