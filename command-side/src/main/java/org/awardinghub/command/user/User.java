package org.awardinghub.command.user;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.awardinghub.command.EmailAddress;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Reason;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Snapshots;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.notification.NotificationKind;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.user.NotificationPreferencesChanged;
import org.awardinghub.events.user.PasswordResetRequested;
import org.awardinghub.events.user.PasswordSet;
import org.awardinghub.events.user.PasswordSetBy;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.SignInFailed;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.awardinghub.events.user.UserDetailsAmended;
import org.awardinghub.events.user.UserErased;
import org.awardinghub.events.user.UserLockedOut;
import org.awardinghub.events.user.UserReactivated;
import org.awardinghub.events.user.UserRolesChanged;
import org.awardinghub.events.user.UserSignedIn;
import org.awardinghub.events.user.UserSignedOut;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A person with access, identified by a PIN issued when they are created. Belongs to one centre, or to none
 * when IMI staff. Passwords are not here: events record only that one was set, and how.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.LONG_LIVED)
public class User {

    static final int NAME_MAX_LENGTH = 100;

    @AggregateIdentifier
    private String userId;

    private String centreId;
    private String name;
    private String email;
    private Set<Role> roles;
    private boolean active;
    /** The user's personal data was erased: the account is closed for good. */
    private boolean erased;
    /** A password has been set: the activation link is spent. */
    private boolean passwordSet;
    /** The optional notification kinds turned off; null until the user first chooses (and in older snapshots). */
    private List<String> notificationsOff;

    /** For Axon: rebuilds the user from events, and is the blank instance the creation handler starts from. */
    protected User() {}

    /**
     * Answers the PIN issued. A method with an ALWAYS creation policy, not a constructor, because Axon answers a
     * constructor handler with the aggregate id, and a method handler with what it returns.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    String handle(
            CreateUser command,
            PinIssuer pins,
            UserDirectory users,
            CentreDirectory centres,
            CandidateDirectory candidates) {
        String id = Text.identifier("userId", command.userId());
        String checkedName = Text.required("name", command.name(), NAME_MAX_LENGTH);
        String checkedEmail = EmailAddress.required("email", command.email());
        Set<Role> checkedRoles = command.candidateId() == null
                ? PermittedRoles.checked(command.roles(), command.centreId())
                : candidateAccount(command, users, candidates);
        if (command.centreId() != null) {
            centres.requireNotWithdrawn(command.centreId(), "a withdrawn centre cannot have new users");
        }
        requireEmailFree(users, command.centreId(), checkedEmail);
        String pin = pins.issue();
        apply(new UserCreated(
                id, pin, checkedName, checkedEmail, checkedRoles, command.centreId(), command.candidateId()));
        return pin;
    }

    /**
     * A candidate's own account: role CANDIDATE alone, at the candidate's centre, one per candidate (the directory's
     * unique candidate column also refuses a second one created at the same moment).
     */
    private static Set<Role> candidateAccount(CreateUser command, UserDirectory users, CandidateDirectory candidates) {
        CandidateEntry candidate = candidates
                .find(command.candidateId())
                .filter(entry -> entry.centreId().equals(command.centreId()))
                .orElseThrow(() -> new UnknownRecord("No candidate " + command.candidateId() + " at this centre"));
        if (!Set.of(Role.CANDIDATE).equals(command.roles())) {
            throw new InvalidCommand("roles", "a candidate's account holds the role CANDIDATE and nothing else");
        }
        users.findByCandidate(candidate.candidateId()).ifPresent(existing -> {
            throw new RuleViolation(
                    "Candidate " + candidate.candidateId() + " already has an account (PIN " + existing.pin() + ")");
        });
        return Set.of(Role.CANDIDATE);
    }

