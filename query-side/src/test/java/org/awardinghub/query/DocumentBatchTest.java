package org.awardinghub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awardinghub.query.DocumentBatch.appended;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A batch's documents: read once, changed in memory, written once when the batch commits, never over another's. */
class DocumentBatchTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final String ENTRIES = "entries";

    private ReadModelCollection collection;
    private DocumentBatch batch;

    @BeforeEach
    void setUp() {
        MongoDatabase database = mongo.freshDatabase();
        collection = new ReadModelCollection(database, "trails");
        batch = new DocumentBatch(collection);
    }

    @Test
    void givenBatchCreatingAndChangingDocument_whenCommitted_thenNothingWrittenBeforeAndEveryChangeAfter() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        batch.insert("a1", 0, new Document(ENTRIES, List.of("opened")));
        for (int sequence = 1; sequence <= 30; sequence++) {
            String entry = "answer " + sequence;
            batch.change("a1", sequence, trail -> appended(trail, ENTRIES, entry));
        }

        assertThat(collection.find("a1")).as("before the batch commits").isNull();
        assertThat(batch.find("a1").getList(ENTRIES, String.class))
                .as("what the batch has")
                .hasSize(31);
        unitOfWork.commit();

        Document written = collection.find("a1");
        assertThat(written.getLong(ReadModelCollection.SEQUENCE)).isEqualTo(30);
        assertThat(written.getList(ENTRIES, String.class))
                .hasSize(31)
                .startsWith("opened", "answer 1")
                .endsWith("answer 30");
    }

    @Test
    void givenEventsAlreadyApplied_whenBatchDeliveredAgain_thenDocumentUnchanged() {
        collection.insert("a1", 2, new Document(ENTRIES, List.of("opened", "answer 1", "answer 2")));

        DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("again"));
        boolean created = batch.insert("a1", 0, new Document(ENTRIES, List.of("opened")));
        for (int sequence = 1; sequence <= 3; sequence++) {
            String entry = "answer " + sequence;
            batch.change("a1", sequence, trail -> appended(trail, ENTRIES, entry));
        }
        CurrentUnitOfWork.commit();

        assertThat(created).isFalse();
        assertThat(collection.find("a1").getList(ENTRIES, String.class))
                .containsExactly("opened", "answer 1", "answer 2", "answer 3");
    }

    @Test
    void givenAnotherWriterChangedDocumentAfterBatchReadIt_whenCommitted_thenBatchFailsAndTheirChangeStays() {
        collection.insert("a1", 0, new Document(ENTRIES, List.of("opened")));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        batch.change("a1", 1, trail -> appended(trail, ENTRIES, "ours"));
        collection.update("a1", 1, Updates.push(ENTRIES, "theirs")); // a node that took the segment over

        assertThatThrownBy(unitOfWork::commit).isInstanceOf(DocumentBatch.ConcurrentlyChangedException.class);

        assertThat(collection.find("a1").getList(ENTRIES, String.class)).containsExactly("opened", "theirs");
    }

    @Test
    void givenChangeFailingHalfway_whenBatchCommitted_thenEarlierChangesWrittenAndNothingOfTheFailedOne() {
        collection.insert("a1", 0, new Document(ENTRIES, List.of("opened")));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        batch.change("a1", 1, trail -> appended(trail, ENTRIES, "answer 1"));

        assertThatThrownBy(() -> batch.change("a1", 2, trail -> {
                    appended(trail, ENTRIES, "half");
                    throw new IllegalArgumentException("a handler's bug");
                }))
                .isInstanceOf(IllegalArgumentException.class);
        unitOfWork.commit();

        Document written = collection.find("a1");
        assertThat(written.getList(ENTRIES, String.class)).containsExactly("opened", "answer 1");
        assertThat(written.getLong(ReadModelCollection.SEQUENCE)).isEqualTo(1);
    }

    @Test
    void givenBatchRolledBack_thenNothingWritten() {
        collection.insert("a1", 0, new Document(ENTRIES, List.of("opened")));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        batch.change("a1", 1, trail -> appended(trail, ENTRIES, "answer 1"));
        batch.insert("a2", 0, new Document(ENTRIES, List.of("opened")));

        unitOfWork.rollback();

        assertThat(collection.find("a1").getList(ENTRIES, String.class)).containsExactly("opened");
        assertThat(collection.find("a2")).isNull();
    }

    @Test
    void givenNoUnitOfWork_whenChanged_thenWrittenAtOnceWithTheSameGuard() {
        batch.insert("a1", 0, new Document(ENTRIES, List.of("opened")));
        batch.change("a1", 1, trail -> appended(trail, ENTRIES, "answer 1"));
        batch.change("a1", 1, trail -> appended(trail, ENTRIES, "answer 1 again"));
        batch.change("missing", 1, trail -> appended(trail, ENTRIES, "nowhere"));

        assertThat(collection.find("a1").getList(ENTRIES, String.class)).containsExactly("opened", "answer 1");
        assertThat(mongoCount("missing")).isZero();
    }

    private long mongoCount(String id) {
        return collection.documents().countDocuments(Filters.eq(ReadModelCollection.ID, id));
    }

    /** ADR 0165: a change of no event of the document's own, in the batch: the batch's own write keeps it. */
    @Test
    void givenBatchChangingDocuments_whenOneIsRewritten_thenTheBatchWritesItRewrittenWithTheSequenceOfItsLastEvent() {
        collection.insert("a1", 0, new Document(ENTRIES, List.of("opened")).append("candidate", "k1"));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
        batch.change("a1", 1, trail -> appended(trail, ENTRIES, "paused: felt faint"));
        batch.insert("a2", 0, new Document(ENTRIES, List.of("opened")).append("candidate", "k1"));
        batch.insert("a3", 0, new Document(ENTRIES, List.of("opened")).append("candidate", "k2"));

        for (String id : batch.idsWhere("candidate", "k1")) {
            batch.rewrite(id, trail -> DocumentBatch.with(trail, ENTRIES, List.of("(erased)")));
        }
        unitOfWork.commit();

        assertThat(collection.find("a1"))
                .isEqualTo(new Document("_id", "a1")
                        .append("seq", 1L)
                        .append(ENTRIES, List.of("(erased)"))
                        .append("candidate", "k1"));
        assertThat(collection.find("a2").getList(ENTRIES, String.class)).containsExactly("(erased)");
        assertThat(collection.find("a3").getList(ENTRIES, String.class)).containsExactly("opened");
        batch.change("a1", 2, trail -> appended(trail, ENTRIES, "resumed"));
        assertThat(collection.find("a1").getList(ENTRIES, String.class)).containsExactly("(erased)", "resumed");
    }
}
