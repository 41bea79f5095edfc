package org.awardinghub.events.assessment;

/**
 * IMI voided the attempt, for example for malpractice: it counts for nothing, neither toward certificate
 * eligibility nor against a re-sit. {@code previousStatus} and {@code voidedOutcome} (null when it had no result)
 * say what it was before.
 */
public record AttemptVoided(
        String attemptId,
        String candidateId,
        String centreId,
        String assessmentCode,
        AttemptStatus previousStatus,
        Outcome voidedOutcome,
        String reason) {}
