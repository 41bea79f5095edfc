package org.awardinghub.query.assessment;

import java.time.Instant;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;

/**
 * One attempt in a list, and one entry of a candidate's results: score fields are null until marked. A voided
 * attempt keeps its result but says {@code voided}, with the reason: it no longer counts.
 */
public record AttemptSummary(
        String attemptId,
        String candidateId,
        String registrationNumber,
        String centreId,
        String assessmentCode,
        int attemptNumber,
        AttemptStatus status,
        Instant openedAt,
        Instant startedAt,
        Instant submittedAt,
        Integer score,
        Integer maxScore,
        Double percent,
        Outcome outcome,
        boolean voided,
        String voidReason) {}
