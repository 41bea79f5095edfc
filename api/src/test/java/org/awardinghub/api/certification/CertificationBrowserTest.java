package org.awardinghub.api.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Certification in the browser: a centre without Direct Claim Status claims, IMI approves from its queue, the centre
 * prints the certificate and anyone verifies it; a candidate who has not passed is refused with the server's reasons.
 */
public class CertificationBrowserTest extends ApplicationTest {

    /** Notes each file the page hands the browser to save (its type and size), as a person would see it saved. */
    public static final String WATCH_SAVED_FILES = "window.savedFiles = [];"
            + "const original = URL.createObjectURL.bind(URL);"
            + "URL.createObjectURL = blob => { window.savedFiles.push(blob.type + ' ' + blob.size);"
            + " return original(blob); };";

    @Test
    void givenCentreWithoutDirectClaimStatus_whenClaimedAndApprovedInTheBrowser_thenCertificatePrintsAndVerifies() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
        AssessmentSteps.Candidate achiever = steps.register(coordinator.token(), centreId, qualification.code());
        AssessmentSteps.Candidate beginner = steps.register(coordinator.token(), centreId, qualification.code());
        assertThat(steps.sit(invigilator.token(), achiever, qualification.assessmentCode(), 4)
                        .get("outcome")
                        .asText())
                .isEqualTo("PASS");
        JsonNode candidate = awaitJson(
                "/api/candidates/" + achiever.candidateId(),
                coordinator.token(),
                json -> json.path("results").size() == 1);
        String holder = candidate.get("firstName").asText() + " "
                + candidate.get("lastName").asText();
        awaitJson(
                "/api/centres/" + centreId + "/candidates?q=" + beginner.registrationNumber(),
                coordinator.token(),
                json -> json.path("total").asInt() == 1);
        JsonNode centre = http.get("/api/centres/" + centreId, admin).json();
        String centreLabel =
                centre.get("name").asText() + " (" + centre.get("centreNumber").asText() + ")";

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(coordinator.pin(), GOOD_PASSWORD);
            ui.press("Certificates").waitForHeading("Certificates");
            ui.press("Claim a certificate").waitForHeading("Claim a certificate");
            ui.fill("Registration number, ULN or name", achiever.registrationNumber())
                    .press("Search");
            ui.waitForText("Candidates matching");
            ui.press("Choose");
            assertThat(ui.waitForText("Results so far")).contains(holder).contains("Passed");
            ui.press("Claim the certificate");
            ui.waitForHeading("Certificate claim");
            assertThat(ui.notice("Claim sent to IMI for approval")).isNotBlank();
            assertThat(ui.waitForText("Awaiting approval")).contains(holder).contains("Waiting for IMI's approval");
            String claimId = ui.driver().getCurrentUrl().replaceAll(".*#/certificates/claims/", "");
            ui.screenshot("certificate-claim");

            ui.press("Certificates").waitForHeading("Certificates");
            ui.press("Claim a certificate").waitForHeading("Claim a certificate");
            ui.fill("Registration number, ULN or name", beginner.registrationNumber())
                    .press("Search");
            ui.waitForText("Candidates matching");
            ui.press("Choose");
            ui.waitForText("Not taken yet");
            ui.press("Claim the certificate");
            assertThat(ui.notice("Not eligible for a certificate")).isNotBlank();
            String refusal = ui.wait(driver -> {
                WebElement box = driver.findElement(By.cssSelector(".refusal"));
                return box.isDisplayed() ? box.getText() : null;
            });
            assertThat(refusal)
                    .as("the server's reasons, in words")
                    .contains("Not eligible for a certificate")
                    .contains("has not passed assessment " + qualification.assessmentCode());
            assertThat(ui.all(".refusal li")).isNotEmpty();
            ui.press("Sign out").waitForHeading("Sign in");

            awaitJson(
                    "/api/certificate-claims/" + claimId,
                    admin,
                    json -> "AWAITING_APPROVAL".equals(json.path("status").asText()));
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Certificates").waitForHeading("Certificates");
            ui.choose("Centre", centreLabel).press("Show claims");
            assertThat(ui.waitForText("1 claim waits for approval at " + centreLabel))
                    .isNotBlank();
            WebElement row = ui.wait(driver -> driver
                    .findElements(By.xpath("//table[caption='Claims awaiting " + "approval']//tr[contains(., '"
                            + achiever.registrationNumber() + "')]"))
                    .stream()
                    .findFirst()
                    .orElse(null));
            assertThat(row.getText()).contains(holder).contains("0 days").contains("PIN " + coordinator.pin());
            ui.screenshot("approval-queue");
            row.findElement(By.xpath(".//button[normalize-space()='Approve']")).click();
            ui.press("Approve and issue");
            String approved = ui.notice("Approved: certificate");
            assertThat(approved).contains("issued to " + holder);
            assertThat(ui.waitForText("No claim is waiting at " + centreLabel)).isNotBlank();
            ui.press("Sign out").waitForHeading("Sign in");

            ui.signIn(coordinator.pin(), GOOD_PASSWORD);
            ui.press("Certificates").waitForHeading("Certificates");
            ui.press(holder);
            ui.waitForText("Verification code");
            JsonNode claim = http.get("/api/certificate-claims/" + claimId, coordinator.token())
                    .json();
            String number = claim.get("certificateNumber").asText();
            String code = claim.get("verificationCode").asText();
            assertThat(approved).contains(number);
            ui.waitForHeading("Certificate " + number);
            assertThat(ui.driver().findElement(By.id("certificate-number")).getText())
                    .isEqualTo(number);
            assertThat(ui.driver().findElement(By.id("verification-code")).getText())
                    .isEqualTo(code);

            ui.script(WATCH_SAVED_FILES);
            ui.press("Download PDF");
            ui.notice("Downloaded certificate-" + number + ".pdf");
            @SuppressWarnings("unchecked")
            List<String> saved = (List<String>) ui.script("return window.savedFiles;");
            assertThat(saved).hasSize(1);
            assertThat(saved.get(0)).startsWith("application/pdf ");
            assertThat(Long.parseLong(saved.get(0).substring(saved.get(0).indexOf(' ') + 1)))
                    .isGreaterThan(1000);

            ui.phone();
            ui.assertNoSidewaysScroll();

            String verifyLink = ui.driver().findElement(By.id("verify-link")).getAttribute("href");
            assertThat(verifyLink).contains("/verify?number=" + number);
            ui.driver().get(verifyLink);
            assertThat(ui.waitForText("Valid: certificate " + number)).contains(holder);
        }
    }
}
