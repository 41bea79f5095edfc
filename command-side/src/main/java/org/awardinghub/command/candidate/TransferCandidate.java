package org.awardinghub.command.candidate;

import org.awardinghub.command.Reasoned;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A candidate moves to another centre, named either by its id ({@code toCentreId}) or by the centre number people
 * know ({@code toCentreNumber}): exactly one of them. The number is resolved on the command side, from the centres'
 * lookup table, in the command's own transaction.
 */
public record TransferCandidate(
        @TargetAggregateIdentifier String candidateId, String toCentreId, String toCentreNumber, String reason)
        implements Reasoned {

    /** To the centre with this id. */
    public TransferCandidate(String candidateId, String toCentreId, String reason) {
        this(candidateId, toCentreId, null, reason);
    }
}
