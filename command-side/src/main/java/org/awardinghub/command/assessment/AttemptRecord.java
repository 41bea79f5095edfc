package org.awardinghub.command.assessment;

import java.time.Instant;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;

/**
 * An attempt as its own aggregate holds it, for a post-results command deciding about it: read from the attempt's
 * events, never from a read model. {@code outcome} and {@code score} are the result now in force (null and 0 until
 * submitted).
 */
public record AttemptRecord(
        String attemptId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String assessmentCode,
        AttemptStatus status,
        Outcome outcome,
        int score,
        int maxScore,
        Instant submittedAt) {}
