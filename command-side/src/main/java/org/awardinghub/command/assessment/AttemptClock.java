package org.awardinghub.command.assessment;

import java.time.Instant;

/**
 * Where a running attempt's clock stands after a pause or a resume: {@code pausedAt} is set while it is paused;
 * {@code endsAt} is the end the time limit holds to once it runs again.
 */
public record AttemptClock(String attemptId, boolean paused, Instant pausedAt, Instant endsAt) {}
