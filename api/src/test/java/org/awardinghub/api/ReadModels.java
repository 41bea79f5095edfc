package org.awardinghub.api;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;

/** Every document read model, as a replay must rebuild it, and the replay itself: what a rebuild is compared with. */
public final class ReadModels {

    /** Written with the token they were last written by ({@code seq}, {@code gaps}): delivery bookkeeping. */
    private static final Set<String> GUARDED_BY_THE_TOKEN =
            Set.of("item_statistics", "item_statistics_attempts", "portfolios", "portfolio_qualifications");

    public static final List<String> COLLECTIONS = List.of(
            "centres",
            "users",
            "hub_requests",
            "qualifications",
            "candidates",
            "candidate_histories",
            "attempts",
            "sittings",
            "answer_trails",
            "candidate_attempts",
            "item_statistics",
            "item_statistics_attempts",
            "claims",
            "certificates",
            "candidate_certificates",
            "library_documents",
            "library_downloads",
            "portfolio_qualifications",
            "portfolios",
            "sampling_plans",
            "special_considerations",
            "result_enquiries",
            "access_arrangements");

    /** Every processor of the application, by its stored name. */
    public static final List<String> PROCESSORS = List.of(
            "hub",
            "catalogue",
            "portal",
            "assessment",
            "item-statistics",
            "certification",
            "audit",
            "reports",
            "personnel",
            "returns",
            "privacy",
            "library",
            "portfolio");

    private ReadModels() {}

    /** Every document of every read model, in id order, without the token bookkeeping of token-guarded ones. */
    public static Map<String, List<Document>> snapshot(MongoDatabase readStore) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String name : COLLECTIONS) {
            List<Document> documents = readStore
                    .getCollection(name)
                    .find()
                    .sort(Sorts.ascending("_id"))
                    .into(new ArrayList<>());
            if (GUARDED_BY_THE_TOKEN.contains(name)) {
                documents.forEach(document -> {
                    document.remove(ReadModelCollection.SEQUENCE);
                    document.remove(ReadModelCollection.GAPS);
                });
            }
            all.put(name, documents);
        }
        return all;
    }

    /** Replays every processor from the first event: each resets its read models and builds them again. */
    public static void replayAll(EventProcessingConfiguration processing) {
        for (String name : PROCESSORS) {
            StreamingEventProcessor processor = processing
                    .eventProcessor(name, StreamingEventProcessor.class)
                    .orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
    }

    /**
     * Waits until every processor has handled every event stored so far: each of its segments at or past the head
     * of the event store. Two snapshots alike one after the other do not say so: a processor that had not yet run a
     * batch leaves them alike.
     */
    public static void awaitCaughtUp(EventProcessingConfiguration processing, EventStore events, Duration atMost) {
        Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> {
            var headToken = events.createHeadToken();
            long head = headToken == null ? -1 : headToken.position().orElse(-1);
            return PROCESSORS.stream()
                    .map(name -> processing
                            .eventProcessor(name, StreamingEventProcessor.class)
                            .orElseThrow())
                    .allMatch(processor -> !processor.processingStatus().isEmpty()
                            && processor.processingStatus().values().stream()
                                    .allMatch(segment ->
                                            segment.getCurrentPosition().orElse(-1) >= head));
        });
    }
}
