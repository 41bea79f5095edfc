package org.awardinghub.query.library;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.library.LibraryDocumentKind;

/**
 * A library document with every version, oldest first. {@code downloads} (per version) is counted for one
 * document's view only; in a list it is null.
 */
public record LibraryDocumentView(
        String documentId,
        String title,
        LibraryDocumentKind kind,
        String qualificationCode,
        int currentVersion,
        Instant createdAt,
        Instant updatedAt,
        List<Version> versions) {

    public record Version(
            int version,
            String fileName,
            String mediaType,
            long size,
            String sha256,
            String note,
            String uploadedByPin,
            Instant uploadedAt,
            Long downloads) {}
}
