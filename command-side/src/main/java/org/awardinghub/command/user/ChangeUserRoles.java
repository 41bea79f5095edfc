package org.awardinghub.command.user;

import java.util.Set;
import org.awardinghub.command.Reasoned;
import org.awardinghub.events.user.Role;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeUserRoles(@TargetAggregateIdentifier String userId, Set<Role> roles, String reason)
        implements Reasoned {}
