package org.awardinghub.command.arrangement;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An IMI administrator approves a pending arrangement of the candidate named, with the reason. */
public record ApproveAccessArrangement(
        @TargetAggregateIdentifier String arrangementId, String candidateId, String reason, String approvedByUserId)
        implements Reasoned {}
