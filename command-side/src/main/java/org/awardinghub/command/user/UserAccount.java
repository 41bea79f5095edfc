package org.awardinghub.command.user;

import java.util.Set;
import org.awardinghub.events.user.Role;

/** A user as the sign-in code needs to see them: current, consistent with the user's events. */
public record UserAccount(String userId, String pin, String name, String email, Set<Role> roles, String centreId,
                          boolean active) {

    public UserAccount {
        roles = Set.copyOf(roles);
    }
}
