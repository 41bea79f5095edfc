package org.awardinghub.api.security;

import java.util.Arrays;
import java.util.Set;
import org.awardinghub.events.user.Role;

/**
 * The signed-in user a request acts for. {@code centreId} is null for IMI staff; {@code candidateId} names the
 * candidate of a CANDIDATE account, else null.
 */
public record ActingUser(String userId, String pin, String name, Set<Role> roles, String centreId, String candidateId) {

    public ActingUser(String userId, String pin, String name, Set<Role> roles, String centreId) {
        this(userId, pin, name, roles, centreId, null);
    }

    /** A candidate's own account: it opens nothing but that candidate's ePortfolio. */
    public boolean isCandidateAccount() {
        return roles.contains(Role.CANDIDATE);
    }

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
