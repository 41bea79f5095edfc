package org.awardinghub.command.user;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RecordPasswordResetRequest(
        @TargetAggregateIdentifier String userId) {}
