package org.awardinghub.command.portfolio;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The coordinator (or IMI) assigns the candidate's internal quality assurer. */
public record AssignIqa(String candidateId, String iqaUserId) {

    @TargetAggregateIdentifier
    public String portfolioId() {
        return Portfolio.idOf(candidateId);
    }
}
