package org.awardinghub.api.user;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.CENTRE_COORDINATOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.awardinghub.api.Queries;
import org.awardinghub.api.Reason;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.Allow;
import org.awardinghub.api.security.SessionStore;
import org.awardinghub.api.text.MultiLine;
import org.awardinghub.api.text.SingleLine;
import org.awardinghub.command.user.AmendUserDetails;
import org.awardinghub.command.user.ChangeUserRoles;
import org.awardinghub.command.user.DeactivateUser;
import org.awardinghub.command.user.ReactivateUser;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.user.Role;
import org.awardinghub.query.user.FindUser;
import org.awardinghub.query.user.ListCentreUsers;
import org.awardinghub.query.user.ListImiStaff;
import org.awardinghub.query.user.UserView;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Users and their accounts: IMI staff and centre users created, deactivated, their roles and details changed. */
@RestController
class UserController {

    public record CreateUserRequest(
            @NotBlank @Size(max = 100) @SingleLine String name,
            @NotBlank @Size(max = 254) @SingleLine String email,
            @NotEmpty Set<@NotNull Role> roles) {}

    public record CreatedUser(String userId, String pin) {}

    public record RolesChange(
            @NotEmpty Set<@NotNull Role> roles,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    public record DetailsAmendment(
            @NotBlank @Size(max = 100) @SingleLine String name,
            @NotBlank @Size(max = 254) @SingleLine String email,
            @NotBlank @Size(max = 1000) @MultiLine String reason) {}

    /** A user as the hub lists them: never a password, hash or token. */
    public record UserSummary(
            String userId,
            String pin,
            String name,
            String email,
            Set<Role> roles,
            String centreId,
            boolean active,
            boolean activated,
            Instant lastSignInAt) {
        static UserSummary of(UserView v) {
            return new UserSummary(
                    v.userId(),
                    v.pin(),
                    v.name(),
                    v.email(),
                    v.roles(),
                    v.centreId(),
                    v.active(),
                    v.activated(),
                    v.lastSignInAt());
        }
    }

    public record MyDetails(String userId, String pin, String name, String email, Set<Role> roles, String centreId) {}

    public record UserStatus(String userId, boolean active) {}

    private final Access access;
    private final UserAccounts accounts;
    private final UserDirectory directory;
    private final SessionStore sessions;
    private final CommandGateway commands;
    private final Queries queries;

    public UserController(
            Access access,
            UserAccounts accounts,
            UserDirectory directory,
            SessionStore sessions,
            CommandGateway commands,
            Queries queries) {
        this.access = access;
        this.accounts = accounts;
        this.directory = directory;
        this.sessions = sessions;
        this.commands = commands;
        this.queries = queries;
    }

    /** Creates an IMI staff user with their roles. IMI staff, who belong to no centre. */
    @PostMapping("/api/users")
    @Allow(IMI_ADMIN)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<CreatedUser> createImiStaff(@Valid @RequestBody CreateUserRequest request) {
        return created(accounts.create(request.name(), request.email(), request.roles(), null));
    }

    /** Every IMI staff user. */
    @GetMapping("/api/users")
    @Allow({IMI_ADMIN, AUDITOR})
    public List<UserSummary> imiStaff() {
        return queries.many(new ListImiStaff(), UserView.class).stream()
                .map(UserSummary::of)
                .toList();
    }

    /** Creates a user at a centre with their roles. They are sent an activation email and answered their PIN. */
    @PostMapping("/api/centres/{centreId}/users")
    @Allow(value = IMI_ADMIN, ofCentre = CENTRE_COORDINATOR)
    @ResponseStatus(HttpStatus.CREATED)
    public ResponseEntity<CreatedUser> createCentreUser(
            @PathVariable String centreId, @Valid @RequestBody CreateUserRequest request) {
        return created(accounts.create(request.name(), request.email(), request.roles(), centreId));
    }

    /** Every user of a centre. */
    @GetMapping("/api/centres/{centreId}/users")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            ofCentre = CENTRE_COORDINATOR)
    public List<UserSummary> centreUsers(@PathVariable String centreId) {
        return queries.many(new ListCentreUsers(centreId), UserView.class).stream()
                .map(UserSummary::of)
                .toList();
    }

