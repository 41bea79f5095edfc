package org.awardinghub.command;

import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;

/**
 * The check of a command that names the version its sender saw ({@code @TargetAggregateVersion}, the API's
 * {@code If-Match}): any event after that version refuses it with {@link ConflictingAggregateVersionException}.
 * Called first in the handler, so that a stale command is refused as stale (412) before any rule of the record's
 * state is judged on a state its sender never saw. Axon would refuse it anyway when the unit of work prepares to
 * commit (a handler that declares no {@link ConflictResolver} leaves the conflict unresolved), but only after the
 * handler ran. A command without an expected version gets Axon's resolver that never objects.
 */
public final class ExpectedVersion {

    private ExpectedVersion() {}

    public static void check(ConflictResolver conflicts) {
        conflicts.detectConflicts(unseen -> !unseen.isEmpty(), ConflictingAggregateVersionException::new);
    }
}
