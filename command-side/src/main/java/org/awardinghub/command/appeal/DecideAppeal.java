package org.awardinghub.command.appeal;

import org.awardinghub.command.Reasoned;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.assessment.Outcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * IMI decides an appeal, with the reason. UPHELD gives the corrected {@code outcome} and {@code score} (out of the
 * attempt's maximum); DISMISSED gives neither.
 */
public record DecideAppeal(
        @TargetAggregateIdentifier String enquiryId,
        AppealDecision decision,
        Outcome outcome,
        Integer score,
        String reason,
        String decidedByUserId)
        implements Reasoned {}
