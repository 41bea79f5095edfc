package org.awardinghub.api.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Public;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The OAuth 2.0 token endpoint for the resource-owner password grant (RFC 6749 section 4.3), so that OAuth clients
 * such as Swagger UI's Authorize dialog sign in with a PIN and password. It is {@code POST /api/auth/login} in the
 * form OAuth clients speak: the same {@link SignIn} call (lock-out, rate limits, audit events, the session), and the
 * bearer token it answers is that session's. Its refusals are RFC 6749 section 5.2 error objects in {@code
 * application/json}, not problems, because that is what OAuth clients read (ADR 0152); a lock-out, a busy server and
 * a refused {@code Accept} keep the problem answers of the rest of the API, as RFC 6749 defines no error for them.
 */
@RestController
class TokenController {

    static final String PATH = "/api/auth/token";
    private static final String PASSWORD_GRANT = "password";

    /** The form's fields, for the OpenAPI document: the handler reads the form itself to tell its errors apart. */
    @Schema(
            name = "TokenRequest",
            requiredProperties = {"grant_type", "username", "password"})
    record TokenRequest(
            @JsonProperty("grant_type") @Schema(allowableValues = PASSWORD_GRANT)
            String grantType,

            @Schema(description = "The user's PIN") String username,
            String password,

            @Schema(description = "Ignored: this server has no scopes; a non-empty one is refused")
            String scope) {}

    /** A successful answer (RFC 6749 section 5.1): the session's token and how long it lasts unused. */
    @Schema(name = "TokenResponse")
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn) {}

    /** A refusal (RFC 6749 section 5.2). */
    @Schema(name = "TokenError")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TokenError(
            String error, @JsonProperty("error_description") String errorDescription) {}

    private final SignIn signIn;
    private final Clock clock;

    TokenController(SignIn signIn, Clock clock) {
        this.signIn = signIn;
        this.clock = clock;
    }

    @PostMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Public
    @Operation(
            summary = "Sign in as an OAuth 2.0 client (password grant)",
            description = "RFC 6749 section 4.3: the PIN as username. Refusals are RFC 6749 error objects.",
            requestBody =
                    @io.swagger.v3.oas.annotations.parameters.RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                                            schema = @Schema(implementation = TokenRequest.class))),
            responses = {
                @ApiResponse(
                        responseCode = "200",
                        description = "Signed in",
                        content = @Content(schema = @Schema(implementation = TokenResponse.class))),
                @ApiResponse(
                        responseCode = "400",
                        description = "invalid_grant, invalid_request, unsupported_grant_type or invalid_scope",
                        content = @Content(schema = @Schema(implementation = TokenError.class))),
                @ApiResponse(
                        responseCode = "429",
                        description = "Too many refused sign-ins with this PIN or from this address, as for"
                                + " /api/auth/login")
            })
    public ResponseEntity<Object> grant(HttpServletRequest request) {
        String refusal = malformed(request);
        if (refusal != null) {
            return refused("invalid_request", refusal);
        }
        Map<String, String[]> form = request.getParameterMap();
        String grantType = single(form, "grant_type");
        if (!PASSWORD_GRANT.equals(grantType)) {
            return refused("unsupported_grant_type", "Only grant_type=password is supported");
        }
        String pin = single(form, "username");
        String password = single(form, "password");
        if (pin == null || pin.isBlank() || pin.length() > 64) {
            return refused("invalid_request", "username must be the PIN (at most 64 characters)");
        }
        if (password == null || password.length() > 1000) {
            return refused("invalid_request", "password must be given (at most 1000 characters)");
        }
        String scope = single(form, "scope");
        if (scope != null && !scope.isBlank()) {
            return refused("invalid_scope", "This server has no scopes; send none");
        }
        SignIn.SignedIn session;
        try {
            session = signIn.signIn(pin.strip(), password);
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.UNAUTHORIZED) {
                return refused("invalid_grant", SignIn.NOT_RECOGNISED);
            }
            throw problem;
        }
        // to the nearest second: the session was opened a moment ago, by the same clock
        long expiresIn = Math.max(
                0, (Duration.between(clock.instant(), session.expiresAt()).toMillis() + 500) / 1000);
        return answer(HttpStatus.OK, new TokenResponse(session.token(), "bearer", expiresIn));
    }

    /**
     * Why the request is not a form of single parameters in its body, or null. Parameters in the query string are
     * refused: a password there ends up in access logs and browser history.
     */
    private static String malformed(HttpServletRequest request) {
        String contentType = request.getContentType();
        if (contentType == null
                || !MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(MediaType.parseMediaType(contentType))) {
            return "Send the parameters as application/x-www-form-urlencoded";
        }
        if (request.getQueryString() != null && !request.getQueryString().isEmpty()) {
            return "Send the parameters in the body, not the query string";
        }
        List<String> repeated = request.getParameterMap().entrySet().stream()
                .filter(parameter -> parameter.getValue().length > 1)
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        return repeated.isEmpty() ? null : "Each parameter may be given once; repeated: " + String.join(", ", repeated);
    }

    private static String single(Map<String, String[]> form, String name) {
        String[] values = form.get(name);
        return values == null ? null : values[0];
    }

    private static ResponseEntity<Object> refused(String error, String description) {
        return answer(HttpStatus.BAD_REQUEST, new TokenError(error, description));
    }

    /** RFC 6749 sections 5.1 and 5.2: neither a token nor a refusal may be cached. */
    private static ResponseEntity<Object> answer(HttpStatus status, Object body) {
        return ResponseEntity.status(status)
                .cacheControl(CacheControl.noStore())
                .header("Pragma", "no-cache")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }
}
