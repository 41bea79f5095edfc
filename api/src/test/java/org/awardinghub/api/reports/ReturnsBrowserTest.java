package org.awardinghub.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.WebUi;
import org.awardinghub.api.certification.CertificationBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Returns page: an auditor chooses the registrations return for a past day as of an instant after a transfer,
 * compares it with an instant before, and sees the centre the candidate left and the one they joined, the transfer
 * named as the event that changed both, and the CSV's SHA-256 as the API gives it; a centre's user has no such page.
 */
class ReturnsBrowserTest extends ApplicationTest {

    @Test
    void
            givenATransferAfterTheReturnsPeriod_whenAnAuditorComparesTwoInstants_thenTheFiguresBothWaysAndTheTransferNamed()
                    throws Exception {
        String admin = adminToken();
        String centreA = approvedCentre(admin);
        String centreB = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreA, null, "CENTRE_COORDINATOR");
        CreatedUser auditor = addUser(admin, null, "AUDITOR");
        activate(admin, auditor);
        clock.advance(Duration.ofDays(-120));
        LocalDate day = LocalDate.now(clock);
        var registered = http.post(
                "/api/centres/" + centreA + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Rita",
                        "lastName",
                        "Returns",
                        "dateOfBirth",
                        "2001-01-01",
                        "qualificationCode",
                        "LV2-MAINT",
                        "startDate",
                        day.minusDays(100).toString()));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        clock.reset();
        clock.advance(Duration.ofMinutes(11));
        Instant before =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Duration.between(Instant.now(), before).toMillis() + 5);
        var transferred = http.post(
                "/api/candidates/" + registered.json().get("candidateId").asText() + "/transfer",
                admin,
                Map.of("toCentreId", centreB, "reason", "Closer to home"));
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        Instant after =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Duration.between(Instant.now(), after).toMillis() + 5);
        String path = "/api/returns/registrations?from=" + day + "&to=" + day + "&asOf=" + after;
        awaitJson(
                path + "&centreId=" + centreB,
                admin,
                json -> json.path("centres").size() == 1);
        String sha256 =
                http.send("GET", path, admin, Map.of("Accept", "text/csv")).header("ETag");
        String labelA = label(admin, centreA);
        String labelB = label(admin, centreB);

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(auditor.pin(), GOOD_PASSWORD);
            ui.press("Returns").waitForHeading("Returns");
            ui.choose(
                    "Return",
                    "Registrations and late registrations, by the day registered, at the candidate's"
                            + " centre and qualification as the record stands");
            ui.setValue("From", day.toString()).setValue("To", day.toString());
            ui.fill("As of", after.toString()).fill("Compare with", before.toString());
            ui.press("Show return");
            ui.waitForText("Changes since");
            assertThat(ui.driver().findElement(By.id("return-sha256")).getText())
                    .isEqualTo(sha256.replace("\"", ""));
            String changes = ui.wait(driver -> {
                var tables = driver.findElements(By.cssSelector("main table.stack"));
                return tables.size() == 3 ? tables.get(2).getText() : null;
            });
            assertThat(changes)
                    .contains(labelA, labelB, "CandidateTransferred", "by PIN " + ADMIN_PIN)
                    .contains("-1 · CandidateTransferred", "+1 · CandidateTransferred");
            String perCentre = ui.driver()
                    .findElements(By.cssSelector("main table.stack"))
                    .get(0)
                    .getText();
            assertThat(perCentre).contains(labelB).doesNotContain(labelA);
            ui.script(CertificationBrowserTest.WATCH_SAVED_FILES);
            ui.press("Download CSV");
            assertThat(ui.notice("Downloaded registrations-")).isNotBlank();
            @SuppressWarnings("unchecked")
            List<String> saved = (List<String>) ui.script("return window.savedFiles;");
            assertThat(saved).singleElement().asString().startsWith("text/csv");
            ui.screenshot("returns");

            ui.fill("As of", Instant.now().plus(Duration.ofHours(1)).toString()).press("Show return");
            String problem = ui.wait(driver -> driver.findElements(By.id("return-problem")).stream()
                    .findFirst()
                    .map(element -> element.getText())
                    .orElse(null));
            assertThat(problem).contains("settled");
            ui.phone();
            ui.assertNoSidewaysScroll();
            ui.press("Sign out").waitForHeading("Sign in");

            ui.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            CreatedUser centreUser = addUser(admin, centreA, "CENTRE_ADMIN");
            activate(admin, centreUser);
            ui.signIn(centreUser.pin(), GOOD_PASSWORD);
            assertThat(ui.all("#nav a")).extracting(link -> link.getText()).doesNotContain("Returns");
        }
    }

    private String label(String admin, String centreId) {
        JsonNode centre = http.get("/api/centres/" + centreId, admin).json();
        return centre.get("name").asText() + " (" + centre.get("centreNumber").asText() + ")";
    }
}
