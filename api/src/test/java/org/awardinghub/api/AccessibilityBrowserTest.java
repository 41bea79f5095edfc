package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The main pages of every role checked with axe-core against WCAG 2 A and AA (labels, contrast, names of controls,
 * structure), in the browser, with real data on them. Any violation fails, named with the page and the element.
 */
class AccessibilityBrowserTest extends ApplicationTest {

    private static final List<String> WCAG_A_AND_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private final List<String> violations = new ArrayList<>();

    @Test
    void givenEachRolesMainPages_whenCheckedAgainstWcagAA_thenNoViolations() {
        String admin = adminToken();
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
        AssessmentSteps.Candidate candidate = steps.register(coordinator.token(), centreId, qualification.code());
        steps.sit(invigilator.token(), candidate, qualification.assessmentCode(), 4);
        AssessmentSteps.Candidate sitting = steps.register(coordinator.token(), centreId, qualification.code());
        JsonNode opened = steps.opened(invigilator.token(), sitting.candidateId(), qualification.assessmentCode());
        awaitJson(
                "/api/candidates/" + candidate.candidateId(),
                admin,
                json -> json.path("results").size() == 1);
        AssessmentSteps.Staff learner = steps.candidateAccount(coordinator.token(), candidate.candidateId());

        try (WebUi ui = WebUi.open(port)) {
            check(ui.visit("/#/sign-in").waitForHeading("Sign in"), "sign in");
            check(ui.visit("/verify").waitForHeading("Verify"), "verify");
            check(ui.visit("/test").waitForHeading("Start"), "test: start");
            ui.fill("Registration number", sitting.registrationNumber())
                    .fill("Access key", opened.get("accessKey").asText())
                    .press("Start the test");
            ui.waitForText("Question 1");
            check(ui, "test: a question");
            // the display settings a candidate may switch to (access arrangements, ADR 0153), each checked
            for (String scheme :
                    List.of("Dark on cream", "Dark on light blue", "Dark on pale yellow", "Yellow on black")) {
                ui.field(scheme).click();
                check(ui, "test: " + scheme);
            }
            ui.field("Largest").click();
            ui.press("Show all questions on one page");
            check(ui, "test: every question, largest text, yellow on black");

            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            check(ui, "home (IMI)");
            check(ui.visit("/#/centres").waitForHeading("Centres"), "centres");
            check(ui.visit("/#/centres/" + centreId), "centre profile", "Centre details");
            check(ui.visit("/#/qualifications/" + qualification.code()), "qualification", qualification.code());
            check(
                    ui.visit("/#/candidates/" + candidate.candidateId()),
                    "candidate, with the Privacy panel",
                    candidate.registrationNumber(),
                    "Decision due on");
            check(ui.visit("/#/certificates").waitForHeading("Certificates"), "certificates");
            check(
                    ui.visit("/#/audit/records/candidate/" + candidate.candidateId()),
                    "audit record",
                    "Candidate registered");
            check(ui.visit("/#/audit/chain"), "audit chain", "ntact");
            check(
                    ui.visit("/#/reports/pass-rates?qualificationCode=" + qualification.code()),
                    "pass rates",
                    qualification.assessmentCode());
            check(
                    ui.visit("/#/reports/fair-access?qualificationCode=" + qualification.code()),
                    "fair access",
                    "Access arrangements requested");
            check(ui.visit("/#/outbox").waitForHeading("Outbox"), "outbox");
            check(
                    ui.visit("/#/access-arrangements").waitForHeading("Access arrangements"),
                    "access arrangements queue");
            check(ui.visit("/#/library").waitForHeading("Documents"), "documents library");
            check(ui.visit("/#/privacy").waitForHeading("Privacy"), "privacy", "Legal holds");
            ui.press("Sign out").waitForHeading("Sign in");

            ui.signIn(coordinator.pin(), GOOD_PASSWORD);
            check(ui.visit("/#/my-centre"), "my centre", "Add a user");
            check(ui.visit("/#/centres/" + centreId + "/personnel"), "personnel report", "Failed sign-ins");
            check(
                    ui.visit("/#/candidates/" + candidate.candidateId()),
                    "candidate (centre), with the access arrangement form",
                    "Request an access arrangement");
            check(ui.visit("/#/candidates/new").waitForHeading("Register"), "register a candidate");
            check(ui.visit("/#/candidates/upload").waitForHeading("Upload"), "upload candidates");
            check(ui.visit("/#/me").waitForHeading("My Details"), "my details");
            check(ui.visit("/#/portfolio").waitForHeading("ePortfolio"), "ePortfolio (coordinator)", "portfolios");
            ui.press("Sign out").waitForHeading("Sign in");

            ui.signIn(learner.pin(), GOOD_PASSWORD);
            check(ui.visit("/#/portfolio").waitForHeading("ePortfolio"), "ePortfolio (candidate)", "Upload evidence");
            ui.press("Sign out").waitForHeading("Sign in");

            ui.signIn(invigilator.pin(), GOOD_PASSWORD);
            check(ui.visit("/#/invigilation").waitForHeading("Invigilation"), "invigilation");
            check(ui.visit("/#/room").waitForHeading("Exam room"), "exam room", sitting.registrationNumber());
        }
        assertThat(violations).as("WCAG 2 A/AA violations found by axe-core").isEmpty();
    }

    private void check(WebUi ui, String page, String... waitingFor) {
        for (String text : waitingFor) {
            ui.waitForText(text);
        }
        Results results = new AxeBuilder().withTags(WCAG_A_AND_AA).analyze(ui.driver());
        for (Rule rule : results.getViolations()) {
            rule.getNodes()
                    .forEach(node -> violations.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") "
                            + node.getTarget() + " — " + rule.getHelp()));
        }
    }
}
