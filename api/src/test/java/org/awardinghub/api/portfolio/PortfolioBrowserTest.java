package org.awardinghub.api.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The ePortfolio in the browser: a candidate signs in with their own account, sees only their portfolio and
 * uploads a file; their assessor finds it in the queue, judges it and signs the unit off; the IQA samples it and
 * sends it back; the coordinator's progress view shows the unit no longer signed off.
 */
class PortfolioBrowserTest extends ApplicationTest {

    @Test
    void givenACandidateAccount_whenUploadingInTheBrowser_thenTheAssessorJudgesItFromTheQueue() throws Exception {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        String code = steps.publishWithPortfolio();
        String centre = steps.centre(code);
        String coordinator = steps.user(centre, "CENTRE_COORDINATOR").token();
        AssessmentSteps.Staff assessor = steps.user(centre, "ASSESSOR");
        AssessmentSteps.Staff iqa = steps.user(centre, "IQA");
        AssessmentSteps.Staff coordinatorStaff = steps.user(centre, "CENTRE_COORDINATOR");
        AssessmentSteps.Candidate candidate = steps.register(coordinator, centre, code);
        AssessmentSteps.Staff learner = steps.candidateAccount(coordinator, candidate.candidateId());
        String assessorId =
                http.get("/api/me", assessor.token()).json().get("userId").asText();
        assertThat(http.put(
                                "/api/candidates/" + candidate.candidateId() + "/portfolio/assessor",
                                coordinator,
                                Map.of("userId", assessorId))
                        .status())
                .isEqualTo(200);
        String iqaId = http.get("/api/me", iqa.token()).json().get("userId").asText();
        assertThat(http.put(
                                "/api/candidates/" + candidate.candidateId() + "/portfolio/iqa",
                                coordinator,
                                Map.of("userId", iqaId))
                        .status())
                .isEqualTo(200);
        Path pdf = Files.createTempFile("inspection", ".pdf");
        Files.write(pdf, PortfolioTest.PDF);

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(learner.pin(), GOOD_PASSWORD);
            String menu = ui.driver().findElement(By.id("nav")).getText();
            assertThat(menu).contains("ePortfolio").doesNotContain("Candidates").doesNotContain("Qualifications");
            ui.press("ePortfolio");
            ui.waitForHeading("ePortfolio");
            ui.fill("Unit", code + "-P1").fill("Criteria", "1.1, 1.2, 1.3").fill("Description", "Inspection sheet");
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
            ui.waitForHeading("ePortfolio of Robin");
            assertThat(ui.driver().findElement(By.tagName("h1")).getText())
                    .as("named, not by record id")
                    .contains(candidate.registrationNumber());
            ui.press("Judge");
            ui.field("Criterion 1.1 met").click();
            ui.field("Criterion 1.2 met").click();
            ui.field("Criterion 1.3 met").click();
            ui.press("Record judgement");
            assertThat(ui.notice("Judgement recorded")).isNotBlank();
            ui.wait(driver -> driver.findElements(By.id("portfolio-progress")).stream()
                            .anyMatch(progress -> progress.getText().startsWith("50%"))
                    ? Boolean.TRUE
                    : refreshed(ui));
            ui.screenshot("portfolio-assessor");
            ui.press("Sign off " + code + "-P1");
            assertThat(ui.notice("signed off"))
                    .as("a new assessor's sign-off is always sampled")
                    .contains("sampled");
            ui.press("Sign out");
            ui.waitForHeading("Sign in");

            ui.signIn(iqa.pin(), GOOD_PASSWORD);
            ui.press("ePortfolio");
            ui.waitForHeading("ePortfolio");
            ui.wait(driver -> driver.findElement(By.tagName("main")).getText().contains(code + "-P1")
                    ? Boolean.TRUE
                    : refreshed(ui));
            ui.press(candidate.candidateId());
            ui.waitForHeading("ePortfolio of");
            ui.press("Decide on " + code + "-P1");
            ui.choose("Decision", "Send back to the assessor").fill("Feedback", "Photos of the readings are missing");
            ui.press("Record decision");
            ui.wait(driver -> driver.findElement(By.tagName("main")).getText().contains("Sent back by the IQA")
                    ? Boolean.TRUE
                    : refreshed(ui));
            ui.press("Sign out");
            ui.waitForHeading("Sign in");

            ui.signIn(coordinatorStaff.pin(), GOOD_PASSWORD);
            ui.press("ePortfolio");
            ui.waitForHeading("ePortfolio");
            String progress = ui.waitForText(candidate.candidateId());
            assertThat(progress).as("sent back: no unit signed off").contains("0 of 2");
            ui.screenshot("portfolio-progress");
        }
        Files.deleteIfExists(pdf);
    }

    /** The read model follows a moment later: reload the page and look again. */
    private static Boolean refreshed(WebUi ui) {
        ui.driver().navigate().refresh();
        return null;
    }
}
