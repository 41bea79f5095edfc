package org.awardinghub.events.assessment;

import java.time.Instant;

/** The access key lapsed before the candidate started: the attempt is closed, with no result. */
public record AttemptKeyExpired(
        String attemptId, String candidateId, String centreId, String assessmentCode, Instant expiredAt) {}
