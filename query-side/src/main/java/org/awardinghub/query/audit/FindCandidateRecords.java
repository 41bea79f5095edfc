package org.awardinghub.query.audit;

/**
 * The records whose events name the candidate ({@code candidateId} in the payload): their own record, their
 * attempts, claims, access arrangements, applications for special consideration, enquiries, portfolio and account.
 * Answers {@link CandidateRecord}s, in the order their first such event was logged.
 */
public record FindCandidateRecords(String candidateId) {}
