package org.awardinghub.query.assessment;

/** A {@code Page<AttemptSummary>} of {@link ListCandidateAttempts}, in its order, cut from the one document read. */
public record PageCandidateAttempts(String candidateId, int page, int size) {}
