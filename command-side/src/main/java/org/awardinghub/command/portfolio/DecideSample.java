package org.awardinghub.command.portfolio;

import org.awardinghub.events.portfolio.SampleDecision;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The candidate's IQA agrees with a sampled sign-off or sends the unit back, with feedback. */
public record DecideSample(
        String candidateId, String unitCode, SampleDecision decision, String feedback, String iqaUserId) {

    @TargetAggregateIdentifier
    public String portfolioId() {
        return Portfolio.idOf(candidateId);
    }
}
