package org.awardinghub.api.users;

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
import org.awardinghub.api.security.SessionStore;
import org.awardinghub.command.user.AmendUserDetails;
import org.awardinghub.command.user.ChangeUserRoles;
import org.awardinghub.command.user.DeactivateUser;
import org.awardinghub.command.user.ReactivateUser;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.user.Role;
import org.awardinghub.query.hub.FindUser;
import org.awardinghub.query.hub.ListCentreUsers;
import org.awardinghub.query.hub.ListImiStaff;
import org.awardinghub.query.hub.UserView;
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

@RestController
public class UserController {

    public record CreateUserRequest(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 254) String email,
                                    @NotEmpty Set<@NotNull Role> roles) {
    }

    public record CreatedUser(String userId, String pin) {
    }

    public record RolesChange(@NotEmpty Set<@NotNull Role> roles, @NotBlank @Size(max = 1000) String reason) {
    }

    public record DetailsAmendment(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 254) String email,
                                   @NotBlank @Size(max = 1000) String reason) {
    }

    /** A user as the hub lists them: never a password, hash or token. */
    public record UserSummary(String userId, String pin, String name, String email, Set<Role> roles,
                              String centreId, boolean active, boolean activated, Instant lastSignInAt) {
        static UserSummary of(UserView v) {
            return new UserSummary(v.userId(), v.pin(), v.name(), v.email(), v.roles(), v.centreId(), v.active(),
                    v.activated(), v.lastSignInAt());
        }
    }

    public record MyDetails(String userId, String pin, String name, String email, Set<Role> roles,
                            String centreId) {
    }

    public record UserStatus(String userId, boolean active) {
    }

    private final Access access;
    private final UserAccounts accounts;
    private final UserDirectory directory;
    private final SessionStore sessions;
    private final CommandGateway commands;
    private final Queries queries;

    public UserController(Access access, UserAccounts accounts, UserDirectory directory, SessionStore sessions,
                          CommandGateway commands, Queries queries) {
        this.access = access;
        this.accounts = accounts;
        this.directory = directory;
        this.sessions = sessions;
        this.commands = commands;
        this.queries = queries;
    }

    /** IMI staff, who belong to no centre. */
    @PostMapping("/api/users")
    public ResponseEntity<CreatedUser> createImiStaff(@Valid @RequestBody CreateUserRequest request) {
        access.requireRole(Role.IMI_ADMIN);
        return created(accounts.create(request.name(), request.email(), request.roles(), null));
    }

    @GetMapping("/api/users")
    public List<UserSummary> imiStaff() {
        access.requireRole(Role.IMI_ADMIN, Role.AUDITOR);
        return queries.many(new ListImiStaff(), UserView.class).stream().map(UserSummary::of).toList();
    }

    @PostMapping("/api/centres/{centreId}/users")
    public ResponseEntity<CreatedUser> createCentreUser(@PathVariable String centreId,
                                                        @Valid @RequestBody CreateUserRequest request) {
        access.requireChangeOf(centreId, Role.CENTRE_COORDINATOR);
        return created(accounts.create(request.name(), request.email(), request.roles(), centreId));
    }

    @GetMapping("/api/centres/{centreId}/users")
    public List<UserSummary> centreUsers(@PathVariable String centreId) {
        access.requireReadOf(centreId, Role.CENTRE_COORDINATOR);
        return queries.many(new ListCentreUsers(centreId), UserView.class).stream().map(UserSummary::of).toList();
    }

    @GetMapping("/api/users/{userId}")
    public UserSummary user(@PathVariable String userId) {
        ActingUser me = access.current();
        UserView view = queries.one(new FindUser(userId), UserView.class)
                .orElseThrow(() -> ApiProblem.notFound("No such user"));
        if (!me.userId().equals(userId)) {
            requireManagerOf(view.centreId(), true);
        }
        return UserSummary.of(view);
    }

    @GetMapping("/api/me")
    public MyDetails me() {
        ActingUser me = access.current();
        return queries.one(new FindUser(me.userId()), UserView.class)
                .map(v -> new MyDetails(v.userId(), v.pin(), v.name(), v.email(), v.roles(), v.centreId()))
                // The read model may lag a moment behind a brand-new user: the directory already knows them.
                .orElseGet(() -> new MyDetails(me.userId(), me.pin(), me.name(),
                        directory.findById(me.userId()).map(UserAccount::email).orElse(null), me.roles(),
                        me.centreId()));
    }

    @PostMapping("/api/users/{userId}/deactivate")
    public UserStatus deactivate(@PathVariable String userId, @Valid @RequestBody Reason request) {
        ActingUser me = manage(userId);
        if (me.userId().equals(userId)) {
            throw ApiProblem.conflict("You cannot deactivate yourself; ask another administrator");
        }
        commands.sendAndWait(new DeactivateUser(userId, request.reason()));
        sessions.endAll(userId);
        return new UserStatus(userId, false);
    }

    @PostMapping("/api/users/{userId}/reactivate")
    public UserStatus reactivate(@PathVariable String userId, @Valid @RequestBody Reason request) {
        manage(userId);
        commands.sendAndWait(new ReactivateUser(userId, request.reason()));
        return new UserStatus(userId, true);
    }

    @PutMapping("/api/users/{userId}/roles")
    public UserStatus changeRoles(@PathVariable String userId, @Valid @RequestBody RolesChange request) {
        manage(userId);
        commands.sendAndWait(new ChangeUserRoles(userId, request.roles(), request.reason()));
        return new UserStatus(userId, true);
    }

    @PutMapping("/api/users/{userId}/details")
    public UserStatus amendDetails(@PathVariable String userId, @Valid @RequestBody DetailsAmendment request) {
        manage(userId);
        commands.sendAndWait(new AmendUserDetails(userId, request.name(), request.email(), request.reason()));
        return new UserStatus(userId, directory.findById(userId).map(UserAccount::active).orElse(false));
    }

    /** A fresh activation link when the first one expired or was lost (IMI_ADMIN, or the user's coordinator). */
    @PostMapping("/api/users/{userId}/activation-email")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void resendActivation(@PathVariable String userId) {
        manage(userId);
        accounts.resendActivation(directory.findById(userId).orElseThrow());
    }

    /** Changing a user: IMI_ADMIN, or the coordinator of the user's centre. Decided on consistent data. */
    private ActingUser manage(String userId) {
        UserAccount target = directory.findById(userId).orElseThrow(() -> ApiProblem.notFound("No such user"));
        return requireManagerOf(target.centreId(), false);
    }

    private ActingUser requireManagerOf(String centreId, boolean reading) {
        if (centreId == null) {
            return reading ? access.requireRole(Role.IMI_ADMIN, Role.AUDITOR) : imiAdminOrHidden();
        }
        return reading ? access.requireReadOf(centreId, Role.CENTRE_COORDINATOR)
                : access.requireChangeOf(centreId, Role.CENTRE_COORDINATOR);
    }

    private ActingUser imiAdminOrHidden() {
        ActingUser me = access.current();
        if (me.centreId() != null) {
            throw ApiProblem.notFound("No such user");
        }
        return access.requireRole(Role.IMI_ADMIN);
    }

    private static ResponseEntity<CreatedUser> created(UserAccounts.NewUser user) {
        return ResponseEntity.created(URI.create("/api/users/" + user.userId()))
                .body(new CreatedUser(user.userId(), user.pin()));
    }
}
