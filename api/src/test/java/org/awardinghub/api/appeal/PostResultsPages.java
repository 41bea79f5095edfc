package org.awardinghub.api.appeal;

import org.awardinghub.api.WebUi;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * After results, in the browser: the centre's section "Special consideration and reviews of results" on the
 * candidate's page (one submitted attempt), and IMI's Special consideration and Appeals queues.
 */
public final class PostResultsPages {

    private PostResultsPages() {}

    /**
     * Applies for special consideration for the candidate's submitted attempt from their page (what happened as
     * the form words it: "Illness"), referring the incident recorded in the room whose text contains
     * {@code incident}, or none when null; waits until the page shows the application waiting for IMI.
     */
    public static void apply(WebUi centre, String whatHappened, String incident, String description) {
        centre.press("Apply for special consideration");
        centre.choose("What happened", whatHappened);
        centre.fill("Description", description);
        if (incident != null) {
            Select incidents = new Select(centre.field("Incident recorded in the room"));
            WebElement recorded = centre.wait(driver -> incidents.getOptions().stream()
                    .filter(option -> option.getText().contains(incident))
                    .findFirst()
                    .orElse(null));
            incidents.selectByVisibleText(recorded.getText());
        }
        centre.press("Send the application");
        centre.notice("Application sent to IMI");
        centre.waitForText("Waiting for IMI's decision");
    }

    /** Asks for a review of the attempt's result; answers the page once the clerical re-check's outcome is shown. */
    public static String askForReview(WebUi centre, String reasons) {
        centre.press("Ask for a review of this result");
        centre.fill("Reasons", reasons);
        centre.press("Send the request for review");
        return centre.waitForText("Clerical re-check: result");
    }

    /** Appeals to IMI after the re-check; waits until the page shows the appeal waiting. */
    public static void appeal(WebUi centre, String reasons) {
        centre.press("Appeal to IMI");
        centre.fill("Reasons for the appeal", reasons);
        centre.press("Send the appeal");
        centre.waitForText("Appeal waiting for IMI's decision");
    }

    /**
     * IMI decides, on its Special consideration page, the application in the row that shows the text, as the form
     * words the decision ("Note it on the record; the result stands"); waits until the queue is drawn again without
     * it.
     */
    public static void decideConsideration(WebUi imi, String rowText, String decision, String reason) {
        imi.press("Special consideration").waitForHeading("Special consideration");
        imi.pressInRow(rowText, "Decide");
        imi.choose("Decision", decision);
        imi.fill("Reason", reason);
        imi.press("Record the decision");
        imi.notice("Decision recorded");
        imi.waitForRowGone(rowText);
    }

    /**
     * IMI upholds, on its Appeals page, the appeal in the row that shows the text, with the corrected result; waits
     * until the queue is drawn again without it.
     */
    public static void upholdAppeal(WebUi imi, String rowText, String outcome, int score, String reason) {
        imi.press("Appeals").waitForHeading("Appeals");
        imi.pressInRow(rowText, "Decide");
        imi.choose("Decision", "Upheld: correct the result");
        imi.choose("Corrected outcome", outcome);
        imi.fill("Corrected score", String.valueOf(score));
        imi.fill("Reason", reason);
        imi.press("Record the decision");
        imi.notice("Decision recorded");
        imi.waitForRowGone(rowText);
    }
}
