package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record TransferCandidate(@TargetAggregateIdentifier String candidateId, String toCentreId, String reason)
        implements Reasoned {}
