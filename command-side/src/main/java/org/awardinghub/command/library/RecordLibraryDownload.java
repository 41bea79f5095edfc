package org.awardinghub.command.library;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a user downloaded a version of a library document; {@code centreId} null for IMI staff. */
public record RecordLibraryDownload(
        @TargetAggregateIdentifier String documentId, int version, String userId, String pin, String centreId) {}
