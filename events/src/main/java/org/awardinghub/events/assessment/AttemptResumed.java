package org.awardinghub.events.assessment;

import java.time.Instant;

/**
 * The invigilator resumed a paused attempt: the candidate's end moves by the time the attempt stood paused
 * ({@code pausedMillis}) to {@code endsAt}, the new end, which the time limit now holds to.
 */
public record AttemptResumed(
        String attemptId,
        String candidateId,
        String centreId,
        String byUserId,
        String byPin,
        Instant resumedAt,
        long pausedMillis,
        Instant endsAt) {}
