package org.awardinghub.command.user;

import java.util.Set;
import org.awardinghub.events.user.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Answers the PIN issued. {@code centreId} is null for IMI staff. */
public record CreateUser(@TargetAggregateIdentifier String userId, String name, String email, Set<Role> roles,
                         String centreId) {
}
