package org.awardinghub.api.arrangement;

import java.nio.file.Path;
import org.awardinghub.api.WebUi;

/**
 * Access arrangements in the browser: the centre's form on the candidate's page, and IMI's Access arrangements
 * queue.
 */
public final class ArrangementPages {

    private ArrangementPages() {}

    /** Requests extra time on the candidate's page; answers its row in the candidate's arrangements once shown. */
    public static String requestExtraTime(WebUi centre, int percent, String reason) {
        centre.choose("Arrangement", "Extra time").fill("Extra time (%)", String.valueOf(percent));
        return send(centre, reason, null, "Extra time: " + percent + "%");
    }

    /** Requests a colour scheme ("Dark on cream") on the candidate's page; answers its row once shown. */
    public static String requestColourScheme(WebUi centre, String scheme, String reason) {
        centre.choose("Arrangement", "A colour scheme").choose("Colour scheme", scheme);
        return send(centre, reason, null, "A colour scheme: " + scheme);
    }

    /**
     * Requests an arrangement without a setting ("A reader", "A separate room"), with an evidence file or none;
     * answers its row once shown.
     */
    public static String request(WebUi centre, String arrangement, String reason, Path evidence) {
        centre.choose("Arrangement", arrangement);
        return send(centre, reason, evidence, arrangement);
    }

    private static String send(WebUi centre, String reason, Path evidence, String shownAs) {
        centre.fill("Why the candidate needs it", reason);
        if (evidence != null) {
            centre.field("Evidence").sendKeys(evidence.toString());
        }
        centre.press("Request the arrangement");
        return centre.row(shownAs);
    }

    /**
     * IMI approves, from its Access arrangements queue, the waiting arrangement in the row that shows the text (the
     * requester's "PIN 12345678", say: the queue holds every centre's requests); waits until the queue is drawn
     * again without it.
     */
    public static void approve(WebUi imi, String rowText, String reason) {
        imi.press("Access arrangements").waitForHeading("Access arrangements");
        imi.pressInRow(rowText, "Approve");
        imi.fill("Reason", reason).submitDialog();
        imi.notice("is approved");
        imi.waitForRowGone(rowText);
    }
}