    /**
     * The first IMI administrator of a new install, so that someone can sign in at all; refused once an active
     * one exists. The installer may choose the PIN. Answers the PIN.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    String handle(RegisterBootstrapAdmin command, PinIssuer pins, UserDirectory users) {
        String id = Text.identifier("userId", command.userId());
        String checkedName = Text.required("name", command.name(), NAME_MAX_LENGTH);
        String checkedEmail = EmailAddress.required("email", command.email());
        if (users.anyImiAdmin()) {
            throw new RuleViolation(
                    "An active IMI administrator exists; the bootstrap administrator is only for a new install");
        }
        requireEmailFree(users, null, checkedEmail);
        String pin = command.pin() == null ? pins.issue() : pins.issueChosen(command.pin());
        apply(new UserCreated(id, pin, checkedName, checkedEmail, Set.of(Role.IMI_ADMIN), null));
        return pin;
    }

    @CommandHandler
    void handle(ChangeUserRoles command, UserDirectory users) {
        requireActive("have roles changed");
        if (roles.contains(Role.CANDIDATE)) {
            throw new RuleViolation("A candidate's account holds the role CANDIDATE and nothing else");
        }
        String reason = Reason.of(command);
        Set<Role> changed = PermittedRoles.checked(command.roles(), centreId);
        if (changed.equals(roles)) {
            return; // unchanged: nothing to record
        }
        if (!changed.contains(Role.IMI_ADMIN)) {
            requireNotLastImiAdmin(users, "lose the IMI_ADMIN role");
        }
        apply(new UserRolesChanged(userId, centreId, roles, changed, reason));
    }

    @CommandHandler
    void handle(AmendUserDetails command, UserDirectory users) {
        String amendedName = Text.required("name", command.name(), NAME_MAX_LENGTH);
        String amendedEmail = EmailAddress.required("email", command.email());
        String reason = Reason.of(command);
        if (amendedName.equals(name) && amendedEmail.equals(email)) {
            return; // unchanged: nothing to record
        }
        if (!EmailAddress.sameMailbox(amendedEmail, email)) {
            requireEmailFree(users, centreId, amendedEmail);
        }
        apply(new UserDetailsAmended(userId, centreId, name, amendedName, email, amendedEmail, reason));
    }

    @CommandHandler
    void handle(DeactivateUser command, UserDirectory users) {
        requireActive("be deactivated");
        requireNotLastImiAdmin(users, "be deactivated");
        apply(new UserDeactivated(userId, centreId, Reason.of(command)));
    }

    /** Erased once: the account is closed with it, and never reactivated. */
    @CommandHandler
    void handle(EraseUser command, Clock clock) {
        String reason = Reason.of(command);
        String legalBasis = Text.required("legalBasis", command.legalBasis(), 200);
        if (erased) {
            return; // erased before: nothing more to record
        }
        apply(new UserErased(userId, centreId, reason, legalBasis, clock.instant()));
    }

    @CommandHandler
    void handle(ReactivateUser command, CentreDirectory centres) {
        if (erased) {
            throw new RuleViolation("The user's personal data was erased; the account stays closed");
        }
        if (active) {
            throw new RuleViolation("User is already active");
        }
        String reason = Reason.of(command);
        if (centreId != null) {
            centres.requireNotWithdrawn(centreId, "users of a withdrawn centre cannot be reactivated");
        }
        apply(new UserReactivated(userId, centreId, reason));
    }

    @CommandHandler
    void handle(RecordPasswordSet command) {
        requireActive("set a password");
        if (command.how() == null) {
            throw new InvalidCommand("how", "how the password was set (ACTIVATION or RESET) is required");
        }
        if (command.how() == PasswordSetBy.ACTIVATION && passwordSet) {
            throw new RuleViolation("User has already set a password; the activation link can be used only once");
        }
        apply(new PasswordSet(userId, centreId, command.how()));
    }

    /** Recorded whatever the user's state: a reset asked for a deactivated user is worth seeing in the history. */
    @CommandHandler
    void handle(RecordPasswordResetRequest command) {
        apply(new PasswordResetRequested(userId, centreId));
    }

