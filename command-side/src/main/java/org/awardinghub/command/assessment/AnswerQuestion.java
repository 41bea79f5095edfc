package org.awardinghub.command.assessment;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The candidate chooses {@code optionId} (a letter on the form) for {@code questionId} (Q1, Q2, ...). */
public record AnswerQuestion(@TargetAggregateIdentifier String attemptId, String questionId, String optionId) {}
