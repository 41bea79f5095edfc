package org.awardinghub.command.consideration;

import java.util.Set;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.user.Role;

/**
 * Who may act after results, checked on the command side from the user lookup (never from a read model): a centre
 * admin or coordinator of the attempt's centre applies, asks and appeals; an IMI admin decides. A user of another
 * centre is told the attempt is unknown, so that they learn nothing about it.
 */
public final class PostResultsPeople {

    private static final Set<Role> CENTRE_ROLES = Set.of(Role.CENTRE_ADMIN, Role.CENTRE_COORDINATOR);

    private PostResultsPeople() {}

    public static UserAccount centreUser(UserDirectory users, String userId, String attemptId, String centreId) {
        UserAccount user = users.findById(userId)
                .filter(UserAccount::active)
                .orElseThrow(() -> new RuleViolation("Only an active user can act on a result"));
        if (!centreId.equals(user.centreId())) {
            throw new UnknownRecord("No attempt " + attemptId + " at your centre");
        }
        if (user.roles().stream().noneMatch(CENTRE_ROLES::contains)) {
            throw new RuleViolation("Only a centre admin or coordinator of the candidate's centre can do this");
        }
        return user;
    }

    public static UserAccount imiAdmin(UserDirectory users, String userId) {
        return users.findById(userId)
                .filter(user ->
                        user.active() && user.centreId() == null && user.roles().contains(Role.IMI_ADMIN))
                .orElseThrow(() -> new RuleViolation("Only an active IMI admin can decide"));
    }
}
