package org.awardinghub.api.auth;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.security.BearerSessionFilter;
import org.awardinghub.api.security.Public;
import org.awardinghub.api.security.SecurityPolicy;
import org.awardinghub.events.user.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in and out, and setting a password: the first with an activation link, a new one with a reset link.
 * Everything here but signing out is open to anyone.
 */
@RestController
class AuthController {

    public record LoginRequest(
            @NotBlank @Size(max = 64) String pin,
            @NotNull @Size(max = 1000) String password) {}

    /** {@code candidateId}: the candidate of a candidate's own account, else null. */
    public record SignedInUser(
            String userId, String pin, String name, Set<Role> roles, String centreId, String candidateId) {}

    /** {@code idleTimeoutSeconds}: how long the session lasts without a call, so the web UI can warn in time. */
    public record LoginResponse(String token, Instant expiresAt, long idleTimeoutSeconds, SignedInUser user) {}

    public record SetPasswordRequest(
            @NotBlank @Size(max = 200) String token,
            @NotNull @Size(max = 1000) String password) {}

    public record ResetRequest(@NotBlank @Size(max = 64) String pin) {}

    private final SignIn signIn;
    private final Access access;
    private final SecurityPolicy policy;

    public AuthController(SignIn signIn, Access access, SecurityPolicy policy) {
        this.signIn = signIn;
        this.access = access;
        this.policy = policy;
    }

    /**
     * Signs in with a PIN and password and answers a bearer token for the session. Wrong PINs and passwords answer the
     * same 401; repeated failures are locked out (429).
     */
    @PostMapping("/api/auth/login")
    @Public
    @ApiResponse(responseCode = "200", description = "Signed in", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", description = "Wrong PIN or password, or an account not active")
    @ApiResponse(
            responseCode = "429",
            description = "Too many failed sign-ins from this address, or this PIN locked from it for a while")
    public LoginResponse login(@Valid @RequestBody LoginRequest request) {
        SignIn.SignedIn session = signIn.signIn(request.pin().strip(), request.password());
        ActingUser user = session.user();
        return new LoginResponse(
                session.token(),
                session.expiresAt(),
                policy.sessionIdle().toSeconds(),
                new SignedInUser(
                        user.userId(), user.pin(), user.name(), user.roles(), user.centreId(), user.candidateId()));
    }

    /** Signs out: the session's token stops working at once. */
    @PostMapping("/api/auth/logout")
    @Allow(anyone = true, candidateAccount = true)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void logout(HttpServletRequest request) {
        ActingUser user = access.current();
        String header = request.getHeader("Authorization");
        signIn.signOut(
                user, header.substring(BearerSessionFilter.PREFIX.length()).strip());
    }

    /** Activates an account: sets its first password with the token of the activation email. */
    @PostMapping("/api/auth/activate")
    @Public
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void activate(@Valid @RequestBody SetPasswordRequest request) {
        signIn.activate(request.token().strip(), request.password());
    }

    /** Asks for a password-reset link by email for a PIN. The answer is the same whether or not the PIN exists. */
    @PostMapping("/api/auth/password-reset")
    @Public
    @ResponseStatus(HttpStatus.ACCEPTED)
    @ApiResponse(
            responseCode = "202",
            description = "Accepted: a link is emailed if the PIN is known",
            useReturnTypeSchema = true)
    @ApiResponse(responseCode = "429", description = "Too many password resets asked from this address this minute")
    public void requestReset(@Valid @RequestBody ResetRequest request) {
        signIn.requestPasswordReset(request.pin().strip());
    }

    /** Sets a new password with the token of a password-reset email. */
    @PostMapping("/api/auth/password-reset/complete")
    @Public
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void completeReset(@Valid @RequestBody SetPasswordRequest request) {
        signIn.completePasswordReset(request.token().strip(), request.password());
    }
}
