package org.awardinghub.command.assessment;

import java.time.Instant;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;

/**
 * An attempt as the command side's {@link AttemptDirectory} knows it, current within the transaction that changed
 * it. {@code outcome} is null until marked; a voided attempt keeps the outcome it had, with status VOIDED.
 */
public record AttemptEntry(
        String attemptId,
        String candidateId,
        String centreId,
        String assessmentCode,
        AttemptStatus status,
        Outcome outcome,
        Instant submittedAt) {}
