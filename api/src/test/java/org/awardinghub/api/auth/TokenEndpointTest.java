package org.awardinghub.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests.Response;
import org.junit.jupiter.api.Test;

/**
 * The OAuth 2.0 password grant at {@code POST /api/auth/token}, as an OAuth client (Swagger UI's Authorize dialog)
 * meets it: the token is a session like any sign-in's, and refusals are RFC 6749 error objects.
 */
class TokenEndpointTest extends ApplicationTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void givenAdminPinAndPassword_whenTokenAsked_thenBearerTokenOpensTheApi() {
        var answer = token(Map.of("grant_type", "password", "username", ADMIN_PIN, "password", ADMIN_PASSWORD));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.contentType()).startsWith("application/json");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Pragma")).isEqualTo("no-cache");
        assertThat(answer.json().get("token_type").asText()).isEqualTo("bearer");
        // the session's idle time (40 minutes), less the moment the sign-in took
        assertThat(answer.json().get("expires_in").asLong()).isBetween(40 * 60 - 30L, 40 * 60L);
        var me = http.get("/api/me", answer.json().get("access_token").asText());
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("pin").asText()).isEqualTo(ADMIN_PIN);
    }

    @Test
    void givenWrongPasswords_whenTokenAsked_thenInvalidGrantAndTheyLockThePinForSignInToo() {
        String admin = adminToken();
        CreatedUser[] user = new CreatedUser[1];
        activeUser(admin, admin, approvedCentre(admin), user, "CENTRE_ADMIN");

        for (int i = 0; i < 5; i++) {
            var refused = token(Map.of("grant_type", "password", "username", user[0].pin(), "password", "wrong " + i));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/json");
            assertThat(refused.header("Cache-Control")).isEqualTo("no-store");
            assertThat(refused.json().get("error").asText()).isEqualTo("invalid_grant");
        }
        var locked = http.post("/api/auth/login", null, Map.of("pin", user[0].pin(), "password", GOOD_PASSWORD));
        assertThat(locked.status())
                .as("the token endpoint's failures count like sign-in's")
                .isEqualTo(429);
        var lockedToken = token(Map.of("grant_type", "password", "username", user[0].pin(), "password", GOOD_PASSWORD));
        assertThat(lockedToken.status()).isEqualTo(429);
        assertThat(lockedToken.contentType()).startsWith("application/problem+json");
    }

    @Test
    void givenAPasswordBeyondAscii_whenTokenAskedWithItsUtf8Form_thenSignedIn() {
        String admin = adminToken();
        CreatedUser user = addUser(admin, approvedCentre(admin), "CENTRE_ADMIN");
        String password = "Grüße aus Köln, ça va très bien 7";
        var activated = http.post(
                "/api/auth/activate",
                null,
                Map.of("token", tokenFromOutbox(admin, user.email()), "password", password));
        assertThat(activated.status()).as(activated.toString()).isEqualTo(204);

        var answer = token(Map.of("grant_type", "password", "username", user.pin(), "password", password));

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(http.get("/api/me", answer.json().get("access_token").asText())
                        .json()
                        .get("pin")
                        .asText())
                .isEqualTo(user.pin());
    }

    @Test
    void givenUnknownPin_whenTokenAsked_thenTheSameInvalidGrantAsAWrongPassword() {
        var unknown = token(Map.of("grant_type", "password", "username", "99999997", "password", "anything at all"));
        var wrong = token(Map.of("grant_type", "password", "username", ADMIN_PIN, "password", "not the password"));

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json()).isEqualTo(wrong.json());
    }

    @Test
    void givenMissingFields_whenTokenAsked_thenInvalidRequest() {
        assertThat(error(token(Map.of("grant_type", "password", "password", ADMIN_PASSWORD))))
                .isEqualTo("invalid_request");
        assertThat(error(token(Map.of("grant_type", "password", "username", ADMIN_PIN))))
                .isEqualTo("invalid_request");
        assertThat(error(token(Map.of("grant_type", "password", "username", " ", "password", ADMIN_PASSWORD))))
                .isEqualTo("invalid_request");
    }

    @Test
    void givenAnotherOrNoGrantType_whenTokenAsked_thenUnsupportedGrantType() {
        assertThat(error(token(Map.of("grant_type", "client_credentials", "username", ADMIN_PIN))))
                .isEqualTo("unsupported_grant_type");
        assertThat(error(token(Map.of("username", ADMIN_PIN, "password", ADMIN_PASSWORD))))
                .isEqualTo("unsupported_grant_type");
    }

    @Test
    void givenAScope_whenTokenAsked_thenInvalidScope_butAnEmptyOneAsSwaggerUiSendsIsIgnored() {
        var withScope = new LinkedHashMap<String, String>();
        withScope.put("grant_type", "password");
        withScope.put("username", ADMIN_PIN);
        withScope.put("password", ADMIN_PASSWORD);
        withScope.put("scope", "admin");
        assertThat(error(token(withScope))).isEqualTo("invalid_scope");
        withScope.put("scope", "");
        assertThat(token(withScope).status()).isEqualTo(200);
    }

    @Test
    void givenJsonOrQueryStringOrRepeatedParameters_whenTokenAsked_thenInvalidRequest() {
        var json = http.post(
                "/api/auth/token",
                null,
                Map.of("grant_type", "password", "username", ADMIN_PIN, "password", ADMIN_PASSWORD));
        assertThat(json.status()).isEqualTo(400);
        assertThat(error(json)).isEqualTo("invalid_request");

        var query = http.postRaw(
                "/api/auth/token?password=" + encode(ADMIN_PASSWORD),
                null,
                FORM,
                "grant_type=password&username=" + ADMIN_PIN);
        assertThat(error(query)).isEqualTo("invalid_request");

        var repeated = http.postRaw(
                "/api/auth/token",
                null,
                FORM,
                "grant_type=password&username=" + ADMIN_PIN + "&username=10000002&password=" + encode(ADMIN_PASSWORD));
        assertThat(error(repeated)).isEqualTo("invalid_request");
        assertThat(repeated.json().get("error_description").asText()).contains("username");
    }

    private Response token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        return http.postRaw("/api/auth/token", null, FORM, body);
    }

    private static String error(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/json");
        assertThat(response.json().has("access_token")).isFalse();
        return response.json().get("error").asText();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
