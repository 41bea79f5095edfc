package org.awardinghub.events.library;

import java.time.Instant;

/**
 * A version of a library document was uploaded; version 1 creates the document. The file itself is kept by its
 * content (SHA-256 {@code sha256}); title, kind and qualification are the document's as of this version.
 * {@code qualificationCode} is null for a key document.
 */
public record LibraryDocumentVersionUploaded(
        String documentId,
        int version,
        String title,
        LibraryDocumentKind kind,
        String qualificationCode,
        String fileName,
        String mediaType,
        long size,
        String sha256,
        String note,
        String uploadedByUserId,
        String uploadedByPin,
        Instant uploadedAt) {}
