package org.awardinghub.query;

import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.SEQUENCE;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

/**
 * The documents of one read model that one batch of events changes, each read once and written once.
 *
 * <p>An event processor hands its events over in batches, each in one unit of work whose transaction also stores
 * the processor's token. Written event by event, a read model whose record gets many events in a row (an attempt
 * and its answers) reads and writes the same growing document once per event: three to five round trips each.
 * Here the first event of a batch to touch a document reads it, every event of the batch applies its change to
 * that copy in memory, and the batch writes every changed document once, before its transaction commits (one bulk
 * request of inserts and one of replacements). Outside a unit of work each call reads and writes at once.
 *
 * <p>The guarantees are {@link ReadModelCollection}'s: each document keeps the sequence of the last event applied
 * to it ({@value ReadModelCollection#SEQUENCE}); an event at or before it changes nothing, so a batch delivered
 * again (its token not stored) writes the same documents. A replacement is a compare-and-set on the sequence the
 * batch read, served by the guard index: had another writer changed the document in between (a second node that
 * took the segment over), the batch fails before its token is stored and the processor handles it again from the
 * store, rather than overwrite the other's work. A change is a function that answers the next document and leaves
 * the given one as it was, so that a handler that fails halfway through leaves nothing behind.
 */
public final class DocumentBatch {

    private final ReadModelCollection collection;
    private final String resourceKey;

    public DocumentBatch(ReadModelCollection collection) {
        this.collection = collection;
        this.resourceKey = DocumentBatch.class.getName() + "/" + collection.name() + "@"
                + Integer.toHexString(System.identityHashCode(this));
    }

    /**
     * Applies a creation event: the document as given, unless an earlier delivery already created it.
     *
     * @return whether this call created it
     */
    public boolean insert(String id, long sequence, Document fields) {
        return apply(id, stored -> {
            if (stored != null) {
                return null;
            }
            Document created = new Document(ID, id).append(SEQUENCE, sequence);
            created.putAll(fields);
            return created;
        });
    }

    /**
     * Applies a later event: {@code next} is given the document as it stands (never null) and answers its next
     * form, leaving the given one unchanged (copy what changes: {@link #with}, {@link #appended}). Nothing happens
     * when there is no such document, or when an event at or after this sequence was applied to it.
     */
    public void change(String id, long sequence, UnaryOperator<Document> next) {
        apply(id, stored -> {
            if (stored == null || ((Number) stored.get(SEQUENCE)).longValue() >= sequence) {
                return null;
            }
            Document changed = next.apply(stored);
            changed.put(ID, id);
            changed.put(SEQUENCE, sequence);
            return changed;
        });
    }

    /**
     * Applies a change that is no event of the document's own record (a data subject's erasure, ADR 0165), to the
     * document as this batch has it: it keeps its {@value ReadModelCollection#SEQUENCE}, so that its own record's
     * events still apply after it. {@code next} answers the next form of the document, leaving the given one
     * unchanged; nothing happens when there is no such document or nothing changes (so that the change applied
     * twice changes nothing). Through the batch, so that the batch's own write of a document it read before the
     * change does not put back what the change took away.
     */
    public void rewrite(String id, UnaryOperator<Document> next) {
        apply(id, stored -> {
            if (stored == null) {
                return null;
            }
            Document changed = next.apply(stored);
            changed.put(ID, id);
            changed.put(SEQUENCE, stored.get(SEQUENCE));
            return changed.equals(stored) ? null : changed;
        });
    }

    /**
     * The ids of the documents whose {@code field} holds {@code value}: those stored, and those this batch has made
     * or changed so far.
     */
    public Set<String> idsWhere(String field, String value) {
        Set<String> ids = new LinkedHashSet<>(collection.ids(Filters.eq(field, value)));
        if (CurrentUnitOfWork.isStarted()) {
            pending().entries.forEach((id, entry) -> {
                if (entry.current != null && value.equals(entry.current.get(field))) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    /** The document as this batch has it so far, or null; read only. */
    public Document find(String id) {
        if (!CurrentUnitOfWork.isStarted()) {
            return collection.find(id);
        }
        return pending().load(id).current;
    }

    /** A copy of {@code document} with {@code key} set to {@code value}. */
    public static Document with(Document document, String key, Object value) {
        Document copy = new Document(document);
        copy.put(key, value);
        return copy;
    }

    /** A copy of {@code document} with every field of {@code changes} set. */
    public static Document with(Document document, Document changes) {
        Document copy = new Document(document);
        copy.putAll(changes);
        return copy;
    }

    /** A copy of {@code document} whose list under {@code key} has {@code element} added at its end. */
    public static Document appended(Document document, String key, Object element) {
        List<Object> list = new ArrayList<>(document.getList(key, Object.class, List.of()));
        list.add(element);
        return with(document, key, list);
    }

    private boolean apply(String id, UnaryOperator<Document> next) {
        if (!CurrentUnitOfWork.isStarted()) {
            return writeThrough(id, next);
        }
        Entry entry = pending().load(id);
        Document changed = next.apply(entry.current);
        if (changed == null) {
            return false;
        }
        entry.current = changed;
        return true;
    }

    /** One event alone: read, change, and write with the same compare-and-set as a batch. */
    private boolean writeThrough(String id, UnaryOperator<Document> next) {
        Pending alone = new Pending();
        Entry entry = alone.load(id);
        Document changed = next.apply(entry.current);
        if (changed == null) {
            return false;
        }
        entry.current = changed;
        alone.write();
        return true;
    }

    private Pending pending() {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(resourceKey, key -> {
            Pending pending = new Pending();
            unitOfWork.onPrepareCommit(committing -> pending.write());
            return pending;
        });
    }

    /** What a batch read of the collection, and what it has made of it. */
    private final class Pending {

        private final Map<String, Entry> entries = new LinkedHashMap<>();

        Entry load(String id) {
            return entries.computeIfAbsent(id, key -> new Entry(collection.find(key)));
        }

        void write() {
            List<WriteModel<Document>> inserts = new ArrayList<>();
            List<WriteModel<Document>> replacements = new ArrayList<>();
            entries.forEach((id, entry) -> {
                if (entry.current == entry.stored) {
                    return;
                }
                if (entry.stored == null) {
                    inserts.add(new InsertOneModel<>(entry.current));
                } else {
                    Document expected = new Document(ID, id).append(SEQUENCE, entry.stored.get(SEQUENCE));
                    replacements.add(new ReplaceOneModel<>(expected, entry.current));
                }
            });
            entries.clear();
            BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
            if (!inserts.isEmpty()) {
                collection.documents().bulkWrite(inserts, unordered); // a duplicate key fails the batch
            }
            if (!replacements.isEmpty()
                    && collection.documents().bulkWrite(replacements, unordered).getMatchedCount()
                            < replacements.size()) {
                throw new ConcurrentlyChangedException(collection.name(), replacements.size());
            }
        }
    }

    private static final class Entry {

        private final Document stored;
        private Document current;

        Entry(Document stored) {
            this.stored = stored;
            this.current = stored;
        }
    }

    /** Another writer changed a document after the batch read it: the batch is handled again from the store. */
    public static final class ConcurrentlyChangedException extends RuntimeException {

        ConcurrentlyChangedException(String collection, int documents) {
            super("Documents of " + collection + " changed by another writer while a batch of " + documents
                    + " was applied; the batch will be handled again");
        }
    }
}
