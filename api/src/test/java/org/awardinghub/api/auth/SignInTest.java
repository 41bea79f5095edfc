package org.awardinghub.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.junit.jupiter.api.Test;

/** Sign-in, lock-out, activation, password reset and sessions, as a user meets them over HTTP. */
class SignInTest extends ApplicationTest {

    @Test
    void givenUnknownPinOrWrongPassword_whenSigningIn_thenAnswersAreIdentical() {
        String admin = adminToken();
        CreatedUser[] user = new CreatedUser[1];
        activeUser(admin, admin, approvedCentre(admin), user, "CENTRE_ADMIN");

        var wrongPassword =
                http.post("/api/auth/login", null, Map.of("pin", user[0].pin(), "password", "not the password at all"));
        var unknownPin =
                http.post("/api/auth/login", null, Map.of("pin", "99999998", "password", "not the password at all"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownPin.status()).isEqualTo(401);
        assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
        assertThat(wrongPassword.json().get("detail"))
                .isEqualTo(unknownPin.json().get("detail"));
        assertThat(wrongPassword.json().get("title"))
                .isEqualTo(unknownPin.json().get("title"));
    }

    @Test
    void givenFiveWrongPasswords_whenSigningIn_thenPinLockedFor15MinutesEvenWithRightPassword() {
        String admin = adminToken();
        CreatedUser[] user = new CreatedUser[1];
        activeUser(admin, admin, approvedCentre(admin), user, "CENTRE_ADMIN");

        for (int i = 0; i < 5; i++) {
            assertThat(http.post(
                                    "/api/auth/login",
                                    null,
                                    Map.of("pin", user[0].pin(), "password", "wrong password " + i))
                            .status())
                    .isEqualTo(401);
        }
        var locked = http.post("/api/auth/login", null, Map.of("pin", user[0].pin(), "password", GOOD_PASSWORD));
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.contentType()).startsWith("application/problem+json");

        clock.advance(Duration.ofMinutes(16));
        assertThat(http.post("/api/auth/login", null, Map.of("pin", user[0].pin(), "password", GOOD_PASSWORD))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void givenUnknownPin_whenFailedFiveTimes_thenItLocksLikeARealOne() {
        String pin = "9" + String.valueOf(System.nanoTime()).substring(0, 7);
        for (int i = 0; i < 5; i++) {
            http.post("/api/auth/login", null, Map.of("pin", pin, "password", "whatever it is " + i));
        }
        assertThat(http.post("/api/auth/login", null, Map.of("pin", pin, "password", "anything at all"))
                        .status())
                .isEqualTo(429);
    }

    @Test
    void givenActivationLink_whenUsedTwiceOrLate_thenRefused() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser user = addUser(admin, centreId, "CENTRE_ADMIN");
        String token = tokenFromOutbox(admin, user.email());

        var weak = http.post("/api/auth/activate", null, Map.of("token", token, "password", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        var common = http.post("/api/auth/activate", null, Map.of("token", token, "password", "Password1234"));
        assertThat(common.status()).isEqualTo(400);

        assertThat(http.post("/api/auth/activate", null, Map.of("token", token, "password", GOOD_PASSWORD))
                        .status())
                .isEqualTo(204);
        var again = http.post("/api/auth/activate", null, Map.of("token", token, "password", GOOD_PASSWORD + "x"));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().get("errors").get(0).get("field").asText()).isEqualTo("token");

        CreatedUser late = addUser(admin, centreId, "INVIGILATOR");
        String lateToken = tokenFromOutbox(admin, late.email());
        clock.advance(Duration.ofHours(73));
        assertThat(http.post("/api/auth/activate", null, Map.of("token", lateToken, "password", GOOD_PASSWORD))
                        .status())
                .as("activation links expire after 72 hours")
                .isEqualTo(400);
    }

    @Test
    void givenActivationLink_whenCoordinatorSendsANewOne_thenOnlyTheNewOneWorks() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        CreatedUser user = addUser(coordinator, centreId, "INVIGILATOR");
        String first = tokenFromOutbox(admin, user.email());

        assertThat(http.post("/api/users/" + user.userId() + "/activation-email", coordinator, Map.of())
                        .status())
                .isEqualTo(202);
        String second = tokenFromOutbox(admin, user.email());
        assertThat(second).isNotEqualTo(first);

        assertThat(http.post("/api/auth/activate", null, Map.of("token", first, "password", GOOD_PASSWORD))
                        .status())
                .as("the earlier link stops working")
                .isEqualTo(400);
        assertThat(http.post("/api/auth/activate", null, Map.of("token", second, "password", GOOD_PASSWORD))
                        .status())
                .isEqualTo(204);
        assertThat(http.post("/api/users/" + user.userId() + "/activation-email", coordinator, Map.of())
                        .status())
                .as("already activated")
                .isEqualTo(409);
    }

    @Test
    void givenPasswordReset_whenCompleted_thenNewPasswordWorksAndOldSessionsEnd() {
        String admin = adminToken();
        CreatedUser[] user = new CreatedUser[1];
        String oldSession = activeUser(admin, admin, approvedCentre(admin), user, "CENTRE_ADMIN");

        assertThat(http.post("/api/auth/password-reset", null, Map.of("pin", "12121299"))
                        .status())
                .isEqualTo(202);
        assertThat(http.post("/api/auth/password-reset", null, Map.of("pin", user[0].pin()))
                        .status())
                .isEqualTo(202);
        String resetToken = tokenFromOutbox(admin, user[0].email());

        String newPassword = "another long passphrase 9";
        assertThat(http.post(
                                "/api/auth/password-reset/complete",
                                null,
                                Map.of("token", resetToken, "password", newPassword))
                        .status())
                .isEqualTo(204);

        assertThat(http.get("/api/me", oldSession).status())
                .as("old sessions end")
                .isEqualTo(401);
        assertThat(http.post("/api/auth/login", null, Map.of("pin", user[0].pin(), "password", GOOD_PASSWORD))
                        .status())
                .isEqualTo(401);
        signIn(user[0].pin(), newPassword);
        assertThat(http.post(
                                "/api/auth/password-reset/complete",
                                null,
                                Map.of("token", resetToken, "password", "yet another passphrase 1"))
                        .status())
                .as("reset links work once")
                .isEqualTo(400);
    }

    @Test
    void givenSession_whenIdle40MinutesOrLoggedOut_thenItEnds() {
        String admin = adminToken();
        String session = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_ADMIN");

        clock.advance(Duration.ofMinutes(39));
        assertThat(http.get("/api/me", session).status())
                .as("activity keeps it alive")
                .isEqualTo(200);
        clock.advance(Duration.ofMinutes(39));
        assertThat(http.get("/api/me", session).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(41));
        assertThat(http.get("/api/me", session).status()).as("40 minutes idle").isEqualTo(401);

        String another = adminToken();
        assertThat(http.post("/api/auth/logout", another, Map.of()).status()).isEqualTo(204);
        assertThat(http.get("/api/me", another).status()).isEqualTo(401);
    }

    @Test
    void givenSession_whenTwelveHoursOld_thenItEndsDespiteActivity() {
        String session = adminToken();
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(30));
            int status = http.get("/api/me", session).status();
            if (i < 23) {
                assertThat(status).isEqualTo(200);
            } else {
                assertThat(status).as("12 hours absolute").isEqualTo(401);
            }
        }
    }

    @Test
    void givenDeactivatedUser_whenUsingSessionOrSigningIn_thenRefused() {
        String admin = adminToken();
        CreatedUser[] user = new CreatedUser[1];
        String session = activeUser(admin, admin, approvedCentre(admin), user, "CENTRE_ADMIN");

        assertThat(http.post(
                                "/api/users/" + user[0].userId() + "/deactivate",
                                admin,
                                Map.of("reason", "left the centre"))
                        .status())
                .isEqualTo(200);

        assertThat(http.get("/api/me", session).status()).isEqualTo(401);
        assertThat(http.post("/api/auth/login", null, Map.of("pin", user[0].pin(), "password", GOOD_PASSWORD))
                        .status())
                .isEqualTo(401);
        assertThat(http.post("/api/users/" + user[0].userId() + "/deactivate", admin, Map.of("reason", "again"))
                        .status())
                .isEqualTo(409);

        assertThat(http.post("/api/users/" + user[0].userId() + "/reactivate", admin, Map.of("reason", "returned"))
                        .status())
                .isEqualTo(200);
        signIn(user[0].pin(), GOOD_PASSWORD);
    }

    @Test
    void givenNoToken_whenCallingTheApi_thenProblem401() {
        var response = http.get("/api/me", null);
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/centres", "made-up-token").status()).isEqualTo(401);
    }
}
