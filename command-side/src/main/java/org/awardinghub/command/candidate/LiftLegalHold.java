package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IMI lifts the legal hold on the candidate's record. */
public record LiftLegalHold(@TargetAggregateIdentifier String candidateId, String reason) implements Reasoned {}
