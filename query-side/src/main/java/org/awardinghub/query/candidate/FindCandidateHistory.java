package org.awardinghub.query.candidate;

/** Answers a {@code List<CandidateHistoryEntry>}, oldest first; empty for an unknown candidate. */
public record FindCandidateHistory(String candidateId) {}
