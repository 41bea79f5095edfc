package org.awardinghub.events.candidate;

import java.time.LocalDate;

/**
 * IMI decided to keep the candidate's record beyond its retention period, until {@code keepUntil}, on
 * {@code legalBasis} (for example a legal obligation, or a claim in progress) for {@code reason}.
 */
public record CandidateRetentionExtended(
        String candidateId, String centreId, LocalDate keepUntil, String reason, String legalBasis) {}
