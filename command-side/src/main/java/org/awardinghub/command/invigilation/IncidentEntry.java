package org.awardinghub.command.invigilation;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.invigilation.IncidentKind;

/** An incident as the command side's {@link IncidentDirectory} knows it: where, what, when, and its attempts. */
public record IncidentEntry(
        String incidentId, String centreId, IncidentKind kind, Instant occurredAt, List<String> attemptIds) {}
