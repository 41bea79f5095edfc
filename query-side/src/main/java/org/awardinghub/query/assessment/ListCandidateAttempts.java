package org.awardinghub.query.assessment;

/**
 * Every attempt of one candidate, oldest opened first ({@link AttemptSummary}s), voided ones included and marked so;
 * empty when there are none. One key lookup, whatever the number of attempts stored.
 */
public record ListCandidateAttempts(String candidateId) {}
