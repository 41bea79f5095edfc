package org.awardinghub.query;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sequence guard itself, and the two read-modify-write forms: a compare-and-set on {@code (_id, seq)}. */
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

        assertThat(updated)
                .isEqualTo(new Document("_id", "t1").append("seq", 3L).append("name", "third"));
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

        assertThat(collection.find("t1").getList("items", Document.class).get(0).getInteger("n"))
                .isEqualTo(3);
        assertThat(collection.find("t1").get("seq")).isEqualTo(2L);
    }

    @Test
    void givenNoDocument_whenReplaced_thenInsertedFromNothingAtTheEventsSequence() {
        List<Document> seen = new ArrayList<>();

        boolean written = collection.replace("t1", 5, stored -> {
            seen.add(stored);
            return new Document("n", 1);
        });

        assertThat(written).isTrue();
        assertThat(seen).containsExactly((Document) null);
        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1").append("seq", 5L).append("n", 1));
    }

    @Test
    void givenDocument_whenReplacedByLaterEvent_thenComputedFromTheStoredOneAndSequenceAdvanced() {
        collection.replace("t1", 5, stored -> new Document("n", 1));

        boolean written = collection.replace(
                "t1",
                9,
                stored -> new Document("n", stored.getInteger("n") + 10)
                        .append("_id", "ignored")
                        .append("seq", -1));

        assertThat(written).isTrue();
        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1").append("seq", 9L).append("n", 11));
    }

    @Test
    void givenDocumentAtSequence_whenReplacedBySameOrEarlierEvent_thenUnchangedAndNotAsked() {
        collection.replace("t1", 5, stored -> new Document("n", 1));

        assertThat(collection.replace("t1", 5, stored -> {
                    throw new AssertionError("asked for an event applied before");
                }))
                .isFalse();
        assertThat(collection.replace("t1", 4, stored -> new Document("n", 99))).isFalse();
        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1").append("seq", 5L).append("n", 1));
    }

    @Test
    void givenAnotherWriterInBetween_whenReplaced_thenAskedAgainOnWhatIsThereNow() {
        collection.replace("t1", 1, stored -> new Document("n", 1));
        List<Integer> seen = new ArrayList<>();

        collection.replace("t1", 3, stored -> {
            seen.add(stored.getInteger("n"));
            if (seen.size() == 1) {
                collection.replace("t1", 2, other -> new Document("n", 2)); // gets in first
            }
            return new Document("n", stored.getInteger("n") * 10);
        });

        assertThat(seen).containsExactly(1, 2);
        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1").append("seq", 3L).append("n", 20));
    }

    @Test
    void givenNoDocument_whenUpdatedVersioned_thenInsertedAtVersionZeroThenEachWriteOneMore() {
        assertThat(collection.updateVersioned("t1", stored -> new Document("n", 1)))
                .isTrue();
        assertThat(collection.updateVersioned("t1", stored -> new Document("n", stored.getInteger("n") + 1)))
                .isTrue();

        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1").append("seq", 1L).append("n", 2));
    }

    @Test
    void givenChangeAnswersNothing_whenUpdatedVersioned_thenNothingWrittenNotEvenTheVersion() {
        collection.updateVersioned("t1", stored -> new Document("n", 1));

        assertThat(collection.updateVersioned("t1", stored -> null)).isFalse();
        assertThat(collection.updateVersioned("t9", stored -> null)).isFalse();

        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1").append("seq", 0L).append("n", 1));
        assertThat(collection.find("t9")).isNull();
    }

    @Test
    void givenAnotherWriterInBetween_whenUpdatedVersioned_thenReadAgainAndBothChangesKept() {
        collection.updateVersioned("t1", stored -> new Document("items", List.of("a")));
        List<List<String>> seen = new ArrayList<>();

        collection.updateVersioned("t1", stored -> {
            List<String> items = new ArrayList<>(stored.getList("items", String.class));
            seen.add(List.copyOf(items));
            if (seen.size() == 1) {
                collection.updateVersioned("t1", other -> new Document("items", List.of("a", "b")));
            }
            items.add("c");
            return new Document("items", items);
        });

        assertThat(seen).containsExactly(List.of("a"), List.of("a", "b"));
        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1").append("seq", 2L).append("items", List.of("a", "b", "c")));
    }

    @Test
    void givenAnotherWriterInsertsFirst_whenUpdatedVersioned_thenAppliedToTheirDocument() {
        List<Document> seen = new ArrayList<>();

        collection.updateVersioned("t1", stored -> {
            seen.add(stored);
            if (seen.size() == 1) {
                collection.updateVersioned("t1", other -> new Document("n", 1));
            }
            return new Document("n", stored == null ? 100 : stored.getInteger("n") + 1);
        });

        assertThat(seen).hasSize(2).first().isNull();
        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1").append("seq", 1L).append("n", 2));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void givenManyThreadsWriting_whenUpdatedVersioned_thenNoWriteLost() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        collection.updateVersioned(
                                "t1", stored -> new Document("n", stored == null ? 1 : stored.getInteger("n") + 1));
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1").append("seq", 199L).append("n", 200));
    }

    /** ADR 0165: an erasure reaches documents of other records, whose sequences it has no place in. */
    @Test
    void givenDocumentAtSequence_whenRewritten_thenChangedKeepingItsSequenceSoItsNextEventStillApplies() {
        collection.insert("t1", 3, new Document("name", "Zoë").append("centre", "c1"));
        collection.insert("t2", 0, new Document("name", "Ann").append("centre", "c2"));

        assertThat(collection.ids(Filters.eq("centre", "c1"))).containsExactly("t1");
        assertThat(collection.rewrite("t1", stored -> new Document(stored).append("name", "(erased)")))
                .isTrue();
        assertThat(collection.rewrite("t1", stored -> new Document(stored).append("name", "(erased)")))
                .as("nothing left to change: nothing written")
                .isFalse();
        assertThat(collection.rewrite("t9", stored -> new Document("name", "ghost")))
                .isFalse();

        assertThat(collection.find("t1"))
                .isEqualTo(new Document("_id", "t1")
                        .append("seq", 3L)
                        .append("name", "(erased)")
                        .append("centre", "c1"));
        collection.update("t1", 4, set("centre", "c3"));
        assertThat(collection.find("t1").getString("centre")).isEqualTo("c3");
        assertThat(collection.find("t9")).isNull();
    }
}
