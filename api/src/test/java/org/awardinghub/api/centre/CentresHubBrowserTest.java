package org.awardinghub.api.centre;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Centres Hub in the browser: IMI approves a centre, a coordinator adds and deactivates users and sees the new
 * PIN at once, a hub request goes back and forth, the profile fits a phone, and a centre sees no other centre.
 */
class CentresHubBrowserTest extends ApplicationTest {

    private static final Pattern PIN_IN_NOTICE = Pattern.compile("Their PIN is (\\d{8})");

    @Test
    void givenImiAdmin_whenCreatingAndApprovingACentre_thenItsProfileShowsApprovedWithItsCentreNumber() {
        String admin = adminToken();
        String name = "Hertford Motor College " + unique();
        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Centres");
            ui.waitForHeading("Centres");
            ui.press("Add a centre");
            ui.waitForHeading("Add a centre");
            ui.press("Add centre");
            assertThat(ui.waitForText("must not be blank"))
                    .as("the server's field errors beside the fields")
                    .contains("Centre name");

            ui.fill("Centre name", name)
                    .fill("Address", "1 Workshop Lane\nHertford SG14 1AB")
                    .fill("Contact email", "office@hertford-" + unique() + ".example");
            ui.press("Add centre");
            ui.waitForHeading(name);
            assertThat(ui.notice("awaits approval")).contains(name);
            assertThat(ui.driver().findElement(By.cssSelector(".centre-lead")).getText())
                    .contains("Applied");

            ui.press("Approve centre");
            assertThat(fieldError(ui, "[data-field='qualificationCodes'] .field-error"))
                    .as("approval without a qualification is refused in words beside the choices")
                    .isNotBlank();
            ui.field("LV2-MAINT").click();
            ui.press("Approve centre");
            String notice = ui.notice("approved as centre number");
            String number = ui.wait(driver -> {
                List<WebElement> shown = driver.findElements(By.id("centre-number"));
                return shown.isEmpty() ? null : shown.get(0).getText();
            });
            assertThat(notice).contains(number);
            assertThat(ui.driver().findElement(By.cssSelector(".centre-lead")).getText())
                    .contains("Approved");
            String page = ui.waitForText("LV2-MAINT");
            assertThat(page).contains("Level 2 Certificate in Light Vehicle Maintenance");

            String centreId = ui.driver().getCurrentUrl().replaceAll(".*#/centres/", "");
            JsonNode centre = http.get("/api/centres/" + centreId, admin).json();
            assertThat(centre.get("status").asText()).isEqualTo("APPROVED");
            assertThat(centre.get("centreNumber").asText())
                    .as("the number the API holds")
                    .isEqualTo(number);
            ui.screenshot("centres-hub-centre");

            ui.press("All centres");
            ui.waitForHeading("Centres");
            ui.choose("Status", "Approved").fill("Name or centre number", number);
            ui.press("Show centres");
            ui.waitForText("1 of ");
            WebElement row = rowWith(ui, name);
            assertThat(row.getText()).contains(number, "Approved");
            ui.choose("Status", "Any status").fill("Name or centre number", " ");
            ui.press("Show centres");
            ui.waitForText("Showing every centre");
            ui.screenshot("centres-list");
        }
    }

    @Test
    void givenACoordinator_whenAddingAUser_thenTheNewPinIsShownAtOnceAndDeactivatingAsksForAReason() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] coordinator = new CreatedUser[1];
        String coordinatorToken = activeUser(admin, admin, centreId, coordinator, "CENTRE_COORDINATOR");
        CreatedUser leaving = addUser(admin, centreId, "CENTRE_ADMIN");
        String email = "alex-" + unique() + "@centre.example";
        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(coordinator[0].pin(), GOOD_PASSWORD);
            ui.press("My centre");
            ui.waitForText("Add a user");
            ui.fill("Full name", "Alex Morgan").fill("Email", email);
            ui.field("Invigilator").click();
            ui.press("Add user");

            Matcher inNotice = PIN_IN_NOTICE.matcher(ui.notice("Their PIN is"));
            assertThat(inNotice.find()).as("the PIN in the success message").isTrue();
            String pin = inNotice.group(1);
            assertThat(ui.driver().findElement(By.id("new-pin")).getText())
                    .as("the PIN, large, on the page")
                    .isEqualTo(pin);
            JsonNode listed = awaitJson(
                    "/api/centres/" + centreId + "/users", coordinatorToken, users -> userWith(users, email) != null);
            assertThat(userWith(listed, email).get("pin").asText())
                    .as("the PIN the API lists")
                    .isEqualTo(pin);
            assertThat(rowWith(ui, email).getText()).contains(pin, "Invigilator");
            ui.screenshot("centre-users");

            rowWith(ui, leaving.pin())
                    .findElement(By.xpath(".//button[normalize-space()='Deactivate']"))
                    .click();
            ui.press("Deactivate user");
            assertThat(fieldError(ui, "dialog .field-error"))
                    .as("a reason is required, said beside the field")
                    .isNotBlank();
            ui.fill("Reason", "Left the centre at the end of term");
            ui.press("Deactivate user");
            assertThat(ui.notice("is deactivated")).contains(leaving.pin());
            ui.wait(driver -> rowWith(ui, leaving.pin()).getText().contains("Deactivated") ? true : null);
            assertThat(userWith(
                                    http.get("/api/centres/" + centreId + "/users", coordinatorToken)
                                            .json(),
                                    leaving.email())
                            .get("active")
                            .asBoolean())
                    .isFalse();
        }
    }

    @Test
    void givenACentreUser_whenRaisingAHubRequest_thenImiRepliesAndTheCentreSeesTheReply() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] user = new CreatedUser[1];
        activeUser(admin, admin, centreId, user, "CENTRE_ADMIN");
        String subject = "Extra invigilator training " + unique();
        String reply = "Yes: we can run it on 12 March at 10:00.";
        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(user[0].pin(), GOOD_PASSWORD);
            ui.press("My centre");
            ui.press("Raise a request");
            ui.choose("Kind", "Request: ask IMI for something");
            ui.fill("Subject", subject).fill("Message", "Could IMI run a session for our new invigilators?");
            ui.press("Send to IMI");
            assertThat(ui.notice("is sent to IMI")).contains(subject);
            assertThat(ui.waitForText("No reply yet.")).contains(subject);
            ui.press("Sign out");

            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Hub requests");
            ui.waitForHeading("Hub requests");
            ui.press(subject);
            ui.waitForText("Could IMI run a session");
            ui.press("Reply");
            ui.fill("Reply to", reply);
            ui.press("Send reply");
            assertThat(ui.notice("reply")).contains("is sent");
            ui.waitForText("IMI replied");
            ui.press("Close request");
            ui.fill("Reason", "Session booked");
            ui.press("Close the request");
            assertThat(ui.notice("is closed")).contains(subject);
            ui.press("Sign out");

            ui.signIn(user[0].pin(), GOOD_PASSWORD);
            ui.press("My centre");
            String page = ui.waitForText(reply);
            assertThat(page).contains("IMI replied", "Closed", "Session booked");
            assertThat(ui.all("#raise-request"))
                    .as("the form stays closed until asked for")
                    .isEmpty();
        }
    }

    @Test
    void givenAPhone_whenTheCentreProfileIsShown_thenNothingScrollsSideways() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] coordinator = new CreatedUser[1];
        String coordinatorToken = activeUser(admin, admin, centreId, coordinator, "CENTRE_COORDINATOR");
        addUser(coordinatorToken, centreId, "INVIGILATOR", "ASSESSOR");
        assertThat(http.post(
                                "/api/centres/" + centreId + "/requests",
                                coordinatorToken,
                                Map.of(
                                        "kind",
                                        "FEEDBACK",
                                        "subject",
                                        "The new booking screen works well",
                                        "body",
                                        "Our office found it quick to use."))
                        .status())
                .isEqualTo(201);
        try (WebUi ui = WebUi.open(port)) {
            ui.phone();
            ui.signIn(coordinator[0].pin(), GOOD_PASSWORD);
            ui.visit("/#/my-centre");
            ui.waitForText("The new booking screen works well");
            ui.waitForText("Approved");
            ui.assertNoSidewaysScroll();
            ui.script("document.querySelector('.users-table').scrollIntoView()");
            ui.screenshot("centre-profile-phone");
            ui.press("Sign out");

            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.visit("/#/centres/" + centreId);
            ui.waitForText("Suspend centre");
            ui.waitForText("The new booking screen works well");
            ui.assertNoSidewaysScroll();
        }
    }

    @Test
    void givenACentreAdmin_whenOpeningAnotherCentre_thenTheServersRefusalIsShownAndNoData() {
        String admin = adminToken();
        String own = approvedCentre(admin);
        String other = approvedCentre(admin);
        String otherName = awaitJson("/api/centres/" + other, admin, json -> json.has("name"))
                .get("name")
                .asText();
        CreatedUser[] user = new CreatedUser[1];
        activeUser(admin, admin, own, user, "CENTRE_ADMIN");
        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(user[0].pin(), GOOD_PASSWORD);
            String menu = ui.driver().findElement(By.id("nav")).getText();
            assertThat(menu).contains("My centre").doesNotContain("Centres", "Hub requests", "IMI staff");

            ui.visit("/#/centres/" + other);
            ui.waitForHeading("Centre not available");
            String refusal = ui.driver().findElement(By.id("refusal")).getText();
            assertThat(refusal).as("the server's words").contains("No such record");
            assertThat(ui.driver().findElement(By.id("main")).getText()).doesNotContain(otherName, other);

            ui.press("Back to the home page");
            ui.press("My centre");
            ui.waitForText("Hub requests");
            assertThat(ui.driver().findElement(By.id("main")).getText())
                    .as("only a coordinator manages users")
                    .doesNotContain("Add a user");
        }
    }

    private static JsonNode userWith(JsonNode users, String emailOrPin) {
        for (JsonNode user : users) {
            if (emailOrPin.equalsIgnoreCase(user.path("email").asText())
                    || emailOrPin.equals(user.path("pin").asText())) {
                return user;
            }
        }
        return null;
    }

    /** The words of the first visible field error the selector finds, once there is one. */
    private static String fieldError(WebUi ui, String css) {
        return ui.wait(driver -> driver.findElements(By.cssSelector(css)).stream()
                .filter(WebElement::isDisplayed)
                .map(WebElement::getText)
                .filter(text -> !text.isBlank())
                .findFirst()
                .orElse(null));
    }

    /** The table row that shows the text (a name, an email or a PIN), once it is there. */
    private static WebElement rowWith(WebUi ui, String text) {
        return ui.wait(driver -> driver.findElements(By.cssSelector("#main tbody tr")).stream()
                .filter(row -> row.getText().contains(text))
                .findFirst()
                .orElse(null));
    }
}
