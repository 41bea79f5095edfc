package org.awardinghub.command.arrangement;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An IMI administrator rejects a pending arrangement of the candidate named, with the reason the centre is shown. */
public record RejectAccessArrangement(
        @TargetAggregateIdentifier String arrangementId, String candidateId, String reason, String rejectedByUserId)
        implements Reasoned {}
