package org.awardinghub.command.consideration;

import org.awardinghub.command.Reasoned;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IMI decides an application for special consideration, with the reason. */
public record DecideSpecialConsideration(
        @TargetAggregateIdentifier String considerationId,
        ConsiderationDecision decision,
        String reason,
        String decidedByUserId)
        implements Reasoned {}
