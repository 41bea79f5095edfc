package org.awardinghub.api.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * The compliance reports in the browser: IMI sees a centre's late registrations and claim turnaround as a chart, a
 * table with the known figures and a CSV download; a centre's coordinator sees their own centre only, with no
 * centre to choose; the flagging reports (pass rates, fast high scores, answer changes, fair access) mark the centre
 * far above the national figures.
 */
class ReportsBrowserTest extends ApplicationTest {

    @Test
    void givenRegistrationsAndClaims_whenImiAndACentreOpenTheReports_thenChartsFiguresCsvAndOnlyTheirOwnCentre() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        String otherCentreId = steps.centre(qualification.code());
        AssessmentSteps.Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
        AssessmentSteps.Staff otherCoordinator = steps.user(otherCentreId, "CENTRE_COORDINATOR");

        AssessmentSteps.Candidate issued = steps.register(coordinator.token(), centreId, qualification.code());
        AssessmentSteps.Candidate awaiting = steps.register(coordinator.token(), centreId, qualification.code());
        var late = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator.token(),
                Map.of(
                        "firstName",
                        "Lee",
                        "lastName",
                        "Latecomer" + AssessmentSteps.lettersOnly(AssessmentSteps.unique()),
                        "dateOfBirth",
                        "2003-01-02",
                        "qualificationCode",
                        qualification.code(),
                        "startDate",
                        LocalDate.now(ZoneOffset.UTC).minusDays(100).toString()));
        assertThat(late.status()).as(late.toString()).isEqualTo(201);
        assertThat(late.json().get("late").asBoolean()).isTrue();
        steps.register(otherCoordinator.token(), otherCentreId, qualification.code());
        for (AssessmentSteps.Candidate candidate : List.of(issued, awaiting)) {
            steps.sit(invigilator.token(), candidate, qualification.assessmentCode(), 4);
            var claimed = http.post(
                    "/api/candidates/" + candidate.candidateId() + "/certificate-claims",
                    coordinator.token(),
                    Map.of());
            assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
            if (candidate == issued) {
                var approved = http.post(
                        "/api/certificate-claims/"
                                + claimed.json().get("claimId").asText() + "/approve",
                        admin,
                        Map.of());
                assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            }
        }
        awaitJson(
                "/api/reports/late-registrations?centreId=" + centreId,
                admin,
                json -> json.path("centres").size() == 1
                        && json.get("centres").get(0).get("registrations").asLong() == 3);
        awaitJson(
                "/api/reports/late-registrations?centreId=" + otherCentreId,
                admin,
                json -> json.path("centres").size() == 1);
        awaitJson(
                "/api/reports/claim-turnaround?centreId=" + centreId,
                admin,
                json -> json.path("centres").size() == 1
                        && json.get("centres").get(0).get("issued").asLong() == 1
                        && json.get("centres").get(0).get("awaiting").asLong() == 1);
        String centreLabel = label(admin, centreId);
        String otherCentreLabel = label(admin, otherCentreId);

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Reports").waitForHeading("Reports");
            ui.press("Late registrations").waitForHeading("Late registrations");
            ui.choose("Centre", centreLabel).press("Show report");
            ui.wait(driver ->
                    driver.findElement(By.id("report-scope")).getText().contains(centreLabel) ? true : null);
            WebElement row = onlyRow(ui);
            assertThat(cells(row)).containsExactly(centreLabel, "3", "1", "33.3");
            assertChartDrawn(ui);
            ui.script(CertificationBrowserTest.WATCH_SAVED_FILES);
            ui.press("Download CSV");
            assertThat(ui.notice("Downloaded late-registrations.csv")).isNotBlank();
            @SuppressWarnings("unchecked")
            List<String> saved = (List<String>) ui.script("return window.savedFiles;");
            assertThat(saved).singleElement().asString().startsWith("text/csv");
            ui.script("document.getElementById('report-scope').scrollIntoView();");
            ui.screenshot("reports");

            ui.press("All reports").waitForHeading("Reports");
            ui.press("Claim turnaround").waitForHeading("Claim turnaround");
            ui.choose("Centre", centreLabel).press("Show report");
            ui.wait(driver ->
                    driver.findElement(By.id("report-scope")).getText().contains(centreLabel) ? true : null);
            List<String> turnaround = cells(onlyRow(ui));
            assertThat(turnaround.subList(0, 6)).containsExactly(centreLabel, "1", "0.0", "0", "1", "1");
            assertThat(turnaround.get(turnaround.size() - 1))
                    .as("oldest waiting, in days")
                    .isEqualTo("0");
            assertThat(ui.all(".chart"))
                    .as("awaiting by age, and days to issue")
                    .hasSize(2);
            assertChartDrawn(ui);
            assertThat(ui.all("button.csv")).isNotEmpty();
            ui.phone();
            ui.assertNoSidewaysScroll();
            ui.press("Sign out").waitForHeading("Sign in");

            ui.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
            ui.signIn(otherCoordinator.pin(), GOOD_PASSWORD);
            ui.press("Reports").waitForHeading("Reports");
            assertThat(ui.driver().findElement(By.tagName("main")).getText())
                    .as("IMI-only report")
                    .doesNotContain("Item statistics");
            ui.press("Late registrations").waitForHeading("Late registrations");
            ui.waitForText("Your centre");
            assertThat(cells(onlyRow(ui))).containsExactly(otherCentreLabel, "1", "0", "0.0");
            assertThat(ui.driver()
                            .findElements(By.xpath("//form[@id='report-filters']//label[starts-with("
                                    + "normalize-space(), 'Centre')]")))
                    .as("no centre to choose")
                    .isEmpty();
            assertThat(ui.driver().findElement(By.tagName("main")).getText()).doesNotContain(centreLabel);
            assertChartDrawn(ui);
        }
    }

    /**
     * Centre A: 20 passes, each with one answer changed from wrong to right, and one candidate amended after their
     * result; each of its candidates then has two access arrangements (rest breaks and a screen reader, approved by
     * policy). Centre B: 10 fails, no arrangements. A's pass rate is flagged against the national 66.7 %, and its
     * arrangements, 200 per 100 attempts, against the national 133.33 (40 where 26.7 were expected: a 1 % chance).
     */
    @Test
    void givenResultsAtTwoCentres_whenTheFlaggingReportsAreOpened_thenTheirFiguresChartsAndFlags() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        AssessmentSteps.ExamCentre a = steps.examCentre(qualification.code());
        AssessmentSteps.ExamCentre b = steps.examCentre(qualification.code());
        AssessmentSteps.Candidate amended = null;
        List<AssessmentSteps.Candidate> candidatesA = new java.util.ArrayList<>();
        for (int sitting = 0; sitting < 20; sitting++) {
            AssessmentSteps.Candidate candidate = steps.register(a.coordinator(), a.centreId(), qualification.code());
            JsonNode started = steps.startedWithACorrection(a.invigilator(), candidate, qualification.assessmentCode());
            assertThat(steps.submit(started).status()).isEqualTo(200);
            amended = candidate;
            candidatesA.add(candidate);
        }
        for (int sitting = 0; sitting < 10; sitting++) {
            steps.sit(
                    b.invigilator(),
                    steps.register(b.coordinator(), b.centreId(), qualification.code()),
                    qualification.assessmentCode(),
                    1);
        }
        var amendment = http.post(
                "/api/candidates/" + amended.candidateId() + "/amendments",
                a.coordinator(),
                Map.of("field", "FIRST_NAME", "value", "Robyn", "reason", "Spelling on the passport"));
        assertThat(amendment.status()).as(amendment.toString()).isEqualTo(200);
        for (AssessmentSteps.Candidate candidate : candidatesA) {
            for (String kind : List.of("REST_BREAKS", "SCREEN_READER")) {
                var requested = new MultipartForm()
                        .field("kind", kind)
                        .field("reason", "Assessed need")
                        .post(
                                http,
                                "/api/candidates/" + candidate.candidateId() + "/access-arrangements",
                                a.coordinator());
                assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
            }
        }
        String filter = "?qualificationCode=" + qualification.code();
        awaitJson(
                "/api/reports/pass-rates" + filter,
                admin,
                json -> json.path("national").path(0).path("attempts").asLong() == 30);
        awaitJson(
                "/api/reports/fair-access" + filter,
                admin,
                json -> json.path("national")
                                .path("accessArrangements")
                                .path("decided")
                                .asLong()
                        == 40);
        awaitJson(
                "/api/reports/amendments" + filter,
                admin,
                json -> json.path("lateAmendmentsTotal").asLong() == 1);
        String labelA = label(admin, a.centreId());
        String labelB = label(admin, b.centreId());
        String qualificationOption = qualification.code() + " · Test " + qualification.code();

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Reports").waitForHeading("Reports");
            ui.press("Pass rates").waitForHeading("Pass rates");
            ui.choose("Qualification", qualificationOption).press("Show report");
            inScope(ui, qualification.code());
            WebElement rowA =
                    ui.wait(driver -> driver.findElements(By.cssSelector("main table.stack tbody tr.flagged")).stream()
                            .findFirst()
                            .orElse(null));
            assertThat(cells(rowA)).startsWith(labelA).contains("20", "100.0", "66.7", "10.54");
            assertThat(rowA.getText()).contains("Flagged");
            WebElement rowB = ui.all("main table.stack tbody tr").stream()
                    .filter(row -> row.getText().startsWith(labelB))
                    .findFirst()
                    .orElseThrow();
            assertThat(rowB.getAttribute("class")).as("B: 0 of 10, not flagged").doesNotContain("flagged");
            assertChartDrawn(ui);
            ui.script("document.querySelector('.chart').scrollIntoView();");
            ui.screenshot("reports-pass-rates");

            ui.press("All reports").press("Fast high scores").waitForHeading("Fast high scores");
            ui.choose("Qualification", qualificationOption).press("Show report");
            inScope(ui, qualification.code());
            ui.waitForText(amended.registrationNumber());
            assertThat(ui.all("main table.stack tbody tr").size())
                    .as("every one of A's 20 passes took seconds")
                    .isGreaterThanOrEqualTo(20);

            ui.press("All reports").press("Answer changes").waitForHeading("Answer changes");
            ui.choose("Qualification", qualificationOption).press("Show report");
            inScope(ui, qualification.code());
            String page = ui.waitForText(labelA);
            assertThat(page).contains("0.67", "1.00");
            assertChartDrawn(ui);

            ui.press("All reports").press("Fair access").waitForHeading("Fair access");
            ui.choose("Qualification", qualificationOption).press("Show report");
            inScope(ui, qualification.code());
            WebElement arrangements = ui.wait(
                    driver -> driver.findElement(By.xpath("//section[h2='Access arrangements requested']//table")));
            WebElement flaggedA = arrangements.findElement(By.cssSelector("tbody tr.flagged"));
            assertThat(cells(flaggedA))
                    .as("A: 40 requested over 20 attempts, all approved by policy")
                    .startsWith(labelA, "20", "40", "40", "40", "200.00", "133.33", "25.82");
            assertThat(flaggedA.getText()).contains("Flagged");
            assertThat(arrangements.findElements(By.cssSelector("tbody tr.flagged")))
                    .as("only A")
                    .hasSize(1);
            assertThat(arrangements.findElements(By.cssSelector("tbody tr")).stream()
                            .filter(row -> row.getText().startsWith(labelB))
                            .map(WebElement::getText))
                    .singleElement()
                    .asString()
                    .contains("0.00", "36.51");
            assertThat(ui.driver().findElements(By.cssSelector("main tr.flagged")))
                    .as("no other measure flagged: nothing else was asked for")
                    .hasSize(1);
            assertChartDrawn(ui);
            ui.script(CertificationBrowserTest.WATCH_SAVED_FILES);
            ui.press("Download CSV");
            assertThat(ui.notice("Downloaded fair-access.csv")).isNotBlank();
            ui.script("document.querySelector('main tr.flagged').scrollIntoView({block: 'center'});");
            ui.screenshot("reports-fair-access");

            ui.press("All reports").press("Amendments").waitForHeading("Amendments");
            ui.choose("Qualification", qualificationOption).press("Show report");
            inScope(ui, qualification.code());
            assertThat(ui.waitForText("Spelling on the passport"))
                    .contains(amended.candidateId().substring(0, 8));
            ui.phone();
            ui.assertNoSidewaysScroll();
        }
    }

    /** Waits until the report shown is the one asked for (the page first shows it unfiltered). */
    private static void inScope(WebUi ui, String text) {
        ui.wait(driver -> driver.findElement(By.id("report-scope")).getText().contains(text) ? true : null);
    }

    private String label(String admin, String centreId) {
        JsonNode centre = http.get("/api/centres/" + centreId, admin).json();
        return centre.get("name").asText() + " (" + centre.get("centreNumber").asText() + ")";
    }

    private static WebElement onlyRow(WebUi ui) {
        return ui.wait(driver -> {
            var rows = driver.findElements(By.cssSelector("main table.stack tbody tr"));
            return rows.size() == 1 ? rows.get(0) : null;
        });
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream()
                .map(cell -> cell.getText().strip())
                .toList();
    }

    /** uPlot has drawn: a canvas inside the chart, which carries its text alternative. */
    private static void assertChartDrawn(WebUi ui) {
        WebElement chart = ui.wait(
                driver -> driver.findElements(By.cssSelector(".chart canvas")).isEmpty()
                        ? null
                        : driver.findElement(By.cssSelector(".chart")));
        assertThat(chart.getAttribute("role")).isEqualTo("img");
        assertThat(chart.getAttribute("aria-label")).isNotBlank();
    }
}
