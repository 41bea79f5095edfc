package org.awardinghub.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordSignOut(@TargetAggregateIdentifier String userId) {}
