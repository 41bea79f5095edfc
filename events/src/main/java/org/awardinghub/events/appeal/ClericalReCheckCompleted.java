package org.awardinghub.events.appeal;

import java.time.Instant;
import org.awardinghub.events.assessment.Outcome;

/**
 * Stage 1 of an enquiry: the submitted answers were marked again against the answer key in force when the attempt
 * was taken, and the attempt's own pass mark. CHANGED when the score differs from the recorded one.
 */
public record ClericalReCheckCompleted(
        String enquiryId,
        String attemptId,
        String candidateId,
        String centreId,
        ReCheckOutcome result,
        Outcome previousOutcome,
        Outcome outcome,
        int previousScore,
        int score,
        int maxScore,
        double percent,
        Instant completedAt) {}
