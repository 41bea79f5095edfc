package org.awardinghub.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sequence guard itself: a compare-and-set on {@code (_id, seq)}. */
class ReadModelCollectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private MongoDatabase database;
    private ReadModelCollection collection;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        collection = new ReadModelCollection(database, "things");
    }

    @Test
    void givenCollection_whenOpened_thenUniqueIndexOnIdAndSequenceServesTheGuard() {
        List<Document> indexes = database.getCollection("things").listIndexes().into(new ArrayList<>());

        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getString("name")).isEqualTo(ReadModelCollection.GUARD_INDEX);
            assertThat(index.get("key", Document.class).keySet()).containsExactly("_id", "seq");
            assertThat(index.getBoolean("unique")).isTrue();
        });
    }

    @Test
    void givenDocumentInserted_whenInsertedAgain_thenFirstInsertWinsAndSecondSaysSo() {
        assertThat(collection.insert("t1", 0, new Document("name", "first"))).isTrue();

        assertThat(collection.insert("t1", 0, new Document("name", "second"))).isFalse();

        assertThat(collection.find("t1").getString("name")).isEqualTo("first");
    }

    @Test
    void givenDocument_whenLaterEventUpdates_thenAppliedWithItsSequence() {
        collection.insert("t1", 0, new Document("name", "first"));

        Document updated = collection.updateAndGet("t1", 3, set("name", "third"));

        assertThat(updated).isEqualTo(new Document("_id", "t1").append("seq", 3L).append("name", "third"));
        assertThat(collection.find("t1")).isEqualTo(updated);
    }

    @Test
    void givenDocumentAtSequence_whenSameOrEarlierEventUpdates_thenUnchangedAndNothingAnswered() {
        collection.insert("t1", 0, new Document("name", "first"));
        collection.update("t1", 2, set("name", "second"));

        collection.update("t1", 1, set("name", "older"));

        assertThat(collection.updateAndGet("t1", 2, set("name", "again"))).isNull();
        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1").append("seq", 2L).append("name", "second"));
    }

    @Test
    void givenNoDocument_whenUpdated_thenNothingCreated() {
        collection.update("t9", 1, set("name", "ghost"));

        assertThat(collection.updateAndGet("t9", 1, set("name", "ghost"))).isNull();
        assertThat(collection.find("t9")).isNull();
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    void givenFurtherConditionThatDoesNotHold_whenUpdated_thenUnchangedAndReturns() {
        collection.insert("t1", 0, new Document("items", List.of(new Document("code", "a").append("n", 1))));

        collection.update("t1", 1, eq("items.code", "zzz"), set("items.$.n", 2));
        collection.update("t1", 2, eq("items.code", "a"), set("items.$.n", 3));

        assertThat(collection.find("t1").getList("items", Document.class).get(0).getInteger("n")).isEqualTo(3);
        assertThat(collection.find("t1").get("seq")).isEqualTo(2L);
    }
}
