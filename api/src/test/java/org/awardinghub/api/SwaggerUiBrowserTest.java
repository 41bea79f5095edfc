package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An integrator tries the API in Swagger UI: Authorize with a PIN and password (the OAuth password flow of {@code POST
 * /api/auth/token}), then "Try it out" on {@code GET /api/me} answers 200 with their own details.
 */
class SwaggerUiBrowserTest extends ApplicationTest {

    @Test
    void givenSwaggerUi_whenAuthorizedWithPinAndPassword_thenTryingGetMeAnswersTheAdmin() {
        try (WebUi ui = WebUi.open(port)) {
            ui.visit("/swagger-ui/index.html");
            click(ui, By.cssSelector("button.btn.authorize"));
            fill(ui, By.id("oauth_username"), ADMIN_PIN);
            fill(ui, By.id("oauth_password"), ADMIN_PASSWORD);
            // the dialog holds both schemes, the bearer token's first: this is the PIN and password's own button
            click(
                    ui,
                    By.xpath("(//input[@id='oauth_username']/following::div[contains(@class,'auth-btn-wrapper')])[1]"
                            + "//button[contains(@class,'authorize')]"));
            ui.wait(driver ->
                    driver.findElement(By.cssSelector(".modal-ux")).getText().contains("Authorized") ? true : null);
            ui.screenshot("swagger-ui-authorized");
            click(ui, By.cssSelector(".auth-btn-wrapper button.btn-done"));

            By me = By.xpath("//span[@data-path='/api/me']/ancestor::div[contains(@class,'opblock-get')][1]");
            click(ui, By.xpath("//span[@data-path='/api/me']/ancestor::*[contains(@class,'opblock-summary')][1]"));
            WebElement operation = ui.wait(driver -> driver.findElement(me));
            click(ui, me, By.cssSelector("button.try-out__btn"));
            click(ui, me, By.cssSelector("button.execute"));
            String status = ui.wait(driver -> {
                String shown = driver.findElement(me)
                        .findElement(By.cssSelector(".live-responses-table tr.response .response-col_status"))
                        .getText()
                        .strip();
                return shown.isEmpty() ? null : shown;
            });
            ui.script(
                    "arguments[0].scrollIntoView()",
                    operation.findElement(By.cssSelector(".live-responses-table tr.response")));
            ui.screenshot("swagger-ui-get-me");
            assertThat(status).startsWith("200");
            assertThat(operation
                            .findElement(By.cssSelector(".live-responses-table tr.response .response-col_description"))
                            .getText())
                    .contains("\"pin\": \"" + ADMIN_PIN + "\"");
        }
    }

    private static void click(WebUi ui, By element) {
        ui.wait(driver -> {
            WebElement found = driver.findElement(element);
            if (!found.isDisplayed() || !found.isEnabled()) {
                return null;
            }
            found.click();
            return true;
        });
    }

    private static void click(WebUi ui, By within, By element) {
        ui.wait(driver -> {
            WebElement found = driver.findElement(within).findElement(element);
            if (!found.isDisplayed() || !found.isEnabled()) {
                return null;
            }
            found.click();
            return true;
        });
    }

    private static void fill(WebUi ui, By field, String text) {
        WebElement input = ui.wait(driver -> driver.findElement(field));
        input.clear();
        input.sendKeys(text);
    }
}
