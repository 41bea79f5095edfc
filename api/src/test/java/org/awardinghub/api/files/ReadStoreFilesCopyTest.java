package org.awardinghub.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.gridfs.GridFSBuckets;
import com.mongodb.client.gridfs.model.GridFSUploadOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An installation upgraded from a release that kept files in the read store (GridFS bucket {@code content}, each file
 * named by its SHA-256): at start-up they are copied to the file store, checked by their hash, and the bucket dropped
 * once every file is across.
 */
class ReadStoreFilesCopyTest {

    @TempDir
    Path dataDir;

    private MongoServer server;
    private MongoClient client;
    private MongoDatabase readStore;
    private FileStore files;
    private ReadStoreFilesCopy copy;

    @BeforeEach
    void start() {
        server = new MongoServer(H2Backend.inMemory());
        var address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        readStore = client.getDatabase("awarding");
        files = new DirectoryFileStore(dataDir.resolve("files"));
        copy = new ReadStoreFilesCopy(readStore, files);
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    /** As the earlier release's content store kept a file: named by the hash, with its size, in chunks of 255 KiB. */
    static void keptTheOldWay(MongoDatabase readStore, String name, byte[] bytes) {
        GridFSBuckets.create(readStore, "content")
                .withChunkSizeBytes(255 * 1024)
                .uploadFromStream(
                        name,
                        new ByteArrayInputStream(bytes),
                        new GridFSUploadOptions().metadata(new Document("size", (long) bytes.length)));
    }

    private List<String> collections() {
        return readStore.listCollectionNames().into(new ArrayList<>());
    }

    @Test
    void givenFilesInTheReadStore_whenStarted_thenEachIsInTheFileStoreAndTheBucketIsGone() throws Exception {
        byte[] evidence = new byte[600_000]; // three chunks
        new Random(11).nextBytes(evidence);
        byte[] document = SampleFiles.pdf("Light vehicle specification");
        keptTheOldWay(readStore, FileStore.sha256(evidence), evidence);
        keptTheOldWay(readStore, FileStore.sha256(document), document);
        readStore.getCollection("candidates").insertOne(new Document("_id", "k1"));

        ReadStoreFilesCopy.Outcome outcome = copy.copy();

        assertThat(outcome).isEqualTo(new ReadStoreFilesCopy.Outcome(2, 0, List.of(), true));
        for (byte[] bytes : List.of(evidence, document)) {
            try (InputStream read = files.open(FileStore.sha256(bytes)).orElseThrow()) {
                assertThat(read.readAllBytes()).isEqualTo(bytes);
            }
        }
        assertThat(collections())
                .as("the read models stay")
                .contains("candidates")
                .doesNotContain("content.files", "content.chunks");
        assertThat(copy.copy()).as("once").isEqualTo(new ReadStoreFilesCopy.Outcome(0, 0, List.of(), false));
    }

    @Test
    void givenAFileAlreadyInTheFileStore_whenStarted_thenItIsNotCopiedAgain() {
        byte[] bytes = "copied by another node".getBytes(StandardCharsets.UTF_8);
        files.store(bytes);
        keptTheOldWay(readStore, FileStore.sha256(bytes), bytes);

        assertThat(copy.copy()).isEqualTo(new ReadStoreFilesCopy.Outcome(0, 1, List.of(), true));
    }

    @Test
    void givenAFileThatDoesNotHashToItsName_whenStarted_thenItIsLeftWithTheBucketAndTheOthersAreCopied() {
        byte[] good = "a good file".getBytes(StandardCharsets.UTF_8);
        byte[] damaged = "a damaged file".getBytes(StandardCharsets.UTF_8);
        String damagedName = FileStore.sha256("what it was".getBytes(StandardCharsets.UTF_8));
        keptTheOldWay(readStore, FileStore.sha256(good), good);
        keptTheOldWay(readStore, damagedName, damaged);

        ReadStoreFilesCopy.Outcome outcome = copy.copy();

        assertThat(outcome).isEqualTo(new ReadStoreFilesCopy.Outcome(1, 0, List.of(damagedName), false));
        assertThat(files.exists(FileStore.sha256(good))).isTrue();
        assertThat(files.exists(damagedName)).isFalse();
        assertThat(files.exists(FileStore.sha256(damaged)))
                .as("not kept under another name")
                .isFalse();
        assertThat(collections()).contains("content.files", "content.chunks");
    }

    @Test
    void givenAReadStoreThatNeverHeldFiles_whenStarted_thenNothingHappens() {
        assertThat(copy.copy()).isEqualTo(new ReadStoreFilesCopy.Outcome(0, 0, List.of(), false));
        assertThat(collections()).isEmpty();
    }
}
