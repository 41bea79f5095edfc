package org.awardinghub.command.user;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.events.user.Role;

/** IMI staff belong to no centre, and centre staff never hold an IMI staff role. */
final class PermittedRoles {

    private PermittedRoles() {}

    /** The roles, if a user of {@code centreId} (null: IMI staff) may hold them; refused on field {@code roles}. */
    static Set<Role> checked(Set<Role> roles, String centreId) {
        if (roles == null || roles.isEmpty()) {
            throw new InvalidCommand("roles", "at least one role is required");
        }
        // not roles.contains(null): immutable sets throw on that question
        if (roles.stream().anyMatch(Objects::isNull)) {
            throw new InvalidCommand("roles", "roles must not contain an empty value");
        }
        Set<Role> checked = EnumSet.copyOf(roles);
        if (centreId == null && !Role.IMI_STAFF.containsAll(checked)) {
            throw new InvalidCommand(
                    "roles", "a user without a centre is IMI staff and may hold only " + Role.IMI_STAFF);
        }
        if (checked.contains(Role.CANDIDATE)) {
            throw new InvalidCommand(
                    "roles",
                    "CANDIDATE is held only by a candidate's own account, created for the"
                            + " candidate (POST /api/candidates/{candidateId}/account)");
        }
        if (centreId != null && checked.stream().anyMatch(Role::isImiStaff)) {
            throw new InvalidCommand("roles", "a centre's user may not hold " + Role.IMI_STAFF);
        }
        return Collections.unmodifiableSet(checked);
    }
}
