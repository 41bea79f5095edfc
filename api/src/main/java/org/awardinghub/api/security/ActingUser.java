package org.awardinghub.api.security;

import java.util.Arrays;
import java.util.Set;
import org.awardinghub.events.user.Role;

/** The signed-in user a request acts for. {@code centreId} is null for IMI staff. */
public record ActingUser(String userId, String pin, String name, Set<Role> roles, String centreId) {

    public boolean hasAny(Role... wanted) {
        return Arrays.stream(wanted).anyMatch(roles::contains);
    }

    public boolean isImiStaff() {
        return centreId == null && roles.stream().anyMatch(Role::isImiStaff);
    }

    public boolean belongsTo(String centre) {
        return centreId != null && centreId.equals(centre);
    }
}
