package org.awardinghub.command.user;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record DeactivateUser(@TargetAggregateIdentifier String userId, String reason) implements Reasoned {}
