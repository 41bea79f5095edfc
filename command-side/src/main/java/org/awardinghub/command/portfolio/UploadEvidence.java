package org.awardinghub.command.portfolio;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A file (already kept in the file store by its SHA-256) goes into the portfolio against a unit and criteria,
 * uploaded by the candidate's own account or their assessor; {@code replaces} names the evidence it is a new
 * version of (null: new evidence with id {@code evidenceId}). Answers the {@link EvidenceVersion}.
 */
public record UploadEvidence(
        String candidateId,
        String evidenceId,
        String replaces,
        String unitCode,
        List<String> criteria,
        String description,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        String uploadedByUserId) {

    @TargetAggregateIdentifier
    public String portfolioId() {
        return Portfolio.idOf(candidateId);
    }
}
