package org.awardinghub.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Retention in a real browser (ADRs 0166, 0167): IMI places a legal hold on a candidate's record from the Privacy
 * panel of the candidate's page and lifts it from the Privacy page's legal holds; downloads the candidate's subject
 * access export, which the audit trail records; once the record is due (the application's clock six years on), IMI
 * erases it from the queue with a reason and the legal basis, and the candidate's page shows it erased.
 */
class PrivacyBrowserTest extends ApplicationTest {

    @Test
    void givenACandidate_whenImiHoldsLiftsAndErasesFromTheQueue_thenTheCandidatePageShowsTheRecordErased() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        AssessmentSteps.Candidate candidate = steps.register(coordinator, centreId, "LV2-MAINT");
        String number = candidate.registrationNumber();
        String retention = "/api/candidates/" + candidate.candidateId() + "/retention";
        awaitJson(retention, admin, json -> json.has("dueOn"));

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.visit("/#/candidates/" + candidate.candidateId()).waitForText("Decision due on");
            ui.press("Hold " + number);
            ui.fill("Case", "CASE-2026-19")
                    .fill("Reason", "Malpractice inquiry at the centre")
                    .fill("Legal basis", "UK GDPR Art. 17(3)(e): legal claims")
                    .submitDialog();
            ui.notice("A legal hold stands on " + number);
            assertThat(ui.waitForText("Legal hold"))
                    .contains("Case CASE-2026-19: Malpractice inquiry at the centre", "PIN " + ADMIN_PIN);

            ui.press("Privacy").waitForHeading("Privacy");
            assertThat(ui.row(number)).contains("CASE-2026-19", "Malpractice inquiry at the centre");
            ui.pressInRow(number, "Lift the hold");
            ui.fill("Reason", "Inquiry closed: no case to answer").submitDialog();
            ui.notice("The legal hold on " + number + " is lifted");
            ui.waitForRowGone(number);
            awaitJson(retention, admin, json -> json.get("legalHold").isNull());

            ui.visit("/#/candidates/" + candidate.candidateId()).waitForText("Decision due on");
            Instant asked = clock.instant().minusSeconds(1);
            ui.press("Subject access export (PDF)");
            ui.notice("Subject access export of " + number + " downloaded");
            awaitJson(
                    "/api/audit/timeline?actorPin=" + ADMIN_PIN + "&from=" + asked,
                    admin,
                    json -> json.toString().contains("SubjectAccessExported")
                            && json.toString().contains(candidate.candidateId()));

            ui.press("Sign out").waitForHeading("Sign in");
            clock.advance(RetentionTest.PAST_SIX_YEARS);
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Privacy").waitForHeading("Privacy");
            findInQueue(ui, number);
            ui.pressInRow(number, "Erase");
            ui.fill("Reason", "Retention period ended; nothing keeps the record")
                    .fill("Legal basis", "UK GDPR Art. 5(1)(e) and 17(1)(a): no longer necessary")
                    .submitDialog();
            ui.notice(number + " is erased");
            ui.waitForRowGone(number);
            ui.screenshot("privacy-queue");

            ui.visit("/#/candidates/" + candidate.candidateId());
            String page = ui.waitForText("Erased");
            assertThat(page).contains("UK GDPR Art. 5(1)(e) and 17(1)(a): no longer necessary");
            assertThat(ui.all("#privacy-status .row-actions"))
                    .as("nothing left to decide")
                    .isEmpty();
            ui.screenshot("privacy-candidate-erased");
        }
    }

    /** Pages through the queue (every test's candidates are due by now) until a row shows the number. */
    private static void findInQueue(WebUi ui, String number) {
        ui.waitForText("Due for a decision");
        for (int page = 0; page < 200; page++) {
            if (!ui.driver()
                    .findElements(By.xpath("//tr[contains(., \"" + number + "\")]"))
                    .isEmpty()) {
                return;
            }
            WebElement next = ui.driver().findElements(By.cssSelector("nav.pager button")).stream()
                    .filter(button -> button.getText().equals("Next") && button.isEnabled())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(number + " is not in the queue"));
            String before =
                    ui.driver().findElement(By.cssSelector("nav.pager span")).getText();
            next.click();
            ui.wait(driver -> driver.findElements(By.cssSelector("nav.pager span")).stream()
                            .anyMatch(span -> !span.getText().equals(before))
                    ? true
                    : null);
        }
        throw new AssertionError(number + " is not in the queue");
    }
}
