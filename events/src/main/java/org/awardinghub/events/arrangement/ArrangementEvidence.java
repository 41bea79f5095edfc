package org.awardinghub.events.arrangement;

/**
 * The evidence file a centre attached to a request (an assessor's report, a letter from a specialist): the bytes
 * are kept by their SHA-256 in the file store, and the hash here is what proves later which file IMI decided on.
 * The media type was told by the content, never by the name.
 */
public record ArrangementEvidence(String fileName, String mediaType, long size, String sha256) {}
