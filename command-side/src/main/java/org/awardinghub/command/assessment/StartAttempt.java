package org.awardinghub.command.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The candidate starts the attempt with their registration number and the access key. The caller finds the
 * attempt through {@link AccessKeys#attemptFor}; the handler checks the key again and uses it up, in the same
 * transaction as the event. Answers {@link StartedAttempt}.
 */
public record StartAttempt(@TargetAggregateIdentifier String attemptId, String registrationNumber, String accessKey) {}
