package org.awardinghub.events.consideration;

import java.time.Instant;

/**
 * A centre applied for special consideration for a candidate affected at a sitting. {@code incidentId} (optional)
 * names an incident recorded in the room; {@code evidenceFileId} (optional) a file in the file store.
 */
public record SpecialConsiderationApplied(
        String considerationId,
        String attemptId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String assessmentCode,
        Circumstance circumstance,
        String incidentId,
        String description,
        String evidenceFileId,
        String appliedByUserId,
        String appliedByPin,
        Instant appliedAt) {}
