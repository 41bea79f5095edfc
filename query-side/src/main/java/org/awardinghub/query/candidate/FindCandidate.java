package org.awardinghub.query.candidate;

/** Answers a {@link CandidateView}, or null. */
public record FindCandidate(String candidateId) {}
