package org.awardinghub.command.assessment;

import org.awardinghub.command.Reasoned;
import org.awardinghub.events.assessment.PauseKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An invigilator ({@code invigilatorUserId}, an active INVIGILATOR of the attempt's centre) pauses a running
 * attempt, saying what kind of pause and why. Answers {@link AttemptClock}.
 */
public record PauseAttempt(
        @TargetAggregateIdentifier String attemptId, PauseKind kind, String reason, String invigilatorUserId)
        implements Reasoned {}
