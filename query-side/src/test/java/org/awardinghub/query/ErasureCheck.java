package org.awardinghub.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.awardinghub.query.History.Recorded;
import org.bson.Document;

/**
 * What every read model owes an erased candidate (ADR 0165), checked on {@link ErasureStory}: once the erasure is
 * applied, none of the candidate's documents holds any of their personal values (names, dates of birth, ULNs,
 * reasons, feedback, file names and hashes, the reasons their events' metadata gave); every other candidate's
 * documents are as they were; the erasure delivered again changes nothing; delivered in one batch with the events read
 * before it (a batch is written once, at its end), it changes the same; and the same events as they read after the
 * erasure, replayed into an empty read model in batches, give the same documents as the live erasure.
 */
public final class ErasureCheck {

    /** Batches of seven, as a processor delivers them: the erasure shares its batch with the events before it. */
    private static final int BATCH = 7;

    private ErasureCheck() {}

    /**
     * Checks the projections one processor makes of them, on the collections named, and answers the database as the
     * live erasure left it, for the read model's own assertions.
     */
    public static MongoDatabase erasesAndReplaysAlike(
            InProcessMongo mongo, Function<MongoDatabase, Object[]> projections, String... collections) {
        String subject = ErasureStory.ERASED;
        MongoDatabase live = mongo.freshDatabase();
        Processor processor = new Processor(projections.apply(live));
        processor.deliver(ErasureStory.beforeErasure());
        Map<String, List<Document>> othersBefore = documents(live, collections, false);
        for (String collection : collections) {
            assertThat(documents(live, collections, true).get(collection))
                    .as("the story gives %s documents of the candidate to erase", collection)
                    .isNotEmpty();
        }

        processor.deliver(ErasureStory.erasure());

        Set<String> personal = ErasedEvents.personalTexts(subject, ErasureStory.events());
        assertThat(personal).contains("Zoë", "Quiller", "2001-02-03", ErasureStory.ULN);
        documents(live, collections, true).forEach((collection, documents) -> {
            for (Document document : documents) {
                String json = document.toJson();
                assertThat(personal)
                        .as("personal values still in %s: %s", collection, json)
                        .noneMatch(json::contains);
            }
        });
        assertThat(documents(live, collections, false))
                .as("the other candidates' documents")
                .isEqualTo(othersBefore);
        Map<String, List<Document>> erased = all(live, collections);

        processor.deliver(ErasureStory.erasure());

        assertThat(all(live, collections)).as("the erasure delivered again").isEqualTo(erased);

        MongoDatabase batched = mongo.freshDatabase();
        List<Recorded> story = ErasureStory.events();
        new Processor(projections.apply(batched)).deliverInBatches(story, story.size());

        assertThat(all(batched, collections))
                .as("the erasure in one batch with every event read before it")
                .isEqualTo(erased);

        MongoDatabase replayed = mongo.freshDatabase();
        List<Recorded> replay = new ArrayList<>(ErasedEvents.readAfterErasureOf(subject, ErasureStory.beforeErasure()));
        replay.add(ErasureStory.erasure());
        new Processor(projections.apply(replayed)).deliverInBatches(replay, BATCH);

        assertThat(all(replayed, collections))
                .as("a replay of the events as they read after the erasure")
                .isEqualTo(erased);
        return live;
    }

    private static Map<String, List<Document>> all(MongoDatabase database, String[] collections) {
        Map<String, List<Document>> all = new LinkedHashMap<>();
        for (String collection : collections) {
            all.put(collection, allDocuments(database, collection));
        }
        return all;
    }

    /** The documents of the candidate erased ({@code theirs}), or of everyone else. */
    private static Map<String, List<Document>> documents(MongoDatabase database, String[] collections, boolean theirs) {
        Map<String, List<Document>> documents = new LinkedHashMap<>();
        for (String collection : collections) {
            documents.put(
                    collection,
                    allDocuments(database, collection).stream()
                            .filter(document -> isTheirs(document) == theirs)
                            .toList());
        }
        return documents;
    }

    private static boolean isTheirs(Document document) {
        return ErasureStory.ERASED.equals(document.get(ReadModelCollection.ID))
                || ErasureStory.ERASED.equals(document.get("candidateId"));
    }
}
