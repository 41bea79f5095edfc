package org.awardinghub.command.portfolio;

import java.util.List;
import org.awardinghub.events.portfolio.EvidenceJudged;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The candidate's assessor judges the latest version of a piece of evidence ({@code version}, when given, must be
 * it) against criteria of its unit.
 */
public record JudgeEvidence(
        String candidateId,
        String evidenceId,
        Integer version,
        List<EvidenceJudged.CriterionJudgement> criteria,
        String feedback,
        String assessorUserId) {

    @TargetAggregateIdentifier
    public String portfolioId() {
        return Portfolio.idOf(candidateId);
    }
}
