package org.awardinghub.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordSignInFailure(@TargetAggregateIdentifier String userId, int failuresInARow) {}
