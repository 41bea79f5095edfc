package org.awardinghub.command.library;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds the next version of a library document; answers its number (2, 3, ...). */
public record UploadLibraryDocumentVersion(
        @TargetAggregateIdentifier String documentId,
        LibraryFile file,
        String note,
        String uploadedByUserId,
        String uploadedByPin) {}
