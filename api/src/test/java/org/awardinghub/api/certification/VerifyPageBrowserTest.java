package org.awardinghub.api.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The public page a certificate's QR code opens, in a real browser, as an employer would use it. */
class VerifyPageBrowserTest extends ApplicationTest {

    @Test
    void givenIssuedCertificate_whenItsLinkIsOpened_thenValidWithHolderAndAWrongCodeIsNotValid() throws Exception {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code(), true);
        String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
        Candidate candidate = steps.register(coordinator, centreId, qualification.code());
        steps.sit(steps.user(centreId, "INVIGILATOR").token(), candidate, qualification.assessmentCode(), 4);
        String claimId = http.post(
                        "/api/candidates/" + candidate.candidateId() + "/certificate-claims", coordinator, Map.of())
                .json()
                .get("claimId")
                .asText();
        JsonNode claim = awaitJson(
                "/api/certificate-claims/" + claimId,
                coordinator,
                json -> "ISSUED".equals(json.path("status").asText()));
        String number = claim.get("certificateNumber").asText();
        String code = claim.get("verificationCode").asText();
        awaitJson(
                "/api/certificates/" + number + "/verify?code=" + code,
                null,
                json -> json.path("valid").asBoolean());

        try (Browser browser = Browser.open()) {
            WebDriver page = browser.driver();
            page.get("http://localhost:" + port + "/verify?number=" + number + "&code=" + code);
            String verdict = waitForVerdict(page, "Valid");
            assertThat(verdict).contains(number);
            assertThat(page.findElement(By.id("holder")).getText()).startsWith("Robin Candidate");
            assertThat(page.findElement(By.id("qualification")).getText()).contains(qualification.code());
            screenshot(page, "verify-valid.png");

            page.findElement(By.id("code")).clear();
            page.findElement(By.id("code")).sendKeys("WRONGCODE2");
            page.findElement(By.id("submit")).click();
            assertThat(waitForVerdict(page, "Not valid")).contains("no certificate matches");
            assertThat(page.findElement(By.id("details")).isDisplayed())
                    .as("nothing personal shown")
                    .isFalse();
        }
    }

    private static String waitForVerdict(WebDriver page, String beginning) {
        new WebDriverWait(page, Duration.ofSeconds(10))
                .until(ExpectedConditions.textToBePresentInElementLocated(By.id("verdict"), beginning));
        return page.findElement(By.id("verdict")).getText();
    }

    private static void screenshot(WebDriver page, String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), ((TakesScreenshot) page).getScreenshotAs(OutputType.BYTES));
    }
}
