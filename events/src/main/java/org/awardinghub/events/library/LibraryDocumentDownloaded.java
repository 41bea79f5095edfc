package org.awardinghub.events.library;

import java.time.Instant;

/**
 * Someone downloaded a version of a library document. Published as an event of no aggregate, so that downloads
 * never lengthen the document's own stream; {@code centreId} is the downloader's centre, null for IMI staff.
 */
public record LibraryDocumentDownloaded(
        String documentId,
        int version,
        String sha256,
        String userId,
        String pin,
        String centreId,
        Instant downloadedAt) {}
