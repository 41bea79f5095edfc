package org.awardinghub.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The pages behind the email links, used in a real browser as a new user would. */
class PasswordPagesBrowserTest extends ApplicationTest {

    @Test
    void givenActivationEmail_whenLinkOpenedAndPasswordChosen_thenUserCanSignIn() {
        String admin = adminToken();
        CreatedUser user = addUser(admin, approvedCentre(admin), "CENTRE_ADMIN");
        String token = tokenFromOutbox(admin, user.email());

        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/activate?token=" + token);
            assertThat(page.getTitle()).contains("Set your password");
            assertThat(page.findElement(By.id("password")).getAttribute("autocomplete"))
                    .isEqualTo("new-password");

            page.findElement(By.id("password")).sendKeys("short");
            page.findElement(By.id("confirm")).sendKeys("short");
            page.findElement(By.id("submit")).click();
            String refusal = waitForMessage(page);
            assertThat(refusal).contains("at least 12 characters");

            page.findElement(By.id("password")).clear();
            page.findElement(By.id("confirm")).clear();
            page.findElement(By.id("password")).sendKeys(GOOD_PASSWORD);
            page.findElement(By.id("confirm")).sendKeys(GOOD_PASSWORD);
            page.findElement(By.id("submit")).click();
            new WebDriverWait(page, Duration.ofSeconds(10))
                    .until(ExpectedConditions.textToBePresentInElementLocated(
                            By.id("message"), "Your password is set"));
            assertThat(page.findElement(By.id("password-form")).isDisplayed()).isFalse();
        }

        signIn(user.pin(), GOOD_PASSWORD);
    }

    @Test
    void givenResetEmail_whenLinkOpenedTwice_thenSecondUseIsRefused() {
        String admin = adminToken();
        CreatedUser[] user = new CreatedUser[1];
        activeUser(admin, admin, approvedCentre(admin), user, "INVIGILATOR");
        http.post("/api/auth/password-reset", null, Map.of("pin", user[0].pin()));
        String token = tokenFromOutbox(admin, user[0].email());
        String newPassword = "a different long passphrase";

        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver();
            for (int attempt = 0; attempt < 2; attempt++) {
                page.get("http://localhost:" + port + "/reset-password?token=" + token);
                assertThat(page.findElement(By.id("heading")).getText()).isEqualTo("Choose a new password");
                page.findElement(By.id("password")).sendKeys(newPassword);
                page.findElement(By.id("confirm")).sendKeys(newPassword);
                page.findElement(By.id("submit")).click();
                String message = waitForMessage(page);
                assertThat(message).contains(attempt == 0 ? "Your password is set" : "The link is not valid");
            }
        }

        signIn(user[0].pin(), newPassword);
    }

    private static String waitForMessage(WebDriver page) {
        return new WebDriverWait(page, Duration.ofSeconds(10)).until(driver -> {
            var message = driver.findElement(By.id("message"));
            return message.isDisplayed() && !message.getText().isBlank() ? message.getText() : null;
        });
    }
}
