package org.awardinghub.command.centre;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record GrantDirectClaimStatus(
        @TargetAggregateIdentifier String centreId, String reason) implements Reasoned {}
