package org.awardinghub.api.personnel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.WebUi;
import org.awardinghub.api.certification.CertificationBrowserTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The personnel report in the browser: a coordinator opens it from their centre's profile and sees their users with
 * who added them, their last sign-in, their failed sign-ins and what they did about fair access in the period chosen,
 * and downloads it as CSV.
 */
class PersonnelReportBrowserTest extends ApplicationTest {

    @Test
    void givenACoordinatorsCentre_whenTheyOpenThePersonnelReport_thenTheirUsersWithLastSignInFailuresAndFairAccess() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] made = new CreatedUser[1];
        String coordinatorToken = activeUser(admin, admin, centreId, made, "CENTRE_COORDINATOR");
        CreatedUser coordinator = made[0];
        CreatedUser invigilator = addNamedUser(coordinatorToken, centreId, "Priya Shah", "INVIGILATOR");
        activate(admin, invigilator);
        signIn(invigilator.pin(), GOOD_PASSWORD);
        CreatedUser assessor = addUser(coordinatorToken, centreId, "ASSESSOR");
        for (int attempt = 0; attempt < 3; attempt++) {
            http.post(
                    "/api/auth/login", null, Map.of("pin", assessor.pin(), "password", "not the password " + attempt));
        }
        String candidateId = new AssessmentSteps(http, admin, DATA_DIR)
                .register(coordinatorToken, centreId, "LV2-MAINT")
                .candidateId();
        var requested = new MultipartForm()
                .field("kind", "COLOUR_SCHEME")
                .field("colourScheme", "CREAM")
                .field("reason", "Visual stress")
                .post(http, "/api/candidates/" + candidateId + "/access-arrangements", coordinatorToken);
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        awaitJson(
                "/api/centres/" + centreId + "/personnel",
                coordinatorToken,
                json -> user(json, assessor).path("failedSignIns").asLong() == 3
                        && user(json, coordinator)
                                        .path("fairAccess")
                                        .path("accessArrangementsRequested")
                                        .asLong()
                                == 1);

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(coordinator.pin(), GOOD_PASSWORD);
            ui.press("My centre");
            ui.press("Open the personnel report");
            ui.waitForHeading("Personnel report");
            LocalDate today = LocalDate.now(clock);
            ui.waitForText("Priya Shah");
            List<String> priyaRow = cells(rowWith(ui, invigilator.pin()));
            assertThat(priyaRow.get(0)).contains("Priya Shah", invigilator.email());
            assertThat(priyaRow.get(2)).isEqualTo("Invigilator");
            assertThat(priyaRow.get(3)).isEqualTo("Active");
            assertThat(priyaRow.get(4)).as("added by the coordinator").contains("by PIN " + coordinator.pin());
            assertThat(priyaRow.get(5))
                    .as("she signed in")
                    .isNotEqualTo("Never")
                    .contains(String.valueOf(today.getYear()));
            assertThat(ui.all("#main thead th").stream()
                            .map(WebElement::getText)
                            .toList())
                    .as("the sign-in record, then what each did about fair access, then the workload")
                    .containsSubsequence(
                            "Lock-outs",
                            "Arrangements requested",
                            "Considerations applied for",
                            "Enquiries raised",
                            "Appeals lodged",
                            "Incidents recorded",
                            "Attempts paused",
                            "Workload");
            assertThat(priyaRow.subList(6, 15)).containsExactly("0", "0", "0", "0", "0", "0", "0", "0", "—");
            List<String> assessorRow = cells(rowWith(ui, assessor.pin()));
            assertThat(assessorRow.get(3)).isEqualTo("Password not set");
            assertThat(assessorRow.get(5)).isEqualTo("Never");
            assertThat(assessorRow.subList(6, 8)).as("three wrong passwords").containsExactly("3", "0");
            assertThat(assessorRow.get(14))
                    .as("nothing waiting in the ePortfolio")
                    .isEqualTo("0 pieces of evidence awaiting judgement\n0 IQA samples due");
            List<String> coordinatorRow = cells(rowWith(ui, coordinator.pin()));
            assertThat(coordinatorRow.get(4)).contains("by PIN " + ADMIN_PIN);
            assertThat(coordinatorRow.subList(8, 14))
                    .as("the coordinator requested an access arrangement")
                    .containsExactly("1", "0", "0", "0", "0", "0");
            ui.script("document.getElementById('personnel-scope').scrollIntoView();");
            ui.screenshot("personnel-report");

            ui.script(CertificationBrowserTest.WATCH_SAVED_FILES);
            ui.press("Download CSV");
            assertThat(ui.notice("Downloaded personnel-" + today.minusDays(29) + "-to-" + today + ".csv"))
                    .isNotBlank();
            @SuppressWarnings("unchecked")
            List<String> saved = (List<String>) ui.script("return window.savedFiles;");
            assertThat(saved).singleElement().asString().startsWith("text/csv");

            LocalDate lastYear = today.minusYears(1);
            ui.setValue("From", lastYear.toString())
                    .setValue("To", lastYear.plusDays(6).toString());
            ui.press("Show report");
            ui.wait(driver -> driver.getCurrentUrl().contains("from=" + lastYear) ? true : null);
            ui.waitForText("Priya Shah");
            assertThat(cells(rowWith(ui, assessor.pin())).subList(6, 8))
                    .as("no failures a year ago")
                    .containsExactly("0", "0");
            assertThat(cells(rowWith(ui, coordinator.pin())).get(8))
                    .as("no request a year ago")
                    .isEqualTo("0");
        }
    }

    /** The user's entry in the report's JSON (a missing node while the report does not list them yet). */
    private static JsonNode user(JsonNode report, CreatedUser user) {
        for (JsonNode each : report.get("users")) {
            if (each.get("userId").asText().equals(user.userId())) {
                return each;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The table row of the user with this PIN (in the PIN column: others show it as who added them). */
    private static WebElement rowWith(WebUi ui, String pin) {
        return ui.wait(driver -> driver.findElements(By.cssSelector("#main tbody tr")).stream()
                .filter(row -> cells(row).get(1).equals(pin))
                .findFirst()
                .orElse(null));
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(cell -> cell.getText().strip())
                .toList();
    }
}
