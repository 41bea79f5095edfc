package org.awardinghub.api.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Rules page in the browser, used by an IMI administrator: a candidate who answered everything right in
 * seconds is found by the fast-high-score rule over a window, with the events and the learner; the run is frozen
 * into a case, reopened and found reproduced; a proposal is tried against the past and adopted.
 */
class RulesBrowserTest extends ApplicationTest {

    private static final DateTimeFormatter PICKER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    @Test
    void givenFullMarksInSeconds_whenTheRuleIsRunInTheBrowser_thenTheBreachItsCaseTheRerunAndAnAdoptedProposal() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        AssessmentSteps.ExamCentre centre = steps.examCentre(qualification.code());
        AssessmentSteps.Candidate candidate =
                steps.register(centre.coordinator(), centre.centreId(), qualification.code());
        Instant from = clock.instant().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String attemptId = steps.sit(centre.invigilator(), candidate, qualification.assessmentCode(), 4)
                .get("attemptId")
                .asText();
        awaitJson(
                "/api/audit/records/attempt/" + attemptId + "/events",
                admin,
                json -> json.toString().contains("AttemptSubmitted"));

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Rules").waitForHeading("Rules over history");
            ui.choose("Rule", "High score in little time");
            assertThat(ui.field("percent").getAttribute("value")).isEqualTo("90");
            assertThat(ui.field("timeFraction").getAttribute("value")).isEqualTo("0.25");
            ui.setValue("From (UTC)", PICKER.format(from)).press("Run the rule");
            String findings =
                    ui.wait(driver -> driver.findElements(By.id("breaches")).isEmpty()
                            ? null
                            : driver.findElement(By.id("rule-findings")).getText());
            assertThat(findings)
                    .contains("Attempt " + attemptId + " scored 100.0 %")
                    .contains("registration " + candidate.registrationNumber())
                    .contains("Attempt opened", "Attempt submitted")
                    .contains("Findings digest");
            assertThat(ui.driver().findElement(By.id("breach-count")).getText()).isEqualTo("1");
            ui.screenshot("rules-run");

            ui.press("Freeze into a case")
                    .fill("Title", "Full marks in seconds")
                    .submitDialog();
            ui.waitForHeading("Case: Full marks in seconds");
            assertThat(ui.notice("Case frozen up to global position")).contains("2 records");
            assertThat(ui.waitForText("Candidate " + candidate.candidateId())).isNotBlank();

            JsonNode runs = awaitJson(
                    "/api/investigations/rule-runs?size=200",
                    admin,
                    json -> json.toString().contains(from.toString()));
            String runId = null;
            for (JsonNode run : runs.get("items")) {
                if (from.toString().equals(run.get("window").get("from").asText())) {
                    runId = run.get("runId").asText();
                }
            }
            ui.visit("/#/rules/runs/" + runId).waitForHeading("Rule run: High score in little time");
            assertThat(ui.waitForText("Same findings as recorded")).contains("Attempt " + attemptId);

            String today = LocalDate.ofInstant(from, ZoneOffset.UTC).toString();
            ui.press("All rules and runs").waitForHeading("Rules over history");
            ui.choose("Rule to propose", "High score in little time");
            ui.setValue("Since", today).press("Try it against the past");
            String statement = ui.wait(
                    driver -> driver.findElements(By.id("proposal-statement")).isEmpty()
                            ? null
                            : driver.findElement(By.id("proposal-statement")).getText());
            assertThat(statement)
                    .startsWith("Had this rule applied since " + today + ", ")
                    .contains("refused");
            ui.pressInRow(statement, "Adopt");
            assertThat(ui.notice("Rule adopted")).isNotBlank();
            assertThat(ui.row(statement)).contains("Adopted");
            ui.screenshot("rules-proposals");
            ui.phone();
            ui.assertNoSidewaysScroll();
        }
    }
}
