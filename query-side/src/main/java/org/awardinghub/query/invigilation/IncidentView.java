package org.awardinghub.query.invigilation;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.invigilation.IncidentKind;
import org.awardinghub.query.DocumentMapper;

/**
 * An incident recorded in an examination room, as IMI, auditors and the centre's staff read it: the attempts it was
 * recorded against with their candidates (same order), what happened and when, who wrote it down and when.
 */
public record IncidentView(
        @DocumentMapper.Id String incidentId,
        String centreId,
        List<String> attemptIds,
        List<String> candidateIds,
        IncidentKind kind,
        String description,
        Instant occurredAt,
        String recordedByPin,
        Instant recordedAt) {}
