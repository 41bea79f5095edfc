package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** {@code byImi} when IMI staff withdraw, who alone may withdraw a certificated candidate. */
public record WithdrawCandidate(@TargetAggregateIdentifier String candidateId, String reason, boolean byImi)
        implements Reasoned {}
