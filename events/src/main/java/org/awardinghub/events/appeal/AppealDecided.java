package org.awardinghub.events.appeal;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.assessment.Outcome;

/**
 * IMI decided an appeal. UPHELD: {@code outcome} and {@code score} are the corrected result (the attempt records
 * {@code AttemptOutcomeChanged} in the same transaction); DISMISSED: they are the result that stands.
 */
@DataSubject("candidateId")
public record AppealDecided(
        String enquiryId,
        String attemptId,
        String candidateId,
        String centreId,
        AppealDecision decision,
        Outcome previousOutcome,
        Outcome outcome,
        int previousScore,
        int score,
        @PersonalData String reason,
        String decidedByUserId,
        String decidedByPin,
        Instant decidedAt) {}
