package org.awardinghub.api.centre;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.junit.jupiter.api.Test;

/**
 * IMI corrects a centre's details and withdraws a qualification from it; a coordinator corrects a member of staff's
 * name and email. Each change shows in the records read back, and only those allowed may make it.
 */
class CentreAmendmentsTest extends ApplicationTest {

    @Test
    void givenApprovedCentre_whenImiAmendsItsDetails_thenTheProfileShowsThem_andItsCoordinatorMayNot() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String path = "/api/centres/" + centreId;
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        Map<String, String> amendment = Map.of(
                "name", "Hertford Motor College",
                "address", "2 Forge Street\nHertford",
                "contactEmail", "office@hertford-motor.example",
                "reason", "The centre moved");

        var refused = http.put(path + "/details", coordinator, amendment);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        var amended = http.put(path + "/details", admin, amendment);
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);

        var profile =
                awaitJson(path, coordinator, json -> json.path("name").asText().equals("Hertford Motor College"));
        assertThat(profile.get("address").asText()).isEqualTo("2 Forge Street\nHertford");
        assertThat(profile.get("contactEmail").asText()).isEqualTo("office@hertford-motor.example");
    }

    @Test
    void givenCentreApprovedForAQualification_whenImiRemovesIt_thenTheProfileNoLongerListsIt_andTwiceIsAConflict() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String path = "/api/centres/" + centreId;
        var added = http.post(
                path + "/qualifications", admin, Map.of("qualificationCode", "VBR2-REP", "reason", "Body shop opened"));
        assertThat(added.status()).as(added.toString()).isEqualTo(200);
        awaitJson(
                path, admin, json -> json.path("qualificationCodes").toString().contains("VBR2-REP"));

        var removed = http.post(path + "/qualifications/VBR2-REP/remove", admin, Map.of("reason", "Body shop closed"));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        var profile = awaitJson(
                path, admin, json -> !json.path("qualificationCodes").toString().contains("VBR2-REP"));
        assertThat(profile.get("qualificationCodes").toString()).contains("LV2-MAINT");

        var again = http.post(path + "/qualifications/VBR2-REP/remove", admin, Map.of("reason", "Body shop closed"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
    }

    @Test
    void givenCentreUser_whenTheirCoordinatorAmendsNameAndEmail_thenTheUserShowsThem_andAnotherCentreGets404() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        String otherCoordinator = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_COORDINATOR");
        CreatedUser user = addNamedUser(coordinator, centreId, "Sam Exmaple", "INVIGILATOR");
        String path = "/api/users/" + user.userId();
        String email = "sam.example-" + unique() + "@centre.example";
        Map<String, String> amendment =
                Map.of("name", "Sam Example", "email", email, "reason", "Name misspelt when added");

        var hidden = http.put(path + "/details", otherCoordinator, amendment);
        assertThat(hidden.status()).as(hidden.toString()).isEqualTo(404);
        var amended = http.put(path + "/details", coordinator, amendment);
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        assertThat(amended.json().get("userId").asText()).isEqualTo(user.userId());

        var shown =
                awaitJson(path, coordinator, json -> json.path("name").asText().equals("Sam Example"));
        assertThat(shown.get("email").asText()).isEqualTo(email);
    }
}
