package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * {@code byImi} when IMI staff withdraw, who alone may withdraw a certificated candidate. {@code expectedVersion},
 * when given, is the version the sender saw: refused if the candidate changed since.
 */
public record WithdrawCandidate(
        @TargetAggregateIdentifier String candidateId,
        String reason,
        boolean byImi,
        @TargetAggregateVersion Long expectedVersion)
        implements Reasoned {

    /** Whatever the candidate's version. */
    public WithdrawCandidate(String candidateId, String reason, boolean byImi) {
        this(candidateId, reason, byImi, null);
    }
}
