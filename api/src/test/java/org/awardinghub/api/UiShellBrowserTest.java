package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in and out of the web UI, the menu a role gets, My Details, and a wrong password in words. */
class UiShellBrowserTest extends ApplicationTest {

    @Test
    void givenAUser_whenSigningInThroughTheBrowser_thenTheirMenuAndPinAndSignOut() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] created = new CreatedUser[1];
        activeUser(admin, admin, centreId, created, "CENTRE_COORDINATOR");
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

            ui.press("Sign out");
            ui.waitForHeading("Sign in");
            assertThat(ui.notice("signed out")).isNotBlank();
            ui.visit("/#/me");
            ui.waitForHeading("Sign in");
        }
    }
}
