package org.awardinghub.command.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The candidate submits: the attempt is marked at once. Answers {@link AttemptResult}. */
public record SubmitAttempt(@TargetAggregateIdentifier String attemptId) {}
