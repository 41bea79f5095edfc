package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ReinstateCandidate(@TargetAggregateIdentifier String candidateId, String reason) implements Reasoned {}
