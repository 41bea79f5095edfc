package org.awardinghub.query.library;

import org.awardinghub.events.library.LibraryDocumentKind;

/**
 * Answers a {@code Page<LibraryDocumentView>} in title order; {@code qualificationCode} and {@code kind}, when
 * given, narrow it to that qualification's documents and that kind.
 */
public record ListLibraryDocuments(String qualificationCode, LibraryDocumentKind kind, int page, int size) {}
