package org.awardinghub.command.invigilation;

import java.util.List;
import java.util.Optional;

/**
 * What the command side knows of every incident recorded in a room, current within the transaction that recorded
 * it: a special consideration that names an incident is checked here (same centre, same attempt), never against a
 * read model. Read-only: kept from the events by {@link IncidentDirectoryTable}.
 */
public interface IncidentDirectory {

    Optional<IncidentEntry> find(String incidentId);

    /** The incidents recorded against the attempt, by id. */
    List<String> incidentsOf(String attemptId);
}
