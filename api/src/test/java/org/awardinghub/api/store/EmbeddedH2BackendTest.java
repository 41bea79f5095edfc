package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedH2BackendTest {

    private static final int ATTEMPTS = 2_000;

    @TempDir
    Path dataDir;

    @Test
    void givenAttemptsStored_whenASecondaryIndexIsAsked_thenNothingIsKeptThatEveryStartWouldRefill() {
        withStore(attempts -> {
            List<Document> documents = new ArrayList<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                documents.add(new Document("_id", "a" + i).append("centreId", "c" + i % 7));
            }
            attempts.insertMany(documents);

            attempts.createIndex(Indexes.ascending("centreId", "openedAt"));

            assertThat(indexNames(attempts)).containsExactly("_id_");
        });

        withStore(attempts -> {
            assertThat(indexNames(attempts)).containsExactly("_id_");
            assertThat(attempts.countDocuments(new Document("centreId", "c3"))).isEqualTo(286);
        });
    }

    @Test
    void givenAUniqueIndex_whenTheStoreIsOpenedAgain_thenItStillRefusesADuplicate() {
        withStore(attempts -> {
            attempts.createIndex(
                    Indexes.ascending("_id", "seq"),
                    new IndexOptions().unique(true).name("_id_seq"));
            attempts.createIndex(Indexes.ascending("number"), new IndexOptions().unique(true));
            attempts.insertOne(new Document("_id", "a1").append("seq", 0).append("number", "N1"));
        });

        withStore(attempts -> {
            assertThat(indexNames(attempts)).contains("_id_", "_id_seq", "number_1");
            assertThatThrownBy(() -> attempts.insertOne(new Document("_id", "a2").append("number", "N1")))
                    .isInstanceOf(MongoWriteException.class)
                    .hasMessageContaining("duplicate key");
        });
    }

    /** Opens the embedded read store on the data directory, as the application does, and closes it after. */
    private void withStore(Consumer<MongoCollection<Document>> use) {
        EmbeddedReadStore store = null;
        try {
            store = new EmbeddedReadStore(dataDir, 16);
            try (MongoClient client = MongoClients.create(store.clientSettings().build())) {
                use.accept(client.getDatabase("awarding").getCollection("attempts"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            if (store != null) {
                store.destroy();
            }
        }
    }

    private static List<String> indexNames(MongoCollection<Document> collection) {
        return collection.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>());
    }
}
