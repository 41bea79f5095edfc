package org.awardinghub.command.consideration;

import org.awardinghub.events.consideration.Circumstance;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A centre admin or coordinator applies for special consideration for a candidate's submitted attempt. */
public record ApplyForSpecialConsideration(
        @TargetAggregateIdentifier String considerationId,
        String attemptId,
        Circumstance circumstance,
        String incidentId,
        String description,
        SpecialConsiderationApplied.Evidence evidence,
        String appliedByUserId) {}
