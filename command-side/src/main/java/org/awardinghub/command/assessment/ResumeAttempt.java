package org.awardinghub.command.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An invigilator of the attempt's centre resumes a paused attempt: its end moves by the time it stood paused.
 * Answers {@link AttemptClock}.
 */
public record ResumeAttempt(@TargetAggregateIdentifier String attemptId, String invigilatorUserId) {}
