package org.awardinghub.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordSignIn(@TargetAggregateIdentifier String userId) {}
