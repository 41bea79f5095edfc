package org.awardinghub.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One read model's MongoDB collection, written effectively once per event.
 *
 * <p>Delivery is at least once and the token store cannot share a transaction with MongoDB, so every
 * document keeps the aggregate sequence number of the last event applied to it ({@value #SEQUENCE}).
 * A creation event inserts (a duplicate key means it was applied before); every later event updates
 * only a document whose {@value #SEQUENCE} is lower than its own (a compare-and-set that every store serves
 * from an index, see {@code guardedUpdate}). Applying any event twice, or an older one after a newer one,
 * therefore changes nothing. A replay must {@link #deleteAll()} first, or the guard would skip everything.
 *
 * <p>How values are stored, for every read model: enums as their names, instants as BSON dates
 * (millisecond precision), lists as arrays, absent values as explicit nulls.
 */
public final class ReadModelCollection {

    public static final String ID = "_id";
    public static final String SEQUENCE = "seq";
    public static final int MAX_PAGE_SIZE = 200;
    /** The unique index on {@code (_id, seq)} that serves the guard's compare-and-set, on every store. */
    public static final String GUARD_INDEX = "_id_seq";

    private final MongoCollection<Document> documents;

    public ReadModelCollection(MongoDatabase database, String name) {
        this.documents = database.getCollection(name);
        documents.createIndex(Indexes.ascending(ID, SEQUENCE), new IndexOptions().unique(true).name(GUARD_INDEX));
    }

    /**
     * Applies a creation event: inserts the document, unless an earlier delivery already did.
     *
     * @return whether this call inserted it (false: it was there already)
     */
    public boolean insert(String id, long sequence, Document fields) {
        Document document = new Document(ID, id).append(SEQUENCE, sequence);
        document.putAll(fields);
        try {
            documents.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (ErrorCategory.fromErrorCode(e.getError().getCode()) != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    /** Applies a later event to the document, if no event at this or a later sequence was applied yet. */
    public void update(String id, long sequence, Bson update) {
        guardedUpdate(id, sequence, null, update, false);
    }

    /**
     * As {@link #update(String, long, Bson)}, for an update that needs a further condition, such as the
     * array element that a positional {@code $} operator addresses. The embedded store cannot serve the
     * condition from an index: keep this to small collections.
     */
    public void update(String id, long sequence, Bson condition, Bson update) {
        guardedUpdate(id, sequence, condition, update, false);
    }

    /**
     * As {@link #update(String, long, Bson)}, answering the document as the update left it, or null when the
     * guard skipped it (the event was applied before) or there is no such document. For a read model that keeps
     * something beside the collection in step, such as an in-memory index.
     */
    public Document updateAndGet(String id, long sequence, Bson update) {
        return guardedUpdate(id, sequence, null, update, true);
    }

    /**
     * The guard as a compare-and-set: read the document's {@value #SEQUENCE} by {@code _id}; if it is lower than
     * the event's, update the document only if its {@value #SEQUENCE} is still exactly that, filtering on
     * {@code {_id, seq}} — which the unique {@value #GUARD_INDEX} index serves. The embedded mongo-java-server
     * serves an index only for a filter naming exactly that index's fields, so the plain filter
     * {@code {_id: id, seq: {$lt: sequence}}} made it scan the whole collection for every update (measured: 4.5 ms
     * at 20,000 documents, growing with the collection). Should another writer change the document in between
     * (never, while one processor thread owns the aggregate's segment), the read and the compare-and-set repeat.
     */
    private Document guardedUpdate(String id, long sequence, Bson condition, Bson update, boolean answerDocument) {
        Bson change = Updates.combine(update, Updates.set(SEQUENCE, sequence));
        Long applied = appliedSequence(id);
        while (applied != null && applied < sequence) {
            Document expected = new Document(ID, id).append(SEQUENCE, applied);
            Bson filter = condition == null ? expected : Filters.and(expected, condition);
            if (answerDocument) {
                Document updated = documents.findOneAndUpdate(filter, change,
                        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
                if (updated != null) {
                    return updated;
                }
            } else if (documents.updateOne(filter, change).getMatchedCount() > 0) {
                return null;
            }
            Long now = appliedSequence(id);
            if (Objects.equals(now, applied)) {
                return null; // unchanged: the further condition does not hold, so there is nothing to update
            }
            applied = now;
        }
        return null;
    }

    private Long appliedSequence(String id) {
        Document applied = documents.find(Filters.eq(ID, id)).projection(Projections.include(SEQUENCE)).first();
        return applied == null || applied.get(SEQUENCE) == null ? null
                : ((Number) applied.get(SEQUENCE)).longValue();
    }

    /** Empties the collection, so that a replay from the first event rebuilds it. */
    public void deleteAll() {
        documents.deleteMany(new Document());
    }

    /**
     * Asks for an index. Real MongoDB serves it; the embedded mongo-java-server ignores non-unique ones
     * (with a warning) and scans instead.
     */
    public void ensureIndex(Bson keys) {
        documents.createIndex(keys);
    }

    public Document find(String id) {
        return id == null ? null : documents.find(Filters.eq(ID, id)).first();
    }

    /** Every document, with only the given fields, handed to {@code action} one at a time (a whole scan). */
    public void forEach(Bson fields, Consumer<Document> action) {
        documents.find().projection(fields).forEach(action);
    }

    public <T> List<T> list(Bson filter, Bson sort, Function<Document, T> toView) {
        return documents.find(filter).sort(sort).map(toView::apply).into(new ArrayList<>());
    }

    /** One page; page and size are clamped to 0.. and 1..{@value #MAX_PAGE_SIZE}, whatever the caller checked. */
    public <T> Page<T> page(Bson filter, Bson sort, int page, int size, Function<Document, T> toView) {
        Page<T> empty = emptyPage(page, size);
        long skip = (long) empty.page() * empty.size();
        long total = documents.countDocuments(filter);
        List<T> items = skip >= total
                ? List.of()
                : documents.find(filter).sort(sort).skip((int) skip).limit(empty.size())
                        .map(toView::apply).into(new ArrayList<>());
        return new Page<>(items, empty.page(), empty.size(), total);
    }

    /** A page with nothing on it, clamped like {@link #page}. */
    public static <T> Page<T> emptyPage(int page, int size) {
        return new Page<>(List.of(), Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE), 0);
    }

    /** The key that lists are ordered by, so that "de Vere" sorts among the Ds. */
    public static String sortKey(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document document, String key) {
        Date date = document.getDate(key);
        return date == null ? null : date.toInstant();
    }

    public static List<String> names(Collection<? extends Enum<?>> values) {
        return values == null ? List.of() : values.stream().map(Enum::name).toList();
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, Document document, String key) {
        String name = document.getString(key);
        return name == null ? null : Enum.valueOf(type, name);
    }

    public static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
