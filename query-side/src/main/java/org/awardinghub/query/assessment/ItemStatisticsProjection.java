package org.awardinghub.query.assessment;

import static com.mongodb.client.model.Updates.set;

import com.mongodb.client.MongoDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Item statistics per assessment, overall and per centre, kept as running sums ({@link ItemSums}) in
 * {@value #STATISTICS} — one document per (assessment, centre) and one per assessment overall — and never computed
 * by scanning attempts: {@link ItemStatisticsReport} reads one document by key.
 *
 * <p>Every marked attempt adds to its centre's document and to the overall one. A voided attempt that had been
 * marked is taken away again: for that, each marked attempt's score, centre and marks are kept in
 * {@value #MARKED_ATTEMPTS} ({@code _id} = attempt id). An attempt voided before it was marked was never counted.
 *
 * <p>Exactly once: a statistics document gathers many attempts, so no attempt's sequence can guard it. The
 * processor runs with <em>one</em> segment, and each document keeps the token it was last written with: an event
 * that token covers was applied already, and one it does not cover (a late one too, committed after events with
 * higher global positions) is applied ({@link ReadModelCollection#replaceAfter}, which inserts the document when
 * absent). The per-attempt records are guarded by the position of the attempt's own events, which arrive in
 * order. Run with more than one segment, the guard would skip events. The handlers take
 * the event's {@link TrackingToken}, so Axon calls them for tracked events only: a pooled or tracking processor, as
 * the application configures it, never a subscribing one.
 */
@Component
@ProcessingGroup(ItemStatisticsProjection.PROCESSING_GROUP)
public class ItemStatisticsProjection {

    /** A processor with exactly one segment: the guard relies on one token seeing every event. */
    public static final String PROCESSING_GROUP = "item-statistics";

    public static final String STATISTICS = "item_statistics";
    public static final String MARKED_ATTEMPTS = "item_statistics_attempts";

    private static final String SCORE = "score";
    private static final String MARKS = "marks";
    private static final String VOIDED = "voided";

    private final ReadModelCollection statistics;
    private final ReadModelCollection markedAttempts;

    public ItemStatisticsProjection(MongoDatabase database) {
        this.statistics = new ReadModelCollection(database, STATISTICS);
        this.markedAttempts = new ReadModelCollection(database, MARKED_ATTEMPTS);
    }

    @EventHandler
    void on(AttemptSubmitted event, TrackingToken token) {
        long position = position(token);
        List<ItemSums.Mark> marks = event.marks().stream()
                .map(mark -> new ItemSums.Mark(mark.itemId(), mark.itemOption(), mark.optionCount(), mark.correct()))
                .toList();
        markedAttempts.insert(
                event.attemptId(),
                position,
                new Document()
                        .append(ItemSums.ASSESSMENT_CODE, event.assessmentCode())
                        .append(ItemSums.CENTRE_ID, event.centreId())
                        .append(SCORE, event.score())
                        .append(
                                MARKS,
                                marks.stream().map(ItemSums.Mark::toDocument).toList())
                        .append(VOIDED, false));
        count(event.assessmentCode(), event.centreId(), event.score(), marks, 1, token);
    }

    @EventHandler
    void on(AttemptVoided event, TrackingToken token) {
        long position = position(token);
        Document marked = markedAttempts.find(event.attemptId());
        if (marked == null) {
            return; // never marked, so never counted
        }
        long recordedAt = marked.get(ReadModelCollection.SEQUENCE, Number.class).longValue();
        if (marked.getBoolean(VOIDED, false) && recordedAt != position) {
            return; // taken away already, by an earlier void
        }
        List<ItemSums.Mark> marks = marked.getList(MARKS, Document.class, List.of()).stream()
                .map(ItemSums.Mark::of)
                .toList();
        // the marked attempt's own figures, not the void event's: they are what was added
        count(
                marked.getString(ItemSums.ASSESSMENT_CODE),
                marked.getString(ItemSums.CENTRE_ID),
                marked.getInteger(SCORE, 0),
                marks,
                -1,
                token);
        markedAttempts.update(event.attemptId(), position, set(VOIDED, true));
    }

    @ResetHandler
    void reset() {
        statistics.deleteAll();
        markedAttempts.deleteAll();
    }

    /** One key lookup; zero attempts and no items when nothing is counted yet. */
    @QueryHandler
    ItemStatistics handle(ItemStatisticsReport query) {
        Document stored =
                query.assessmentCode() == null ? null : statistics.find(key(query.assessmentCode(), query.centreId()));
        return ItemSums.report(query.assessmentCode(), query.centreId(), stored);
    }

    /**
     * The document's key: the assessment code for the overall figures, {@code code/centre} for a centre's — each
     * part URL-encoded, so that no code or centre id can make two keys meet.
     */
    static String key(String assessmentCode, String centreId) {
        String code = URLEncoder.encode(assessmentCode, StandardCharsets.UTF_8);
        return centreId == null ? code : code + "/" + URLEncoder.encode(centreId, StandardCharsets.UTF_8);
    }

    private void count(
            String assessmentCode,
            String centreId,
            int score,
            List<ItemSums.Mark> marks,
            int sign,
            TrackingToken token) {
        statistics.replaceAfter(
                key(assessmentCode, centreId),
                token,
                stored -> ItemSums.count(stored, assessmentCode, centreId, score, marks, sign));
        statistics.replaceAfter(
                key(assessmentCode, null),
                token,
                stored -> ItemSums.count(stored, assessmentCode, null, score, marks, sign));
    }

    private static long position(TrackingToken token) {
        return token.position()
                .orElseThrow(() -> new IllegalStateException(
                        "item statistics are guarded by the global position, and this token has none: " + token));
    }
}
