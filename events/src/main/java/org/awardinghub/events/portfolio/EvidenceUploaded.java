package org.awardinghub.events.portfolio;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * A file went into the candidate's portfolio against one unit and some of its criteria. The bytes are kept by
 * their SHA-256 in the file store; the hash here is what proves later that the file judged is the
 * file uploaded. {@code version} is 1 for new evidence and counts up when a file replaces it: nothing is
 * overwritten.
 */
@DataSubject("candidateId")
public record EvidenceUploaded(
        String candidateId,
        String centreId,
        String qualificationCode,
        String evidenceId,
        int version,
        String unitCode,
        List<String> criteria,
        @PersonalData String description,
        @PersonalData String fileName,
        String mediaType,
        long size,
        @PersonalData String sha256,
        String uploadedByUserId,
        String uploadedByPin,
        UploadedBy uploadedBy,
        Instant uploadedAt) {}
