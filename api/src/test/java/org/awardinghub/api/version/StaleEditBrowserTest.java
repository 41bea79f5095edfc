package org.awardinghub.api.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.WebUi;
import org.junit.jupiter.api.Test;

/**
 * In a real browser: a coordinator has a candidate open while someone else amends it; their own amendment, sent
 * with the version the page showed, is refused, and the page tells them why and to reload.
 */
class StaleEditBrowserTest extends ApplicationTest {

    @Test
    void givenACandidateChangedSinceThePageOpened_whenAmendedThere_thenRefusedWithTheReasonAndNothingChanged() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] created = new CreatedUser[1];
        String coordinator = activeUser(admin, admin, centreId, created, "CENTRE_COORDINATOR");
        var registered = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Nia",
                        "lastName",
                        "Roberts",
                        "dateOfBirth",
                        "2003-03-03",
                        "qualificationCode",
                        "LV2-MAINT"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String path = "/api/candidates/" + registered.json().get("candidateId").asText();
        awaitJson(path, coordinator, json -> json.has("registrationNumber"));

        try (WebUi ui = WebUi.open(port)) {
            ui.signIn(created[0].pin(), GOOD_PASSWORD);
            ui.visit("/#/candidates/" + registered.json().get("candidateId").asText());
            ui.waitForHeading("Nia Roberts");

            var elsewhere = http.post(
                    path + "/amendments",
                    admin,
                    Map.of("field", "FIRST_NAME", "value", "Niamh", "reason", "Name on the passport"));
            assertThat(elsewhere.status()).as(elsewhere.toString()).isEqualTo(200);

            ui.press("Amend details");
            ui.waitForText("What to amend");
            ui.choose("What to amend", "Last name");
            ui.fill("New last name", "Robertson").fill("Reason", "Typo on the enrolment form");
            ui.press("Save amendment");
            assertThat(ui.notice("changed by someone else")).contains("Reload");
            ui.screenshot("stale-amendment");
        }

        var now = awaitJson(path, coordinator, json -> json.path("version").asLong() == 1);
        assertThat(now.get("firstName").asText()).isEqualTo("Niamh");
        assertThat(now.get("lastName").asText())
                .as("the stale amendment was not made")
                .isEqualTo("Roberts");
    }
}
