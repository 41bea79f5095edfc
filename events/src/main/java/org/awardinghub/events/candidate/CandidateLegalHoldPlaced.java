package org.awardinghub.events.candidate;

/**
 * IMI placed a legal hold on the candidate's record (an investigation, an appeal, a claim at law): nothing about them
 * may be erased until it is lifted. {@code caseId} names the investigation case, when there is one; {@code legalBasis}
 * is the ground for keeping the record (for example UK GDPR Article 17(3)(e), legal claims).
 */
public record CandidateLegalHoldPlaced(
        String candidateId, String centreId, String caseId, String reason, String legalBasis) {}
