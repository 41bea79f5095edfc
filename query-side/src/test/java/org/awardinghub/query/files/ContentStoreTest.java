package org.awardinghub.query.files;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.io.InputStream;
import java.util.Random;
import org.awardinghub.query.InProcessMongo;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Content kept by its SHA-256 on the embedded Mongo-wire server (H2 backend): stored once, read back exactly. */
class ContentStoreTest {

    @RegisterExtension
    static final InProcessMongo MONGO = new InProcessMongo();

    private MongoDatabase database;
    private ContentStore store;

    @BeforeEach
    void start() {
        database = MONGO.freshDatabase();
        store = new ContentStore(database);
    }

    @Test
    void givenAFileOfSeveralChunks_whenStoredAndRead_thenTheSameBytesUnderTheirHash() throws Exception {
        byte[] bytes = new byte[700_000];
        new Random(7).nextBytes(bytes);

        ContentStore.StoredContent stored = store.store(bytes);

        assertThat(stored.sha256()).isEqualTo(ContentStore.sha256(bytes)).hasSize(64);
        assertThat(stored.size()).isEqualTo(700_000);
        try (InputStream read = store.open(stored.sha256()).orElseThrow()) {
            assertThat(read.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void givenTheSameBytesTwice_whenStored_thenKeptOnce() {
        byte[] bytes = "the same evidence".getBytes();
        store.store(bytes);
        store.store(bytes);

        assertThat(database.getCollection(ContentStore.BUCKET + ".files").countDocuments())
                .isOne();
    }

    @Test
    void givenAnUnknownOrMalformedHash_whenOpened_thenEmpty() {
        assertThat(store.open("0".repeat(64))).isEmpty();
        assertThat(store.open("../etc/passwd")).isEmpty();
        assertThat(store.open(null)).isEmpty();
    }

    @Test
    void knownAnswer() {
        assertThat(ContentStore.sha256("abc".getBytes()))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
