package org.awardinghub.api.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The audit console in the browser, used by an auditor: a candidate's history and the record as it was before and
 * after an amendment, what a coordinator's PIN did, the chain's verification and a frozen case.
 */
class AuditConsoleBrowserTest extends ApplicationTest {

    private static final DateTimeFormatter PICKER =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Test
    void givenAnAmendedCandidate_whenAnAuditorPicksInstants_thenTheRecordAsItWasWhoDidItAndAnIntactChain()
            throws InterruptedException {
        String admin = adminToken();
        CreatedUser[] created = new CreatedUser[1];
        activeUser(admin, admin, null, created, "AUDITOR");
        String auditorPin = created[0].pin();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, created, "CENTRE_COORDINATOR");
        String coordinatorPin = created[0].pin();

        var registered = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Ada",
                        "lastName",
                        "Lovelace",
                        "dateOfBirth",
                        "2004-02-03",
                        "qualificationCode",
                        "LV2-MAINT"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String candidateId = registered.json().get("candidateId").asText();
        String eventsPath = "/api/audit/records/candidate/" + candidateId + "/events";
        Instant registeredAt = Instant.parse(awaitJson(eventsPath, admin, json -> json.size() == 1)
                .get(0)
                .get("at")
                .asText());
        // an instant, to the second, after the registration and before the amendment
        Instant between = registeredAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        while (Instant.now().isBefore(between.plusMillis(200))) {
            Thread.sleep(50);
        }
        var amended = http.post(
                "/api/candidates/" + candidateId + "/amendments",
                coordinator,
                Map.of("field", "LAST_NAME", "value", "King", "reason", "Married name, certificate seen"));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        JsonNode events = awaitJson(eventsPath, admin, json -> json.size() == 2);
        Instant amendedAt = Instant.parse(events.get(1).get("at").asText());
        assertThat(amendedAt).isAfter(between);
        Instant after = amendedAt.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        long position = events.get(1).get("globalPosition").asLong();
        awaitJson("/api/audit/seal", admin, json -> json.path("position").asLong() >= position);

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(auditorPin, GOOD_PASSWORD);
            ui.press("Audit").waitForHeading("Audit");
            ui.choose("Record type", "Candidate").fill("Record id", candidateId).press("Show history");
            ui.waitForHeading("Candidate history");
            String history = ui.waitForText("Candidate name amended");
            assertThat(history)
                    .contains("Candidate registered")
                    .contains("PIN " + coordinatorPin)
                    .contains("Married name, certificate seen");
            assertThat(ui.field("Date and time (UTC)").getAttribute("type")).isEqualTo("datetime-local");

            ui.setValue("Date and time (UTC)", PICKER.format(between)).press("Show as it was then");
            String then = stateShown(ui, "As it was at " + SHOWN.format(between));
            assertThat(then)
                    .as("the last name before the amendment")
                    .contains("Lovelace")
                    .doesNotContain("King");
            assertThat(ui.all(".audit-events li.later"))
                    .as("the amendment came later")
                    .hasSize(1);
            ui.script("document.getElementById('as-of-form').scrollIntoView();");
            ui.screenshot("audit-as-of");

            ui.setValue("Date and time (UTC)", PICKER.format(after)).press("Show as it was then");
            String later = stateShown(ui, "As it was at " + SHOWN.format(after));
            assertThat(later)
                    .as("the last name after the amendment")
                    .contains("King")
                    .doesNotContain("Lovelace");
            ui.phone();
            ui.assertNoSidewaysScroll();
            ui.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));

            ui.press("Timeline").waitForHeading("Timeline");
            ui.fill("PIN", coordinatorPin).press("Show events");
            String timeline = ui.wait(driver -> {
                String summary = driver.findElement(By.id("timeline-summary")).getText();
                return summary.contains("by PIN " + coordinatorPin)
                        ? driver.findElement(By.tagName("main")).getText()
                        : null;
            });
            assertThat(timeline)
                    .contains("Candidate registered")
                    .contains("Candidate name amended")
                    .contains("Married name, certificate seen")
                    .contains("Candidate " + candidateId);

            ui.press("Chain integrity").waitForHeading("Chain integrity");
            String verdict = ui.wait(driver -> {
                String text = driver.findElement(By.id("chain-status")).getText();
                return text.contains("Intact") || text.contains("Broken") ? text : null;
            });
            assertThat(verdict).startsWith("Intact").contains("events checked");
            ui.screenshot("audit-verify");
            ui.press("Take a seal now");
            assertThat(ui.notice("Seal taken at position")).isNotBlank();
            assertThat(ui.driver().findElement(By.id("seal-hash")).getText()).matches("[0-9a-f]{64}");

            ui.visit("/#/audit/records/candidate/" + candidateId);
            ui.waitForHeading("Candidate history");
            ui.press("Freeze this record as a case").waitForHeading("Case bundles");
            assertThat(ui.field("Record 1 id").getAttribute("value")).isEqualTo(candidateId);
            ui.fill("Title", "Name change of " + candidateId).press("Freeze the case");
            ui.waitForHeading("Case: Name change of " + candidateId);
            assertThat(ui.notice("Case frozen up to global position")).isNotBlank();
            assertThat(ui.waitForText("Candidate name amended")).contains("PIN " + auditorPin);
        }
    }

    /** Waits for the state panel to show the instant; answers the panel's text. */
    private static String stateShown(WebUi ui, String heading) {
        return ui.wait(driver -> {
            String text = driver.findElement(By.id("as-of-state")).getText();
            return text.startsWith(heading) ? text : null;
        });
    }
}
