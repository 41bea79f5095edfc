package org.awardinghub.api.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The registration portal in a real browser, as a centre coordinator uses it: registering a candidate through the
 * form (the server's refusal of a ULN shown beside the field), finding them as they type, amending a name with a
 * reason and reading who changed it and why in the history, and registering a CSV file with one bad line.
 */
class PortalBrowserTest extends ApplicationTest {

    @Test
    void givenACoordinator_whenRegisteringFindingAndAmendingACandidate_thenTheHistoryShowsTheChangeWithPinAndReason()
            throws Exception {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] created = new CreatedUser[1];
        String coordinator = activeUser(admin, admin, centreId, created, "CENTRE_COORDINATOR");
        String pin = created[0].pin();
        String suffix = letters();
        String lastName = "Smyth" + suffix;
        String amendedLastName = "Smith" + suffix;
        // someone else at the centre, whom the search must leave out once the name is typed
        var other = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Alex",
                        "lastName",
                        "Other" + suffix,
                        "dateOfBirth",
                        "2001-01-01",
                        "qualificationCode",
                        "LV2-MAINT"));
        assertThat(other.status()).as(other.toString()).isEqualTo(201);
        String qualification = http.get("/api/qualifications/LV2-MAINT", coordinator)
                        .json()
                        .get("title")
                        .asText() + " (LV2-MAINT)";

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(pin, GOOD_PASSWORD);
            ui.press("Candidates").waitForHeading("Candidates");
            ui.press("Register a candidate").waitForHeading("Register a candidate");
            ui.fill("First name", "Zoë")
                    .fill("Last name", lastName)
                    .setValue("Date of birth", "2004-05-17")
                    .fill("ULN", "1234567890")
                    .choose("Qualification", qualification);
            ui.press("Register");
            assertThat(ui.notice("Please correct the highlighted field"))
                    .as("the server's answer")
                    .isNotBlank();
            WebElement ulnError = ui.driver().findElement(By.cssSelector("[data-field='uln'] .field-error"));
            assertThat(ulnError.getText()).isEqualTo("1234567890 is not a valid ULN: its check digit does not match");
            assertThat(ui.field("ULN").getAttribute("aria-invalid")).isEqualTo("true");
            ui.screenshot("portal-register");

            ui.fill("ULN", "1234567899").press("Register");
            ui.waitForHeading("Zoë " + lastName);
            String registrationNumber =
                    ui.driver().findElement(By.id("registration-number")).getText();
            assertThat(ui.notice("registration number " + registrationNumber)).contains("Registered Zoë " + lastName);
            assertThat(ui.waitForText("1234567899")).contains(qualification);

            // type-ahead: the list narrows as the name is typed, without pressing Enter
            ui.press("Candidates").waitForHeading("Candidates");
            ui.waitForText("Other" + suffix);
            ui.field("Find a candidate").sendKeys("zoe smyth" + suffix.substring(0, 3));
            ui.wait(driver -> driver.findElement(By.cssSelector(".result-count"))
                            .getText()
                            .equals("1 candidate found.")
                    ? true
                    : null);
            String results = ui.driver().findElement(By.id("candidate-results")).getText();
            assertThat(results)
                    .contains("Zoë " + lastName, registrationNumber, "Registered")
                    .doesNotContain("Other" + suffix);
            assertThat(ui.driver().getCurrentUrl())
                    .as("the search is kept in the address")
                    .contains("q=zoe");

            ui.press("Zoë " + lastName).waitForHeading("Zoë " + lastName);
            ui.press("Amend details");
            ui.waitForText("What to amend");
            ui.choose("What to amend", "Last name");
            assertThat(ui.field("New last name").getAttribute("value"))
                    .as("the current value to correct")
                    .isEqualTo(lastName);
            ui.fill("New last name", amendedLastName).fill("Reason", "Spelling corrected from passport");
            ui.press("Save amendment");
            assertThat(ui.notice("Last name amended")).contains(lastName + " → " + amendedLastName);
            ui.waitForHeading("Zoë " + amendedLastName);
            WebElement latest = ui.wait(driver -> {
                List<WebElement> entries = driver.findElements(By.cssSelector(".history > li"));
                return !entries.isEmpty() && entries.get(0).getText().startsWith("Name amended")
                        ? entries.get(0)
                        : null;
            });
            assertThat(latest.getText())
                    .contains(
                            "by PIN " + pin + " (Sam Example)",
                            "Spelling corrected from passport",
                            "Last name: " + lastName,
                            amendedLastName);
            ui.screenshot("portal-candidate");

            ui.phone();
            ui.visit("/#/candidates/"
                    + http.get("/api/centres/" + centreId + "/candidates?q=" + registrationNumber, coordinator)
                            .json()
                            .get("items")
                            .get(0)
                            .get("candidateId")
                            .asText());
            ui.waitForHeading("Zoë " + amendedLastName);
            ui.waitForText("Spelling corrected from passport");
            ui.assertNoSidewaysScroll();
            ui.screenshot("portal-candidate-phone");
        }
    }

    @Test
    void givenACoordinator_whenTransferringByTheReceivingCentresNumber_thenTheCandidateMovesThere() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String target = approvedCentre(admin);
        String number = awaitJson("/api/centres/" + target, admin, json -> json.hasNonNull("centreNumber"))
                .get("centreNumber")
                .asText();
        CreatedUser[] created = new CreatedUser[1];
        String coordinator = activeUser(admin, admin, centreId, created, "CENTRE_COORDINATOR");
        var registered = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Moving",
                        "lastName",
                        "Candidate" + letters(),
                        "dateOfBirth",
                        "2002-02-02",
                        "qualificationCode",
                        "LV2-MAINT"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String candidateId = registered.json().get("candidateId").asText();
        awaitJson("/api/candidates/" + candidateId, coordinator, json -> json.has("registrationNumber"));

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(created[0].pin(), GOOD_PASSWORD);
            ui.visit("/#/candidates/" + candidateId);
            ui.press("Transfer");
            ui.fill("Receiving centre's number", number).fill("Reason", "Moved house");
            ui.press("Transfer the candidate");
            try {
                ui.waitForText("was transferred to the other centre");
            } finally {
                ui.screenshot("portal-transfer");
            }
        }
        assertThat(awaitJson(
                                "/api/candidates/" + candidateId,
                                admin,
                                json -> target.equals(json.path("centreId").asText()))
                        .get("centreId")
                        .asText())
                .isEqualTo(target);
    }

    @Test
    void givenACsvFileWithOneBadLine_whenUploaded_thenTheGoodLinesAreRegisteredAndTheBadOneReportedByLine()
            throws Exception {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] created = new CreatedUser[1];
        activeUser(admin, admin, centreId, created, "CENTRE_ADMIN");
        String suffix = letters();
        Path file = Files.createTempFile("candidates-", ".csv");
        Files.writeString(
                file,
                String.join(
                                "\r\n",
                                "firstName,lastName,dateOfBirth,uln,qualificationCode,startDate",
                                "Ada,Lovelace" + suffix + ",2003-02-01,,LV2-MAINT,",
                                "Bad,Line" + suffix + ",31/02/2003,,LV2-MAINT,",
                                "Alan,Turing" + suffix + ",12/06/2002,1234567899,LV2-MAINT,")
                        + "\r\n",
                StandardCharsets.UTF_8);

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(created[0].pin(), GOOD_PASSWORD);
            ui.press("Candidates").waitForHeading("Candidates");
            ui.press("Upload a CSV file").waitForHeading("Upload a CSV file");
            ui.field("CSV file").sendKeys(file.toAbsolutePath().toString());
            ui.press("Upload and register");
            assertThat(ui.notice("registered from")).contains("2 candidates registered", "1 line was rejected");
            ui.waitForText("Rejected lines (1)");
            List<WebElement> rejected = ui.all("#bulk-report section:first-child tbody tr");
            assertThat(rejected).hasSize(1);
            assertThat(rejected.get(0).findElement(By.cssSelector("td")).getText())
                    .isEqualTo("3");
            assertThat(rejected.get(0).getText()).contains("dateOfBirth", "'31/02/2003' is not a real date");
            assertThat(ui.all("#bulk-report section:last-child tbody tr"))
                    .as("the registered lines")
                    .hasSize(2);
            ui.screenshot("portal-bulk");
        } finally {
            Files.deleteIfExists(file);
        }
        var listed = awaitJson(
                "/api/centres/" + centreId + "/candidates",
                adminToken(),
                json -> json.get("total").asInt() >= 2);
        assertThat(listed.get("total").asInt())
                .as("the two good lines, not the bad one")
                .isEqualTo(2);
    }

    @Test
    void givenTheImiAdministrator_whenRegisteringAtAChosenCentreAndWithdrawing_thenEachOutcomeIsShownAndKept() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        var centre = awaitJson(
                "/api/centres/" + centreId,
                admin,
                json -> "APPROVED".equals(json.path("status").asText()));
        String centreName =
                centre.get("name").asText() + " (" + centre.get("centreNumber").asText() + ")";
        String qualification = http.get("/api/qualifications/LV2-MAINT", admin)
                        .json()
                        .get("title")
                        .asText() + " (LV2-MAINT)";
        String lastName = "Hopper" + letters();

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Candidates").waitForHeading("Candidates");
            ui.press("Register a candidate").waitForHeading("Register a candidate");
            ui.choose("Centre", centreName)
                    .fill("First name", "Grace")
                    .fill("Last name", lastName)
                    .setValue("Date of birth", "2000-12-09")
                    .choose("Qualification", qualification);
            ui.press("Register");
            ui.waitForHeading("Grace " + lastName);
            assertThat(ui.waitForText(centreName)).contains("Registered");

            ui.press("Withdraw");
            ui.fill("Reason", "Left the course");
            ui.press("Withdraw the candidate");
            assertThat(ui.notice("withdrawn")).contains("Grace " + lastName + " is withdrawn.");
            ui.press("Reinstate");
            ui.fill("Reason", "Came back after a term away");
            ui.press("Reinstate the candidate");
            assertThat(ui.notice("reinstated")).contains("Registered again");
            String history = ui.waitForText("Came back after a term away");
            assertThat(history)
                    .contains(
                            "Withdrawn", "Left the course", "Reinstated", "by PIN " + ADMIN_PIN, "Status: Registered");
            assertThat(ui.driver().findElement(By.tagName("h1")).getText()).contains("Registered");
            String first = ui.driver().findElement(By.id("registration-number")).getText();

            // the same person again: the server's duplicate check names the registration, and it can be confirmed
            ui.press("Candidates").waitForHeading("Candidates");
            ui.press("Register a candidate").waitForHeading("Register a candidate");
            ui.choose("Centre", centreName)
                    .fill("First name", "Grace")
                    .fill("Last name", lastName)
                    .setValue("Date of birth", "2000-12-09")
                    .choose("Qualification", qualification);
            ui.press("Register");
            assertThat(ui.waitForText("This may be someone already registered"))
                    .contains("registration number " + first);
            ui.press("Register anyway");
            ui.waitForHeading("Grace " + lastName);
            assertThat(ui.notice("Registered Grace")).doesNotContain(first);
        }
    }

    /** A run of letters that makes names unique to the test (names hold no digits). */
    private static String letters() {
        return unique().replaceAll("[0-9]", "q");
    }
}
