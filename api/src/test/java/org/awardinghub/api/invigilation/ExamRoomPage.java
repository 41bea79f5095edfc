package org.awardinghub.api.invigilation;

import org.awardinghub.api.WebUi;
import org.openqa.selenium.By;

/** The invigilator's Exam room page, for the browser tests: the centre's running tests, each in a row of its own. */
public final class ExamRoomPage {

    private ExamRoomPage() {}

    /**
     * Opens the Exam room from the menu and waits for the candidate's running test, refreshing the list until it
     * shows it (the list is read a moment behind the start).
     */
    public static void open(WebUi staff, String registrationNumber) {
        staff.press("Exam room").waitForHeading("Exam room");
        staff.wait(driver -> {
            if (driver.findElement(By.id("room-attempts")).getText().contains(registrationNumber)) {
                return true;
            }
            driver.findElement(By.xpath("//button[normalize-space(.) = 'Refresh']"))
                    .click();
            return null;
        });
    }

    /** Pauses the candidate's test from its row, with the reason; waits for the page to say it did. */
    public static void pause(WebUi staff, String registrationNumber, String reason) {
        staff.pressInRow(registrationNumber, "Pause");
        staff.fill("Reason", reason).submitDialog();
        staff.notice("Paused the test of " + registrationNumber + ".");
    }

    /** Resumes the candidate's paused test from its row; answers the page's notice, which says the new end. */
    public static String resume(WebUi staff, String registrationNumber) {
        staff.pressInRow(registrationNumber, "Resume");
        return staff.notice("Resumed the test of " + registrationNumber + "; it now ends at");
    }

    /** Records an incident against the candidate's test from its row (kind Disruption, at the present minute). */
    public static void recordIncident(WebUi staff, String registrationNumber, String whatHappened) {
        staff.pressInRow(registrationNumber, "Record incident");
        staff.fill("What happened", whatHappened).submitDialog();
        staff.notice("Incident recorded against the test of " + registrationNumber);
    }
}
