package org.awardinghub.command.portfolio;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The coordinator (or IMI) assigns the candidate's assessor; {@code reason} is optional. */
public record AssignAssessor(String candidateId, String assessorUserId, String reason) {

    @TargetAggregateIdentifier
    public String portfolioId() {
        return Portfolio.idOf(candidateId);
    }
}
