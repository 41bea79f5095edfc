package org.awardinghub.command.assessment;

import java.time.Instant;

/** What opening an attempt answers: the one-time access key in clear, the only time it is ever seen. */
public record OpenedAttempt(String attemptId, String accessKey, Instant validUntil) {}
