package org.awardinghub.command.user;

import java.util.Set;
import org.awardinghub.events.user.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Answers the PIN issued. {@code centreId} is null for IMI staff. {@code candidateId} is set only for a candidate's
 * own account (roles exactly CANDIDATE), null for staff.
 */
public record CreateUser(
        @TargetAggregateIdentifier String userId,
        String name,
        String email,
        Set<Role> roles,
        String centreId,
        String candidateId) {

    public CreateUser(String userId, String name, String email, Set<Role> roles, String centreId) {
        this(userId, name, email, roles, centreId, null);
    }
}
