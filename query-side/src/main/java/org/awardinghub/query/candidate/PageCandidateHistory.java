package org.awardinghub.query.candidate;

/** A {@code Page<CandidateHistoryEntry>} of {@link FindCandidateHistory}, oldest first, cut from the one document. */
public record PageCandidateHistory(String candidateId, int page, int size) {}
