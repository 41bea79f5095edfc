package org.awardinghub.query.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.candidate.CandidateHistories.registered;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.stream.Stream;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.awardinghub.query.Processor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MemoryCandidateSearchIndexTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static Stream<SearchCandidates> searches() {
        return Stream.of(
                new SearchCandidates(null, null, null, null, 0, 50),
                new SearchCandidates("c1", null, null, null, 0, 50),
                new SearchCandidates("c2", "s", null, null, 0, 50),
                new SearchCandidates(null, "zoe obr", null, null, 0, 50),
                new SearchCandidates(null, "1000000003", null, null, 0, 50),
                new SearchCandidates("c1", "q7m2k9xa", null, null, 0, 50),
                new SearchCandidates(null, null, CandidateStatus.WITHDRAWN, null, 0, 50),
                new SearchCandidates("c1", null, CandidateStatus.CERTIFICATED, null, 0, 50),
                new SearchCandidates(null, null, null, "HV2", 0, 50));
    }

    @Test
    void givenCandidatesProjected_whenIndexLoadedFromTheCollectionAtStart_thenSameAnswers() {
        MongoDatabase database = mongo.freshDatabase();
        MemoryCandidateSearchIndex kept = new MemoryCandidateSearchIndex();
        new Processor(new CandidateProjection(database, kept)).deliver(CandidateHistories.everyEvent());
        List<Page<CandidateSummary>> before = searches().map(kept::search).toList();

        MemoryCandidateSearchIndex loaded = MemoryCandidateSearchIndex.loadedFrom(database);

        assertThat(loaded.size()).isEqualTo(4);
        assertThat(before).extracting(Page::total).contains(4L, 1L);
        assertThat(searches().map(loaded::search)).containsExactlyElementsOf(before);
    }

    @Test
    void givenEmptyCollection_whenIndexLoaded_thenNothingFound() {
        MemoryCandidateSearchIndex loaded = MemoryCandidateSearchIndex.loadedFrom(mongo.freshDatabase());

        assertThat(loaded.size()).isZero();
        assertThat(loaded.search(new SearchCandidates(null, null, null, null, 0, 10))
                        .total())
                .isZero();
    }

    @Test
    void givenCandidateIndexed_whenOlderOrSameSequencePut_thenIgnored() {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex();
        index.put(summary("k1", "c1", "Łukasiewicz", CandidateStatus.WITHDRAWN), 3);

        index.put(summary("k1", "c1", "O'Brien", CandidateStatus.REGISTERED), 1);
        index.put(summary("k1", "c2", "O'Brien", CandidateStatus.REGISTERED), 3);

        assertThat(index.search(new SearchCandidates("c1", "lukas", CandidateStatus.WITHDRAWN, null, 0, 10))
                        .total())
                .isOne();
        assertThat(index.search(new SearchCandidates(null, "obrien", null, null, 0, 10))
                        .total())
                .isZero();
    }

    @Test
    void givenCandidateIndexed_whenNewerPut_thenOldKeysGoneNewOnesFound() {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex();
        index.put(summary("k1", "c1", "Łukasiewicz", CandidateStatus.REGISTERED), 0);

        index.put(summary("k1", "c2", "O'Brien", CandidateStatus.WITHDRAWN), 1);

        assertThat(index.size()).isOne();
        assertThat(index.search(new SearchCandidates(null, "lukas", null, null, 0, 10))
                        .total())
                .isZero();
        assertThat(index.search(new SearchCandidates("c1", null, null, null, 0, 10))
                        .total())
                .isZero();
        assertThat(index.search(new SearchCandidates(null, null, CandidateStatus.REGISTERED, null, 0, 10))
                        .total())
                .isZero();
        assertThat(index.search(new SearchCandidates("c2", "obr", CandidateStatus.WITHDRAWN, null, 0, 10))
                        .total())
                .isOne();
    }

    @Test
    void givenCandidatesIndexed_whenCleared_thenEmpty() {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex();
        index.put(summary("k1", "c1", "Adams", CandidateStatus.REGISTERED), 0);

        index.clear();

        assertThat(index.size()).isZero();
        assertThat(index.search(new SearchCandidates(null, null, null, null, 0, 10))
                        .items())
                .isEmpty();
        index.put(summary("k1", "c1", "Adams", CandidateStatus.REGISTERED), 0);
        assertThat(index.size()).isOne();
    }

    private static CandidateSummary summary(
            String candidateId, String centreId, String lastName, CandidateStatus status) {
        var registered = registered(candidateId, centreId, "Q7M2K9XA", "Zoë", lastName, null, "MV3");
        return new CandidateSummary(
                candidateId,
                registered.registrationNumber(),
                centreId,
                registered.firstName(),
                lastName,
                registered.dateOfBirth(),
                null,
                "MV3",
                status,
                false);
    }
}