    /** One user: name, PIN, email, roles and whether active. */
    @GetMapping("/api/users/{userId}")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            ofCentre = CENTRE_COORDINATOR,
            centreOf = Access.USER_ID,
            self = true)
    public UserSummary user(@PathVariable String userId) {
        return queries.one(new FindUser(userId), UserView.class)
                .map(UserSummary::of)
                .orElseThrow(() -> ApiProblem.notFound("No such user"));
    }

    /** The signed-in user's own details. */
    @GetMapping("/api/me")
    @Allow(anyone = true, candidateAccount = true)
    public MyDetails me() {
        ActingUser me = access.current();
        return queries.one(new FindUser(me.userId()), UserView.class)
                .map(v -> new MyDetails(v.userId(), v.pin(), v.name(), v.email(), v.roles(), v.centreId()))
                // The read model may lag a moment behind a brand-new user: the directory already knows them.
                .orElseGet(() -> new MyDetails(
                        me.userId(),
                        me.pin(),
                        me.name(),
                        directory.findById(me.userId()).map(UserAccount::email).orElse(null),
                        me.roles(),
                        me.centreId()));
    }

    /** Deactivates a user, with the reason: their sessions end at once. */
    @PostMapping("/api/users/{userId}/deactivate")
    @Allow(value = IMI_ADMIN, ofCentre = CENTRE_COORDINATOR, centreOf = Access.USER_ID)
    public UserStatus deactivate(@PathVariable String userId, @Valid @RequestBody Reason request) {
        if (access.current().userId().equals(userId)) {
            throw ApiProblem.conflict("You cannot deactivate yourself; ask another administrator");
        }
        commands.sendAndWait(new DeactivateUser(userId, request.reason()));
        sessions.endAll(userId);
        return new UserStatus(userId, false);
    }

    /** Reactivates a deactivated user, with the reason. */
    @PostMapping("/api/users/{userId}/reactivate")
    @Allow(value = IMI_ADMIN, ofCentre = CENTRE_COORDINATOR, centreOf = Access.USER_ID)
    public UserStatus reactivate(@PathVariable String userId, @Valid @RequestBody Reason request) {
        commands.sendAndWait(new ReactivateUser(userId, request.reason()));
        return new UserStatus(userId, true);
    }

    /** Changes a user's roles, with the reason. */
    @PutMapping("/api/users/{userId}/roles")
    @Allow(value = IMI_ADMIN, ofCentre = CENTRE_COORDINATOR, centreOf = Access.USER_ID)
    public UserStatus changeRoles(@PathVariable String userId, @Valid @RequestBody RolesChange request) {
        commands.sendAndWait(new ChangeUserRoles(userId, request.roles(), request.reason()));
        return new UserStatus(userId, true);
    }

    /** Amends a user's name and email, with the reason. */
    @PutMapping("/api/users/{userId}/details")
    @Allow(value = IMI_ADMIN, ofCentre = CENTRE_COORDINATOR, centreOf = Access.USER_ID)
    public UserStatus amendDetails(@PathVariable String userId, @Valid @RequestBody DetailsAmendment request) {
        commands.sendAndWait(new AmendUserDetails(userId, request.name(), request.email(), request.reason()));
        return new UserStatus(
                userId, directory.findById(userId).map(UserAccount::active).orElse(false));
    }

    /**
     * Sends a user a fresh activation link. A fresh activation link when the first one expired or was lost (IMI_ADMIN,
     * or the user's coordinator).
     */
    @PostMapping("/api/users/{userId}/activation-email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Allow(value = IMI_ADMIN, ofCentre = CENTRE_COORDINATOR, centreOf = Access.USER_ID)
    public void resendActivation(@PathVariable String userId) {
        accounts.resendActivation(directory.findById(userId).orElseThrow(() -> ApiProblem.notFound("No such user")));
    }

    private static ResponseEntity<CreatedUser> created(UserAccounts.NewUser user) {
        return ResponseEntity.created(URI.create("/api/users/" + user.userId()))
                .body(new CreatedUser(user.userId(), user.pin()));
    }
}
