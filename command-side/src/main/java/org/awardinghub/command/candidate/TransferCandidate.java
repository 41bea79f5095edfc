package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** {@code expectedVersion}, when given, is the version the sender saw: refused if the candidate changed since. */
public record TransferCandidate(
        @TargetAggregateIdentifier String candidateId,
        String toCentreId,
        String reason,
        @TargetAggregateVersion Long expectedVersion)
        implements Reasoned {

    /** Whatever the candidate's version. */
    public TransferCandidate(String candidateId, String toCentreId, String reason) {
        this(candidateId, toCentreId, reason, null);
    }
}
