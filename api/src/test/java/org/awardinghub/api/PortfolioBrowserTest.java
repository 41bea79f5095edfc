package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The ePortfolio in the browser: a candidate signs in with their own account, sees only their portfolio and
 * uploads a file; their assessor finds it in the queue, judges it and signs the unit's criteria off.
 */
class PortfolioBrowserTest extends ApplicationTest {

    @Test
    void givenACandidateAccount_whenUploadingInTheBrowser_thenTheAssessorJudgesItFromTheQueue() throws Exception {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin);
        String code = steps.publishWithPortfolio();
        String centre = steps.centre(code);
        String coordinator = steps.user(centre, "CENTRE_COORDINATOR").token();
        AssessmentSteps.Staff assessor = steps.user(centre, "ASSESSOR");
        AssessmentSteps.Candidate candidate = steps.register(coordinator, centre, code);
        AssessmentSteps.Staff learner = steps.candidateAccount(coordinator, candidate.candidateId());
        String assessorId = http.get("/api/me", assessor.token()).json().get("userId").asText();
        assertThat(http.put("/api/candidates/" + candidate.candidateId() + "/portfolio/assessor", coordinator,
                Map.of("userId", assessorId)).status()).isEqualTo(200);
        Path pdf = Files.createTempFile("inspection", ".pdf");
        Files.write(pdf, PortfolioTest.PDF);

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(learner.pin(), GOOD_PASSWORD);
            String menu = ui.driver().findElement(By.id("nav")).getText();
            assertThat(menu).contains("ePortfolio").doesNotContain("Candidates").doesNotContain("Qualifications");
            ui.press("ePortfolio");
            ui.waitForHeading("ePortfolio");
            ui.fill("Unit", code + "-P1").fill("Criteria", "1.1, 1.2").fill("Description", "Inspection sheet");
            ui.field("File").sendKeys(pdf.toString());
            ui.press("Upload");
            assertThat(ui.notice("Uploaded")).contains("SHA-256");
            ui.waitForText("Awaiting judgement");
            ui.screenshot("portfolio-candidate");
            ui.press("Sign out");
            ui.waitForHeading("Sign in");

            ui.signIn(assessor.pin(), GOOD_PASSWORD);
            ui.press("ePortfolio");
            ui.waitForHeading("ePortfolio");
            ui.waitForText("inspection");
            ui.press(candidate.candidateId());
            ui.waitForHeading("ePortfolio of");
            ui.press("Judge");
            ui.field("Criterion 1.1 met").click();
            ui.field("Criterion 1.2 met").click();
            ui.press("Record judgement");
            assertThat(ui.notice("Judgement recorded")).isNotBlank();
            ui.wait(driver -> driver.findElements(By.id("portfolio-progress")).stream()
                    .anyMatch(progress -> progress.getText().startsWith("33%")) ? Boolean.TRUE : refreshed(ui));
            ui.screenshot("portfolio-assessor");
        }
        Files.deleteIfExists(pdf);
    }

    /** The read model follows a moment later: reload the page and look again. */
    private static Boolean refreshed(WebUi ui) {
        ui.driver().navigate().refresh();
        return null;
    }
}
