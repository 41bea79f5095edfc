package org.awardinghub.command.assessment;

import org.awardinghub.command.Reasoned;
import org.awardinghub.events.assessment.Outcome;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Corrects a submitted attempt's result after the enquiry {@code enquiryId}: a clerical re-check that found a
 * marking error, or an appeal IMI upheld. {@code score} is out of the attempt's own maximum.
 */
public record ChangeAttemptOutcome(
        @TargetAggregateIdentifier String attemptId, String enquiryId, Outcome outcome, int score, String reason)
        implements Reasoned {}
