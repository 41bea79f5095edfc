package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The foundation's acceptance journey: the bootstrap admin approves a centre, adds a coordinator who activates
 * through the emailed link and sees their PIN in My Details, the coordinator adds an invigilator, and another
 * centre's coordinator sees none of it.
 */
class FoundationJourneyTest extends ApplicationTest {

    @Test
    void givenBootstrapAdmin_whenCentreApprovedAndStaffAdded_thenOnlyThatCentreSeesThem() {
        String admin = adminToken();

        var created = http.post(
                "/api/centres",
                admin,
                Map.of(
                        "name",
                        "Hertford Motor College",
                        "address",
                        "1 Workshop Lane, Hertford SG13 7BX",
                        "contactEmail",
                        "office@hertford-motor.example"));
        assertThat(created.status()).isEqualTo(201);
        String centreId = created.json().get("centreId").asText();
        assertThat(created.header("Location")).endsWith("/api/centres/" + centreId);

        var approved = http.post(
                "/api/centres/" + centreId + "/approve",
                admin,
                Map.of("qualificationCodes", List.of("LV2-MAINT", "MC2-MAINT"), "directClaimStatus", true));
        assertThat(approved.status()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        String centreNumber = approved.json().get("centreNumber").asText();
        assertThat(centreNumber).matches("[0-9]{6}");

        var profile = awaitJson(
                "/api/centres/" + centreId,
                admin,
                json -> "APPROVED".equals(json.path("status").asText()));
        assertThat(profile.get("centreNumber").asText()).isEqualTo(centreNumber);
        assertThat(profile.get("directClaimStatus").asBoolean()).isTrue();
        assertThat(profile.get("qualificationCodes"))
                .extracting(n -> n.asText())
                .containsExactlyInAnyOrder("LV2-MAINT", "MC2-MAINT");

        // The coordinator: PIN issued at once, activation link by email.
        var coordinatorCreated = http.post(
                "/api/centres/" + centreId + "/users",
                admin,
                Map.of(
                        "name",
                        "Priya Shah",
                        "email",
                        "priya.shah@hertford-motor.example",
                        "roles",
                        List.of("CENTRE_COORDINATOR")));
        assertThat(coordinatorCreated.status()).isEqualTo(201);
        String coordinatorPin = coordinatorCreated.json().get("pin").asText();
        assertThat(coordinatorPin).matches("[0-9]{8}");

        var beforeActivation =
                http.post("/api/auth/login", null, Map.of("pin", coordinatorPin, "password", GOOD_PASSWORD));
        assertThat(beforeActivation.status())
                .as("no password before activation")
                .isEqualTo(401);

        var email = http.get("/api/outbox?to=priya.shah@hertford-motor.example", admin);
        assertThat(email.json().get(0).get("body").asText())
                .as("the outbox shows the email but withholds its link")
                .contains(coordinatorPin)
                .contains("?token=WITHHELD");
        assertThat(Outbox.message(DATA_DIR, email.json().get(0).get("file").asText()))
                .as("the email as delivered, in the file the outbox names")
                .contains("To: priya.shah@hertford-motor.example")
                .contains(coordinatorPin)
                .containsPattern("\\?token=[A-Za-z0-9_-]{20,}");
        String activationToken = tokenFromOutbox(admin, "priya.shah@hertford-motor.example");
        assertThat(http.post("/api/auth/activate", null, Map.of("token", activationToken, "password", GOOD_PASSWORD))
                        .status())
                .isEqualTo(204);

        var login = http.post("/api/auth/login", null, Map.of("pin", coordinatorPin, "password", GOOD_PASSWORD));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("user").get("centreId").asText()).isEqualTo(centreId);
        assertThat(login.json().get("user").get("roles"))
                .extracting(n -> n.asText())
                .containsExactly("CENTRE_COORDINATOR");
        String coordinator = login.json().get("token").asText();

        var myDetails = awaitJson("/api/me", coordinator, json -> json.has("pin"));
        assertThat(myDetails.get("pin").asText()).isEqualTo(coordinatorPin);
        assertThat(myDetails.get("email").asText()).isEqualTo("priya.shah@hertford-motor.example");
        assertThat(myDetails.get("centreId").asText()).isEqualTo(centreId);

        // The coordinator adds an invigilator to their own centre.
        var invigilator = http.post(
                "/api/centres/" + centreId + "/users",
                coordinator,
                Map.of(
                        "name",
                        "Tom Hughes",
                        "email",
                        "tom.hughes@hertford-motor.example",
                        "roles",
                        List.of("INVIGILATOR")));
        assertThat(invigilator.status()).isEqualTo(201);
        String invigilatorId = invigilator.json().get("userId").asText();

        var staff = awaitJson("/api/centres/" + centreId + "/users", coordinator, json -> json.size() == 2);
        assertThat(staff.findValuesAsText("name")).containsExactlyInAnyOrder("Priya Shah", "Tom Hughes");
        assertThat(staff.toString())
                .doesNotContain("password")
                .doesNotContain("hash")
                .doesNotContain(activationToken);

        // A second centre's coordinator sees none of it.
        String otherCentre = approvedCentre(admin);
        String otherCoordinator = activeUser(admin, admin, otherCentre, null, "CENTRE_COORDINATOR");

        assertThat(http.get("/api/centres/" + centreId, otherCoordinator).status())
                .isEqualTo(404);
        assertThat(http.get("/api/centres/" + centreId + "/users", otherCoordinator)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/users/" + invigilatorId, otherCoordinator).status())
                .isEqualTo(404);
        assertThat(http.get("/api/centres/" + centreId + "/requests", otherCoordinator)
                        .status())
                .isEqualTo(404);
        assertThat(http.post(
                                "/api/centres/" + centreId + "/users",
                                otherCoordinator,
                                Map.of("name", "Intruder", "email", "x@y.example", "roles", List.of("CENTRE_ADMIN")))
                        .status())
                .isEqualTo(404);
        assertThat(http.post(
                                "/api/users/" + invigilatorId + "/deactivate",
                                otherCoordinator,
                                Map.of("reason", "not mine"))
                        .status())
                .isEqualTo(404);
        var visible = awaitJson(
                "/api/centres", otherCoordinator, json -> json.path("total").asLong() == 1);
        assertThat(visible.get("items").findValuesAsText("centreId")).containsExactly(otherCentre);
    }
}
