package org.awardinghub.query.files;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Files kept by their content: stored once under the SHA-256 of their bytes, in GridFS in the read store (bucket
 * {@value #BUCKET}), never overwritten or deleted. The hash goes into the event that uses the file (evidence, a
 * library document), so anyone can later prove that the bytes served are the bytes that were judged: they hash to
 * the value the event recorded. Storing the same bytes twice stores them once. The store is not a read model: a
 * replay never empties it.
 */
@Component
public class ContentStore {

    public static final String BUCKET = "content";
    private static final int CHUNK_BYTES = 255 * 1024;

    /** What was stored: the content's SHA-256 (64 lower-case hex digits) and its size in bytes. */
    public record StoredContent(String sha256, long size) {}

    private final GridFSBucket bucket;

    public ContentStore(MongoDatabase database) {
        this.bucket = GridFSBuckets.create(database, BUCKET).withChunkSizeBytes(CHUNK_BYTES);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Keeps the bytes under their hash, unless bytes with that hash are kept already. */
    public StoredContent store(byte[] bytes) {
        String hash = sha256(bytes);
        if (!exists(hash)) {
            bucket.uploadFromStream(
                    hash,
                    new ByteArrayInputStream(bytes),
                    new GridFSUploadOptions().metadata(new Document("size", (long) bytes.length)));
        }
        return new StoredContent(hash, bytes.length);
    }

    public boolean exists(String sha256) {
        return bucket.find(Filters.eq("filename", sha256)).first() != null;
    }

    /** The bytes kept under the hash, to stream to a reader (close it after); empty when none are. */
    public Optional<InputStream> open(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}") || !exists(sha256)) {
            return Optional.empty();
        }
        return Optional.of(bucket.openDownloadStream(sha256));
    }
}
