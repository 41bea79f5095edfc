package org.awardinghub.command.user;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AmendUserDetails(@TargetAggregateIdentifier String userId, String name, String email, String reason)
        implements Reasoned {}
