package org.awardinghub.events.assessment;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * IMI voided the attempt, for example for malpractice: it counts for nothing, neither toward certificate
 * eligibility nor against a re-sit. {@code previousStatus} and {@code voidedOutcome} (null when it had no result)
 * say what it was before.
 */
@DataSubject("candidateId")
public record AttemptVoided(
        String attemptId,
        String candidateId,
        String centreId,
        String assessmentCode,
        AttemptStatus previousStatus,
        Outcome voidedOutcome,
        @PersonalData String reason) {}
