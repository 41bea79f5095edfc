package org.awardinghub.events.invigilation;

import java.time.Instant;
import java.util.List;

/**
 * An invigilator recorded an incident in the room against one attempt or several (a sitting) at their centre:
 * what happened ({@code kind}, {@code description}), when it happened ({@code occurredAt}) and when it was written
 * down ({@code recordedAt}), by whom. {@code attemptIds} and {@code candidateIds} are in the same order, one
 * candidate per attempt. A special consideration refers to the incident by its id.
 */
public record IncidentRecorded(
        String incidentId,
        String centreId,
        List<String> attemptIds,
        List<String> candidateIds,
        IncidentKind kind,
        String description,
        Instant occurredAt,
        String recordedByUserId,
        String recordedByPin,
        Instant recordedAt) {}
