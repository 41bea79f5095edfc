package org.awardinghub.command.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An invigilator ({@code invigilatorUserId}, an active INVIGILATOR of the candidate's centre) opens an attempt for a
 * candidate on one assessment of the candidate's qualification. Answers {@link OpenedAttempt}, with the access key.
 */
public record OpenAttempt(
        @TargetAggregateIdentifier String attemptId,
        String candidateId,
        String assessmentCode,
        String invigilatorUserId) {}
