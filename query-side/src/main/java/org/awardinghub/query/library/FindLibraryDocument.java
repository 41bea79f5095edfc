package org.awardinghub.query.library;

/** Answers a {@link LibraryDocumentView} with its versions' download counts, or null for an unknown document. */
public record FindLibraryDocument(String documentId) {}
