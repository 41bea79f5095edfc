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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
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
 * <p>Two read-modify-write forms use the same compare-and-set: {@link #replace} for a document whose next state
 * is computed in Java (running sums), and {@link #updateVersioned} for a document that gathers several aggregates,
 * where {@value #SEQUENCE} is a version number rather than any one aggregate's sequence.
 *
 * <p>How values are stored, for every read model: enums as their names, instants as BSON dates
 * (millisecond precision), calendar dates as ISO strings {@code yyyy-MM-dd} ({@link #isoDate}: they sort as dates
 * and come back exactly, with no time zone), lists as arrays, absent values as explicit nulls.
 */
public final class ReadModelCollection {

    public static final String ID = "_id";
    public static final String SEQUENCE = "seq";
    /** The gaps of the token a document was last written with, beside {@value #SEQUENCE} ({@link #replaceAfter}). */
    public static final String GAPS = "gaps";

    public static final int MAX_PAGE_SIZE = 200;
    /** The unique index on {@code (_id, seq)} that serves the guard's compare-and-set, on every store. */
    public static final String GUARD_INDEX = "_id_seq";

    private final MongoCollection<Document> documents;

    public ReadModelCollection(MongoDatabase database, String name) {
        this.documents = database.getCollection(name);
        documents.createIndex(
                Indexes.ascending(ID, SEQUENCE), new IndexOptions().unique(true).name(GUARD_INDEX));
    }

    String name() {
        return documents.getNamespace().getCollectionName();
    }

    /** For {@link DocumentBatch}, which writes a batch's documents in bulk. */
    MongoCollection<Document> documents() {
        return documents;
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
                Document updated = documents.findOneAndUpdate(
                        filter, change, new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
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

    /**
     * Applies an event to a whole document that it may have to create, where the change cannot be said as one
     * update operator (running sums, arrays sized as they are first met): {@code next} is given the document as
     * stored, or null when there is none, and answers the document's next fields (without {@value #ID} and
     * {@value #SEQUENCE}). With no document the result is {@linkplain #insert inserted}; otherwise it replaces the
     * document only if its {@value #SEQUENCE} is lower than the event's — the same compare-and-set on
     * {@code (_id, seq)} as every guarded update, so the embedded store serves it from {@value #GUARD_INDEX}. An
     * event at or before the document's {@value #SEQUENCE} changes nothing. {@code next} may be called again when
     * the document changed in between (never, while one processor thread owns the document), so it must not have
     * side effects.
     *
     * @param sequence the event's aggregate sequence, or its global position for a read model built from one
     *                 segment in global order
     * @return whether this call wrote the document (false: the event was applied before)
     */
    public boolean replace(String id, long sequence, UnaryOperator<Document> next) {
        while (true) {
            Document stored = find(id);
            if (stored == null) {
                if (insert(id, sequence, next.apply(null))) {
                    return true;
                }
                continue; // inserted in between: apply to what is there now
            }
            long applied = ((Number) stored.get(SEQUENCE)).longValue();
            if (applied >= sequence) {
                return false;
            }
            if (compareAndSet(id, applied, sequence, next.apply(stored))) {
                return true;
            }
        }
    }

    /**
     * As {@link #replace}, for a document that gathers the events of many aggregates in a processor of one segment
     * (running sums, a candidate's portfolio): guarded by the processor's tracking token rather than a position.
     * The document keeps the token it was last written with ({@value #SEQUENCE}: the highest global position
     * delivered; {@value #GAPS}: the positions below it not delivered yet), and the event is applied unless that
     * token already covers the event's. A late event (committed after events with higher positions, so delivered
     * after them) fills one of the kept gaps, and is applied; an event delivered again is covered, and changes
     * nothing. A guard on the position alone dropped late events, because a late event's token carries the highest
     * position delivered, not its own.
     *
     * @return whether this call wrote the document
     */
    public boolean replaceAfter(String id, TrackingToken token, UnaryOperator<Document> next) {
        GapAwareTrackingToken delivered = gapAware(token);
        while (true) {
            Document stored = find(id);
            if (stored == null) {
                Document fields = next.apply(null);
                fields.put(GAPS, List.copyOf(delivered.getGaps()));
                if (insert(id, delivered.getIndex(), fields)) {
                    return true;
                }
                continue; // inserted in between: apply to what is there now
            }
            GapAwareTrackingToken written = writtenWith(stored);
            if (written.covers(delivered)) {
                return false;
            }
            GapAwareTrackingToken both = (GapAwareTrackingToken) written.upperBound(delivered);
            Document fields = next.apply(stored);
            fields.put(GAPS, List.copyOf(both.getGaps()));
            if (compareAndSet(id, written.getIndex(), both.getIndex(), fields)) {
                return true;
            }
        }
    }

    private static GapAwareTrackingToken writtenWith(Document stored) {
        List<Long> gaps = stored.getList(GAPS, Number.class, List.of()).stream()
                .map(Number::longValue)
                .toList();
        return GapAwareTrackingToken.newInstance(((Number) stored.get(SEQUENCE)).longValue(), gaps);
    }

    /** The token as gaps and an index: a replay's own token inside it; a store without gaps has none. */
    private static GapAwareTrackingToken gapAware(TrackingToken token) {
        TrackingToken own = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (own instanceof GapAwareTrackingToken gapAware) {
            return gapAware;
        }
        if (own != null && own.position().isPresent()) {
            return GapAwareTrackingToken.newInstance(own.position().getAsLong(), List.of());
        }
        throw new IllegalStateException("A read model guarded by the token needs its position; token: " + token);
    }

    /**
     * A read-modify-write of a document that gathers several aggregates (for example one per candidate, holding
     * an entry per attempt). No single aggregate's sequence can guard such a document, so here {@value #SEQUENCE}
     * is the document's <em>version</em>: 0 when inserted, one more on every write. {@code change} is given the
     * document as stored (null when there is none) and answers its next fields (without {@value #ID} and
     * {@value #SEQUENCE}), or null when there is nothing to write. Idempotence is therefore {@code change}'s to
     * decide from the content — typically each entry keeps the sequence of the last event of its own aggregate
     * applied to it, and an event at or before it answers null.
     *
     * <p>The write is a compare-and-set on the version through the unique {@value #GUARD_INDEX} index, served by
     * the embedded store too: insert at version 0 when absent, else replace the document whose {@code (_id, seq)}
     * is still what was read, setting {@code seq + 1}. Different aggregates may be handled at once on different
     * processor threads (segments); when another writer got in between — the replace matches nothing, or the
     * insert meets a duplicate key — the document is read again and {@code change} is asked again, so it must be
     * free of side effects.
     *
     * @return whether this call wrote the document
     */
    public boolean updateVersioned(String id, UnaryOperator<Document> change) {
        while (true) {
            Document stored = find(id);
            Document next = change.apply(stored);
            if (next == null) {
                return false;
            }
            if (stored == null) {
                if (insert(id, 0, next)) {
                    return true;
                }
                continue;
            }
            long version = ((Number) stored.get(SEQUENCE)).longValue();
            if (compareAndSet(id, version, version + 1, next)) {
                return true;
            }
        }
    }

    /**
     * Applies a change that is no event of the document's own record: a data subject's erasure (ADR 0165), which
     * reaches documents of other records (an attempt, a claim) whose sequences it has no place in. The document keeps
     * its {@value #SEQUENCE}, so that its own record's later events still apply after it; {@code next} is given the
     * document as stored and answers its next fields, and should answer the same for a document it changed already,
     * so that the change applied twice changes nothing. Written with the same compare-and-set on {@code (_id, seq)}
     * as every write (read and applied again should another writer change the document in between), and not at all
     * when there is no such document or nothing changes.
     *
     * @return whether this call wrote the document
     */
    public boolean rewrite(String id, UnaryOperator<Document> next) {
        while (true) {
            Document stored = find(id);
            if (stored == null) {
                return false;
            }
            long sequence = ((Number) stored.get(SEQUENCE)).longValue();
            Document replacement = replacement(id, sequence, next.apply(stored));
            if (replacement.equals(stored)) {
                return false;
            }
            if (replaced(sequence, replacement)) {
                return true;
            }
        }
    }

    /** The ids of the documents the filter matches (served by an index on a real MongoDB; scanned on the embedded). */
    public List<String> ids(Bson filter) {
        return documents
                .find(filter)
                .projection(Projections.include(ID))
                .map(document -> document.getString(ID))
                .into(new ArrayList<>());
    }

    /** Replaces the document if its {@value #SEQUENCE} is still {@code expected}; filtered on exactly the guard index. */
    private boolean compareAndSet(String id, long expected, long sequence, Document fields) {
        return replaced(expected, replacement(id, sequence, fields));
    }

    private boolean replaced(long expected, Document replacement) {
        return documents
                        .replaceOne(new Document(ID, replacement.get(ID)).append(SEQUENCE, expected), replacement)
                        .getMatchedCount()
                > 0;
    }

    private static Document replacement(String id, long sequence, Document fields) {
        Document replacement = new Document(ID, id).append(SEQUENCE, sequence);
        fields.forEach((key, value) -> {
            if (!ID.equals(key) && !SEQUENCE.equals(key)) {
                replacement.append(key, value);
            }
        });
        return replacement;
    }

    private Long appliedSequence(String id) {
        Document applied = documents
                .find(Filters.eq(ID, id))
                .projection(Projections.include(SEQUENCE))
                .first();
        return applied == null || applied.get(SEQUENCE) == null ? null : ((Number) applied.get(SEQUENCE)).longValue();
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
                : documents
                        .find(filter)
                        .sort(sort)
                        .skip((int) skip)
                        .limit(empty.size())
                        .map(toView::apply)
                        .into(new ArrayList<>());
        return new Page<>(items, empty.page(), empty.size(), total);
    }

    /** A page with nothing on it, clamped like {@link #page}. */
    public static <T> Page<T> emptyPage(int page, int size) {
        return new Page<>(List.of(), Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE), 0);
    }

    /**
     * The text as a regular expression that matches it literally, for a filter on part of a field: every character
     * but a letter or digit escaped (the same in the stores' regular expressions and Java's).
     */
    public static String literal(String text) {
        StringBuilder literal = new StringBuilder(text.length() * 2);
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c)) {
                literal.append('\\');
            }
            literal.appendCodePoint(c);
        });
        return literal.toString();
    }

    /**
     * The conditions that an instant field falls on the days {@code from} to {@code to} (UTC, both included; either
     * may be null for an open end): from the start of {@code from} up to, not including, the start of the day after
     * {@code to}. Empty when neither is given.
     */
    public static List<Bson> onDays(String field, LocalDate from, LocalDate to) {
        List<Bson> conditions = new ArrayList<>();
        if (from != null) {
            conditions.add(
                    Filters.gte(field, date(from.atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        if (to != null) {
            conditions.add(Filters.lt(
                    field, date(to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())));
        }
        return conditions;
    }

    /** The key that lists are ordered by, so that "de Vere" sorts among the Ds. */
    public static String sortKey(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }

    /**
     * The {@value #SEQUENCE} a document was last written with: for a document of one aggregate whose every event
     * it applies, the aggregate's version (the sequence number of its last event), as an ETag needs it.
     */
    public static long sequence(Document document) {
        return ((Number) document.get(SEQUENCE)).longValue();
    }

    public static Date date(Instant instant) {
        return instant == null ? null : Date.from(instant);
    }

    public static Instant instant(Document document, String key) {
        Date date = document.getDate(key);
        return date == null ? null : date.toInstant();
    }

    /** A calendar date as stored: its ISO form {@code yyyy-MM-dd}. */
    public static String isoDate(LocalDate date) {
        return date == null ? null : date.toString();
    }

    public static LocalDate localDate(Document document, String key) {
        String date = document.getString(key);
        return date == null ? null : LocalDate.parse(date);
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
