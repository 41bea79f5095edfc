package org.awardinghub.query.portal;

/** Answers a {@link CandidateView}, or null. */
public record FindCandidate(String candidateId) {
}
