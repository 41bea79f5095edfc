package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * {@code value} as the API received it: a name, an ISO date, a ULN (blank removes it) or a qualification code.
 * {@code byImi} when IMI staff amend, who alone may amend a certificated candidate.
 */
public record AmendCandidate(
        @TargetAggregateIdentifier String candidateId, CandidateField field, String value, String reason, boolean byImi)
        implements Reasoned {}
