package org.awardinghub.api.files;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBucket;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.GridFSDownloadStream;
import com.mongodb.client.gridfs.model.GridFSFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * The one-time move of an older installation's files into the {@link FileStore}: releases before ADR 0141 kept them
 * in the read store, in GridFS (bucket {@value #BUCKET}, each file named by its SHA-256), where a rebuild of the read
 * models could lose them. At start-up, before the web server or any event processor runs, each file found there and
 * not yet in the file store is read, hashed (it must hash to its name) and stored; once every file of the bucket is in
 * the file store, the bucket is dropped, so that later starts find nothing to do and the read store holds read models
 * only. A file that does not hash to its name is logged and left, with the bucket, for an operator to see to; a file
 * store that cannot keep a file stops the start, as it could not keep an upload.
 *
 * <p>Kept only for upgrades: a release after every installation has started once with this one can remove it.
 */
@Component
class ReadStoreFilesCopy implements SmartInitializingSingleton {

    static final String BUCKET = "content";
    private static final Logger LOG = LoggerFactory.getLogger(ReadStoreFilesCopy.class);

    /** What a run did: files copied, files already in the store, files left in GridFS, whether it was dropped. */
    record Outcome(int copied, int present, List<String> left, boolean dropped) {}

    private final MongoDatabase readStore;
    private final FileStore files;

    ReadStoreFilesCopy(MongoDatabase readStore, FileStore files) {
        this.readStore = readStore;
        this.files = files;
    }

    @Override
    public void afterSingletonsInstantiated() {
        copy();
    }

    Outcome copy() {
        if (!readStore.listCollectionNames().into(new ArrayList<>()).contains(BUCKET + ".files")) {
            return new Outcome(0, 0, List.of(), false);
        }
        GridFSBucket bucket = GridFSBuckets.create(readStore, BUCKET);
        int copied = 0;
        int present = 0;
        List<String> left = new ArrayList<>();
        try {
            for (GridFSFile file : bucket.find()) {
                String sha256 = file.getFilename();
                if (files.exists(sha256)) {
                    present++;
                } else if (copied(bucket, file, sha256)) {
                    copied++;
                } else {
                    left.add(sha256);
                }
            }
        } catch (MongoException e) {
            // another node that copied everything may have dropped the bucket under this one's cursor
            LOG.warn(
                    "The read store's GridFS bucket '{}' could not be read to its end ({}); after {} file(s) copied,"
                            + " the copy runs again at the next start",
                    BUCKET,
                    e.toString(),
                    copied);
            return new Outcome(copied, present, List.copyOf(left), false);
        }
        boolean dropped = left.isEmpty();
        if (dropped) {
            bucket.drop();
        }
        if (copied > 0 || !left.isEmpty()) {
            LOG.info(
                    "Copied {} uploaded file(s) from the read store (GridFS bucket '{}') to {}; {} were there already",
                    copied,
                    BUCKET,
                    files.describe(),
                    present);
        }
        if (dropped) {
            LOG.info(
                    "Every uploaded file is in {}: dropped the read store's GridFS bucket '{}'",
                    files.describe(),
                    BUCKET);
        } else {
            LOG.error(
                    "{} file(s) in the read store's GridFS bucket '{}' could not be copied and are still only"
                            + " there: {}. The bucket is kept; restore them from a backup (see docs/operations.md)",
                    left.size(),
                    BUCKET,
                    left);
        }
        return new Outcome(copied, present, List.copyOf(left), dropped);
    }

    private boolean copied(GridFSBucket bucket, GridFSFile file, String sha256) {
        if (!FileStore.isAddress(sha256)) {
            LOG.error(
                    "A file in the GridFS bucket '{}' is named '{}', which is no SHA-256: not copied", BUCKET, sha256);
            return false;
        }
        byte[] bytes;
        try (GridFSDownloadStream in = bucket.openDownloadStream(file.getObjectId())) {
            bytes = in.readAllBytes();
        } catch (MongoException | IOException e) {
            // another node may have copied it and dropped the bucket meanwhile
            return files.exists(sha256) || failed(sha256, e.toString());
        }
        String read = FileStore.sha256(bytes);
        if (!read.equals(sha256)) {
            return failed(sha256, "its bytes hash to " + read);
        }
        files.store(bytes); // a store that cannot keep it stops the start, as it could not keep an upload
        return true;
    }

    private static boolean failed(String sha256, String why) {
        LOG.error("The file {} in the read store's GridFS bucket '{}' was not copied: {}", sha256, BUCKET, why);
        return false;
    }
}
