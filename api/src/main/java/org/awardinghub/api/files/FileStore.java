package org.awardinghub.api.files;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Uploaded files kept by their content (ePortfolio evidence, library documents): stored once under the SHA-256 of
 * their bytes, never overwritten with other bytes, never deleted. The hash goes into the event that uses the file, so
 * that anyone can later prove that the bytes served are the bytes that were judged. Files are records, like the
 * events, and are kept and backed up with them: no read model lives here, and no replay, reset or rebuild of the read
 * models touches them (ADR 0141).
 *
 * <p>Two implementations, chosen by {@value FileStoreConfiguration#PROPERTY}: a directory under the data directory
 * ({@link DirectoryFileStore}, the embedded default) and a table of the relational database ({@link
 * DatabaseFileStore}, with the {@code postgres} profile). Each checks on write that what it kept hashes to the
 * address, and never serves whole a content that no longer does.
 */
public interface FileStore {

    /** What was kept: the content's SHA-256 (64 lower-case hex digits) and its size in bytes. */
    record StoredContent(String sha256, long size) {}

    /** Kept content that no longer hashes to its address: a fault of the store, never served. */
    final class DamagedContent extends IllegalStateException {

        DamagedContent(String sha256, String where) {
            super("The content kept under " + sha256 + " " + where + " no longer hashes to it");
        }
    }

    /** Keeps the bytes under their hash, unless bytes with that hash are kept already; durable when it returns. */
    StoredContent store(byte[] bytes);

    /** Whether content is kept under the hash; false for anything that is not a SHA-256 in hex. */
    boolean exists(String sha256);

    /**
     * The bytes kept under the hash, to stream to a reader (close it after); empty when none are, or when the value is
     * not a SHA-256 in hex. Content that no longer hashes to its address fails the read with {@link DamagedContent}
     * (or, while streaming, an {@link java.io.IOException} at its end) and is never delivered whole.
     */
    Optional<InputStream> open(String sha256);

    /** Where the content is kept, for the log. */
    String describe();

    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** Whether the value can be an address: 64 lower-case hex digits, so never a path or anything else. */
    static boolean isAddress(String value) {
        return value != null && value.length() == 64 && value.matches("[0-9a-f]{64}");
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
