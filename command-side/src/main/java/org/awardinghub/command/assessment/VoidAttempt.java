package org.awardinghub.command.assessment;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IMI voids an attempt (opened, started or submitted), with a reason: it then counts for nothing. */
public record VoidAttempt(@TargetAggregateIdentifier String attemptId, String reason) implements Reasoned {}