    @CommandHandler
    void handle(RecordSignIn command) {
        requireActive("sign in");
        apply(new UserSignedIn(userId, centreId));
    }

    @CommandHandler
    void handle(RecordSignOut command) {
        apply(new UserSignedOut(userId, centreId));
    }

    @CommandHandler
    void handle(RecordSignInFailure command) {
        if (command.failuresInARow() < 1) {
            throw new InvalidCommand("failuresInARow", "failuresInARow must be at least 1");
        }
        apply(new SignInFailed(userId, centreId, command.failuresInARow()));
    }

    @CommandHandler
    void handle(RecordLockOut command) {
        if (command.until() == null) {
            throw new InvalidCommand("until", "until is required");
        }
        apply(new UserLockedOut(userId, centreId, command.until()));
    }

    /**
     * The user's own choice of notifications: every kind named must exist and be optional (a mandatory one, such as a
     * sanction notice, cannot be turned off). The same set again records nothing.
     */
    @CommandHandler
    void handle(SetNotificationPreferences command) {
        if (command.turnedOff() == null) {
            throw new InvalidCommand("turnedOff", "name the kinds to turn off (an empty list turns every one on)");
        }
        TreeSet<String> off = new TreeSet<>();
        for (String name : command.turnedOff()) {
            NotificationKind kind = kind(name);
            if (!kind.optional()) {
                throw new InvalidCommand("turnedOff", kind.name() + " cannot be turned off: it is always sent");
            }
            off.add(kind.name());
        }
        List<String> turnedOff = List.copyOf(off);
        if (turnedOff.equals(notificationsOff == null ? List.of() : notificationsOff)) {
            return; // unchanged: nothing to record
        }
        apply(new NotificationPreferencesChanged(userId, centreId, turnedOff));
    }

    private static NotificationKind kind(String name) {
        for (NotificationKind kind : NotificationKind.values()) {
            if (kind.name().equals(name)) {
                return kind;
            }
        }
        throw new InvalidCommand("turnedOff", "no notification kind " + name);
    }

    @EventSourcingHandler
    void on(NotificationPreferencesChanged event) {
        notificationsOff = List.copyOf(event.turnedOff());
    }

    @EventSourcingHandler
    void on(UserCreated event) {
        userId = event.userId();
        centreId = event.centreId();
        name = event.name();
        email = event.email();
        roles = Set.copyOf(event.roles());
        active = true;
    }

    @EventSourcingHandler
    void on(UserRolesChanged event) {
        roles = Set.copyOf(event.roles());
    }

    @EventSourcingHandler
    void on(UserDetailsAmended event) {
        name = event.name();
        email = event.email();
    }

    @EventSourcingHandler
    void on(UserDeactivated event) {
        active = false;
    }

    /** Forgotten here too, so that no snapshot taken after the erasure holds them. */
    @EventSourcingHandler
    void on(UserErased event) {
        erased = true;
        active = false;
        name = PersonalData.ERASED;
        email = PersonalData.ERASED;
    }

    @EventSourcingHandler
    void on(UserReactivated event) {
        active = true;
    }

    @EventSourcingHandler
    void on(PasswordSet event) {
        passwordSet = true;
    }

    /** Nobody could administer the system any more: centres, users and the catalogue would be frozen. */
    private void requireNotLastImiAdmin(UserDirectory users, String action) {
        if (roles.contains(Role.IMI_ADMIN) && users.activeImiAdmins() <= 1) {
            throw new RuleViolation(
                    "The last active IMI_ADMIN cannot " + action + "; give another user that role first");
        }
    }

    private void requireActive(String action) {
        if (!active) {
            throw new RuleViolation("User is deactivated; only an active user can " + action);
        }
    }

    private static void requireEmailFree(UserDirectory users, String centreId, String email) {
        if (users.emailTaken(centreId, email)) {
            throw new RuleViolation("Email " + email + " is already used by another "
                    + (centreId == null ? "IMI staff user" : "user of this centre"));
        }
    }
}
