package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IMI keeps the candidate's record until {@code keepUntil} (an ISO date), on {@code legalBasis}, for {@code reason}. */
public record ExtendRetention(
        @TargetAggregateIdentifier String candidateId, String keepUntil, String reason, String legalBasis)
        implements Reasoned {}
