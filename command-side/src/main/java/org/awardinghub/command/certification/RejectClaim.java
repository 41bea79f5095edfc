package org.awardinghub.command.certification;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IMI rejects a waiting claim, with a reason. */
public record RejectClaim(@TargetAggregateIdentifier String claimId, String reason) implements Reasoned {}
