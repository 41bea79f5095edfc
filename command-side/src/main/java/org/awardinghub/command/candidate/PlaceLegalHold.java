package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * IMI holds the candidate's record against erasure, on {@code legalBasis}; {@code caseId}, when given, names the
 * investigation case.
 */
public record PlaceLegalHold(
        @TargetAggregateIdentifier String candidateId, String caseId, String reason, String legalBasis)
        implements Reasoned {}
