package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A new installation's first day, in the browser only, as the README tells a new user to start: the IMI
 * administrator adds and approves a centre, adds its coordinator, sees in the outbox that the activation email went
 * (its link withheld there: only the addressee may follow it), the coordinator follows the link of the email as
 * delivered (a file under the data directory: there is no mail server on the embedded default), and signs in to
 * their centre. No API call is made
 * by the test.
 */
class FirstDayBrowserTest extends ApplicationTest {

    private static final Pattern PIN_IN_NOTICE = Pattern.compile("Their PIN is (\\d{8})");
    private static final Pattern ACTIVATION_LINK =
            Pattern.compile("https?://[^/\\s]+(/activate\\?token=[A-Za-z0-9_-]+)");

    @Test
    void givenAFreshInstall_whenTheAdministratorSetsUpACentreInTheBrowser_thenItsCoordinatorCanSignIn() {
        String centre = "Ashford Vehicle Academy " + unique();
        String email = "coordinator-" + unique() + "@ashford.example";
        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(ADMIN_PIN, ADMIN_PASSWORD);
            ui.press("Centres").press("Add a centre");
            ui.fill("Centre name", centre)
                    .fill("Address", "4 Station Road\nAshford TN23 1AA")
                    .fill("Contact email", "office@ashford-" + unique() + ".example");
            ui.press("Add centre");
            ui.waitForHeading(centre);
            ui.field("LV2-MAINT").click();
            ui.press("Approve centre");
            ui.notice("approved as centre number");

            ui.waitForText("Add a user");
            ui.fill("Full name", "Jo Coordinator").fill("Email", email);
            ui.field("Centre coordinator").click();
            ui.press("Add user");
            Matcher added = PIN_IN_NOTICE.matcher(ui.notice("Their PIN is"));
            assertThat(added.find()).isTrue();
            String pin = added.group(1);

            ui.press("Outbox");
            ui.waitForHeading("Outbox");
            ui.fill("To (email address)", email).press("Show");
            assertThat(ui.waitForText("To " + email))
                    .as("the outbox shows the email, its link withheld, and where the server keeps it")
                    .contains("?token=WITHHELD")
                    .contains("outbox/");
            assertThat(ui.driver().findElements(By.partialLinkText("/activate?token=")))
                    .as("a withheld link is not a link")
                    .isEmpty();
            // the coordinator follows the link in the email they were sent
            String delivered =
                    ui.driver().findElement(By.cssSelector("[data-file]")).getAttribute("data-file");
            Matcher link = ACTIVATION_LINK.matcher(Outbox.message(DATA_DIR, delivered));
            assertThat(link.find()).isTrue();
            ui.visit(link.group(1));
            ui.waitForHeading("Set your password");
            ui.fill("New password", GOOD_PASSWORD)
                    .fill("Type it again", GOOD_PASSWORD)
                    .press("Set password");
            ui.waitForText("Your password is set");
            ui.press("go to sign in");
            ui.waitForHeading("Welcome");
            ui.press("Sign out");

            ui.signIn(pin, GOOD_PASSWORD);
            assertThat(ui.driver().findElement(By.id("nav")).getText())
                    .contains("My centre")
                    .doesNotContain("Outbox");
            ui.press("My centre");
            ui.waitForHeading(centre);
            assertThat(ui.waitForText("Jo Coordinator")).contains(pin);
        }
    }
}
