package org.awardinghub.api.certification;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Provenance page in the browser, used by an auditor: a certificate's graph drawn with a box for each thing it
 * rests on, a box chosen to show its events with their positions and the chain's check, the same from the table by
 * keyboard, no WCAG A/AA violation, and the provenance exported as a case bundle.
 */
class ProvenanceBrowserTest extends ApplicationTest {

    @Test
    void givenAnIssuedCertificate_whenAnAuditorOpensItsProvenance_thenTheGraphAndEachNodesEventsCoveredByTheChain() {
        String admin = adminToken();
        CreatedUser[] created = new CreatedUser[1];
        String auditor = activeUser(admin, admin, null, created, "AUDITOR");
        IssuedCertificate issued = IssuedCertificate.issue(new AssessmentSteps(http, admin, DATA_DIR), http);
        JsonNode provenance =
                awaitJson("/api/certificates/" + issued.number() + "/provenance", auditor, json -> json.has("nodes"));

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(created[0].pin(), GOOD_PASSWORD);
            ui.press("Provenance").waitForHeading("Provenance");
            ui.fill("Certificate number", issued.number().toLowerCase()).press("Show provenance");
            ui.waitForHeading("Provenance of " + issued.number());
            assertThat(ui.waitForText("Every event is covered by the hash chain ✓"))
                    .isNotBlank();
            assertThat(ui.all("#provenance-graph g.node"))
                    .hasSize(provenance.get("nodes").size());
            assertThat(ui.all("#provenance-graph path.edge"))
                    .hasSize(provenance.get("edges").size());
            ui.screenshot("provenance-graph");

            ui.driver()
                    .findElement(By.cssSelector("#provenance-graph g[data-node='attempt:" + issued.attemptId() + "']"))
                    .click();
            String events = ui.wait(driver -> {
                String text = driver.findElement(By.id("node-events")).getText();
                return text.contains("AttemptSubmitted") ? text : null;
            });
            long opened = position(provenance, "attempt:" + issued.attemptId(), "AttemptOpened");
            assertThat(events)
                    .startsWith("Attempt:")
                    .contains("AttemptOpened", String.valueOf(opened), "covered by the chain ✓")
                    .doesNotContain("NOT covered");

            ui.pressInRow("claimed under", "Show events");
            String claim = ui.wait(driver -> {
                String text = driver.findElement(By.id("node-events")).getText();
                return text.startsWith("Claim:") ? text : null;
            });
            assertThat(claim).contains("CertificateClaimed", "covered by the chain ✓");

            Results results = new AxeBuilder()
                    .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                    .analyze(ui.driver());
            assertThat(results.getViolations())
                    .as("WCAG A/AA violations on the Provenance page")
                    .isEmpty();

            ui.press("Export as a case bundle");
            ui.submitDialog();
            ui.waitForHeading("Case: Provenance of " + issued.number());
            assertThat(ui.waitForText("Certificate issued")).contains("Candidate name amended");
        }
    }

    private static long position(JsonNode provenance, String nodeId, String type) {
        for (JsonNode node : provenance.get("nodes")) {
            if (node.get("id").asText().equals(nodeId)) {
                for (JsonNode link : node.get("events")) {
                    if (link.get("type").asText().equals(type)) {
                        return link.get("globalPosition").asLong();
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " in node " + nodeId);
    }
}
