package org.awardinghub.command.portfolio;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The candidate's assessor signs a unit off; answers whether it was sampled for the IQA. */
public record SignOffUnit(String candidateId, String unitCode, String assessorUserId) {

    @TargetAggregateIdentifier
    public String portfolioId() {
        return Portfolio.idOf(candidateId);
    }
}
