package org.awardinghub.command.invigilation;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.invigilation.IncidentKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An invigilator ({@code invigilatorUserId}, an active INVIGILATOR) records an incident against one or more
 * attempts at their centre: one attempt, or every attempt of a sitting that it touched.
 */
public record RecordIncident(
        @TargetAggregateIdentifier String incidentId,
        List<String> attemptIds,
        IncidentKind kind,
        String description,
        Instant occurredAt,
        String invigilatorUserId) {}
