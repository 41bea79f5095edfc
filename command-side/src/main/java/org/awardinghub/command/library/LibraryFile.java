package org.awardinghub.command.library;

/** The file of an uploaded version, as the API stored it by content: its name, type told by content, size, hash. */
public record LibraryFile(String fileName, String mediaType, long size, String sha256) {}
