package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Signing in and out of the web UI, the menu a role gets, My Details with its notification choices, and a wrong
 * password in words.
 */
class UiShellBrowserTest extends ApplicationTest {

    @Test
    void givenAUser_whenSigningInThroughTheBrowser_thenTheirMenuAndPinAndSignOut() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] created = new CreatedUser[1];
        String token = activeUser(admin, admin, centreId, created, "CENTRE_COORDINATOR");
        String pin = created[0].pin();
        try (WebUi ui = WebUi.open(port)) {
            ui.visit("/");
            ui.waitForHeading("Sign in");
            ui.fill("PIN", pin).fill("Password", "not the password").press("Sign in");
            assertThat(ui.notice("PIN or password")).as("the server's words").isNotBlank();
            ui.screenshot("sign-in");

            ui.fill("Password", GOOD_PASSWORD).press("Sign in");
            ui.waitForHeading("Welcome");
            String menu = ui.driver().findElement(By.id("nav")).getText();
            assertThat(menu).as("no IMI-only pages for a centre user").doesNotContain("Audit");
            ui.press("Sam Example");
            ui.waitForHeading("My Details");
            assertThat(ui.driver().findElement(By.id("my-pin")).getText()).isEqualTo(pin);
            assertThat(ui.field("A sanction is imposed").isEnabled())
                    .as("a mandatory notification cannot be turned off")
                    .isFalse();
            ui.field("A certificate claim is approved").click();
            ui.press("Save notification choices");
            assertThat(ui.notice("notification choices are saved")).isNotBlank();
            assertThat(http.get("/api/me/notification-preferences", token)
                            .json()
                            .get("kinds")
                            .get(0)
                            .toString())
                    .contains("\"kind\":\"CLAIM_APPROVED\"", "\"enabled\":false");

            ui.press("Sign out");
            ui.waitForHeading("Sign in");
            assertThat(ui.notice("signed out")).isNotBlank();
            ui.visit("/#/me");
            ui.waitForHeading("Sign in");
        }
    }

    /**
     * The idle sign-out, shortened for the test: the page takes the idle limit the server gave at sign-in (40
     * minutes here) from the tab's session, which the test sets to 8 seconds; the warning comes first (five minutes
     * before, so at once), staying signed in starts the clock again, and then the session ends.
     */
    @Test
    void givenASignedInUser_whenIdle_thenWarnedFirstAndThenSignedOut() {
        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            Object idle = ui.script("return JSON.parse(sessionStorage.getItem('awarding.session')).idleMs;");
            assertThat(((Number) idle).longValue())
                    .as("the server's idle limit")
                    .isEqualTo(40 * 60 * 1000L);
            String token = (String) ui.script("return JSON.parse(sessionStorage.getItem('awarding.session')).token;");
            assertThat(http.get("/api/me", token).status()).isEqualTo(200);
            ui.script("const s = JSON.parse(sessionStorage.getItem('awarding.session')); s.idleMs = 8000;"
                    + " sessionStorage.setItem('awarding.session', JSON.stringify(s));");
            ui.visit("/#/me");
            ui.waitForHeading("My Details");
            ui.wait(driver -> driver.findElement(By.id("idle-warning")).isDisplayed() ? true : null);
            assertThat(ui.driver().findElement(By.id("idle-warning")).getText()).contains("Are you still there?");
            ui.press("Stay signed in");
            ui.wait(driver -> driver.findElement(By.id("idle-warning")).isDisplayed() ? true : null);
            ui.waitForHeading("Sign in");
            assertThat(ui.notice("without activity")).contains("signed out");
            assertThat(http.get("/api/me", token).status())
                    .as("the session ended on the server too")
                    .isEqualTo(401);
        }
    }
}
