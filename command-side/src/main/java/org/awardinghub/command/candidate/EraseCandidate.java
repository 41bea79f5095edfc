package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * IMI erases the candidate's personal data, on {@code legalBasis} (the ground for erasure) for {@code reason}.
 * Refused while a legal hold stands, and for a candidate erased already.
 */
public record EraseCandidate(@TargetAggregateIdentifier String candidateId, String reason, String legalBasis)
        implements Reasoned {}
