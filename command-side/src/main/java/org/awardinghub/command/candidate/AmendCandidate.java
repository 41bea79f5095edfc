package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * {@code value} as the API received it: a name, an ISO date, a ULN (blank removes it) or a qualification code.
 * {@code byImi} when IMI staff amend, who alone may amend a certificated candidate. {@code expectedVersion}, when
 * given, is the version the amender saw: Axon refuses the command if the candidate has changed since.
 */
public record AmendCandidate(
        @TargetAggregateIdentifier String candidateId,
        CandidateField field,
        String value,
        String reason,
        boolean byImi,
        @TargetAggregateVersion Long expectedVersion)
        implements Reasoned {

    /** Whatever the candidate's version: the last write wins. */
    public AmendCandidate(String candidateId, CandidateField field, String value, String reason, boolean byImi) {
        this(candidateId, field, value, reason, byImi, null);
    }
}
