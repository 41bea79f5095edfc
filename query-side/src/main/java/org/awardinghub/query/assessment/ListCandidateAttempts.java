package org.awardinghub.query.assessment;

/** Every attempt of one candidate, oldest first ({@link AttemptSummary}s); empty when there are none. */
public record ListCandidateAttempts(String candidateId) {
}
