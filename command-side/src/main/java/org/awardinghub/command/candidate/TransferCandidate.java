package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/**
 * A candidate moves to another centre, named either by its id ({@code toCentreId}) or by the centre number people
 * know ({@code toCentreNumber}): exactly one of them. The number is resolved on the command side, from the centres'
 * lookup table, in the command's own transaction. {@code expectedVersion}, when given, is the version the sender saw:
 * refused if the candidate changed since.
 */
public record TransferCandidate(
        @TargetAggregateIdentifier String candidateId,
        String toCentreId,
        String toCentreNumber,
        String reason,
        @TargetAggregateVersion Long expectedVersion)
        implements Reasoned {

    /** What the transfer did: the receiving centre's id and the candidate's version after it. */
    public record Done(String toCentreId, long version) {}

    /** To the centre with this id, whatever the candidate's version. */
    public TransferCandidate(String candidateId, String toCentreId, String reason) {
        this(candidateId, toCentreId, null, reason, null);
    }
}
