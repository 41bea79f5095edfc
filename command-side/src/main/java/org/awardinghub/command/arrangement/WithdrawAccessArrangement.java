package org.awardinghub.command.arrangement;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A centre admin or coordinator of the candidate's centre, or an IMI administrator, withdraws a pending or approved
 * arrangement of the candidate named, saying why.
 */
public record WithdrawAccessArrangement(
        @TargetAggregateIdentifier String arrangementId, String candidateId, String reason, String withdrawnByUserId)
        implements Reasoned {}
