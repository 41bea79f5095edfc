package org.awardinghub.command.library;

import org.awardinghub.events.library.LibraryDocumentKind;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Creates a library document with its first version; {@code qualificationCode} only for a qualification's kind. */
public record UploadLibraryDocument(
        @TargetAggregateIdentifier String documentId,
        String title,
        LibraryDocumentKind kind,
        String qualificationCode,
        LibraryFile file,
        String note,
        String uploadedByUserId,
        String uploadedByPin) {}
