package org.awardinghub.command.user;

import java.util.Set;
import org.awardinghub.events.user.Role;

/**
 * A user as the sign-in code needs to see them: current, consistent with the user's events. {@code candidateId} is
 * the candidate of a CANDIDATE account, else null.
 */
public record UserAccount(
        String userId,
        String pin,
        String name,
        String email,
        Set<Role> roles,
        String centreId,
        boolean active,
        String candidateId) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }

    public UserAccount(
            String userId, String pin, String name, String email, Set<Role> roles, String centreId, boolean active) {
        this(userId, pin, name, email, roles, centreId, active, null);
    }
}
