package org.awardinghub.events.consideration;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * A centre applied for special consideration for a candidate affected at a sitting. {@code incidentId} (optional)
 * names an incident recorded in the room; {@code evidence} (optional) a file in the
 * file store, by the hash of its content.
 */
@DataSubject("candidateId")
public record SpecialConsiderationApplied(
        String considerationId,
        String attemptId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String assessmentCode,
        Circumstance circumstance,
        String incidentId,
        @PersonalData String description,
        @PersonalData Evidence evidence,
        String appliedByUserId,
        String appliedByPin,
        Instant appliedAt) {

    /** A file the centre sent with the application: its name, type, size and the SHA-256 of its bytes. */
    public record Evidence(String fileName, String mediaType, long size, String sha256) {}
}
