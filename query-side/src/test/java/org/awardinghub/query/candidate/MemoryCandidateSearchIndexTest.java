package org.awardinghub.query.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awardinghub.query.candidate.CandidateHistories.registered;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    private static final SearchCandidates EVERYONE = new SearchCandidates(null, null, null, null, 0, 50);

    /** A read store that hands the load its first candidate, then waits to be let go for the second. */
    private final CountDownLatch firstRead = new CountDownLatch(1);

    private final CountDownLatch letGo = new CountDownLatch(1);
    private final MemoryCandidateSearchIndex.Source slowStore = candidate -> {
        candidate.accept(summary("k1", "c1", "Adams", CandidateStatus.REGISTERED), 1L);
        firstRead.countDown();
        await(letGo);
        candidate.accept(summary("k2", "c1", "Brown", CandidateStatus.REGISTERED), 4L);
    };

    @Test
    void givenALoadUnderWay_whenSearched_thenTheSearchWaitsForEveryCandidate() throws Exception {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex(Duration.ofSeconds(10));
        Thread loader = loadInBackground(index, slowStore);
        await(firstRead);

        CompletableFuture<Page<CandidateSummary>> search = CompletableFuture.supplyAsync(() -> index.search(EVERYONE));
        Thread.sleep(200);
        assertThat(search).isNotDone();
        letGo.countDown();

        assertThat(search.get(10, TimeUnit.SECONDS).total()).isEqualTo(2);
        loader.join();
    }

    @Test
    void givenALoadUnderWay_whenAHundredSearchAtOnce_thenEveryOneAnswersEveryCandidateOnceLoaded() throws Exception {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex(Duration.ofSeconds(10));
        Thread loader = loadInBackground(index, slowStore);
        await(firstRead);
        ExecutorService room = Executors.newFixedThreadPool(100);
        try {
            CountDownLatch ready = new CountDownLatch(100);
            List<Future<Page<CandidateSummary>>> searches = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                searches.add(room.submit(() -> {
                    ready.countDown();
                    return index.search(EVERYONE);
                }));
            }
            await(ready);
            Thread.sleep(200);
            assertThat(searches).noneMatch(Future::isDone);

            letGo.countDown();

            for (Future<Page<CandidateSummary>> search : searches) {
                assertThat(search.get(10, TimeUnit.SECONDS).total()).isEqualTo(2);
            }
        } finally {
            room.shutdownNow();
        }
        loader.join();
    }

    @Test
    void givenALoadUnderWay_whenTheProjectionWritesANewerVersion_thenTheNewerOneStays() throws Exception {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex(Duration.ofSeconds(10));
        Thread loader = loadInBackground(index, slowStore);
        await(firstRead);

        index.put(summary("k2", "c2", "Brown", CandidateStatus.WITHDRAWN), 5); // newer than the store's copy
        letGo.countDown();
        loader.join();

        assertThat(index.search(new SearchCandidates("c2", null, CandidateStatus.WITHDRAWN, null, 0, 10))
                        .total())
                .isOne();
        assertThat(index.search(new SearchCandidates("c1", "brown", null, null, 0, 10))
                        .total())
                .isZero();
    }

    @Test
    void givenALoadUnderWay_whenTheCandidatesAreReset_thenTheLoadStopsAndNothingStaleComesBack() throws Exception {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex(Duration.ofSeconds(10));
        Thread loader = loadInBackground(index, slowStore);
        await(firstRead);

        index.clear(); // a replay of the projection begins
        index.put(summary("k9", "c3", "Clark", CandidateStatus.REGISTERED), 0);
        letGo.countDown();
        loader.join();

        assertThat(index.search(EVERYONE).items())
                .extracting(CandidateSummary::candidateId)
                .containsExactly("k9");
    }

    @Test
    void givenALoadThatDoesNotEndInTime_whenSearched_thenNotReadyYet() {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex(Duration.ofMillis(200));
        loadInBackground(index, slowStore);
        await(firstRead);

        assertThatThrownBy(() -> index.search(EVERYONE))
                .isInstanceOf(CandidateSearchNotReady.class)
                .hasMessageContaining("still loading");
        letGo.countDown();
    }

    @Test
    void givenAReadStoreThatFailsOnce_whenLoaded_thenTriedAgainAndComplete() {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex(Duration.ofSeconds(10));
        AtomicInteger reads = new AtomicInteger();

        index.load(candidate -> {
            candidate.accept(summary("k1", "c1", "Adams", CandidateStatus.REGISTERED), 1L);
            if (reads.incrementAndGet() == 1) {
                throw new IllegalStateException("Chunk 32848 not found");
            }
            candidate.accept(summary("k2", "c1", "Brown", CandidateStatus.REGISTERED), 4L);
        });

        assertThat(index.search(EVERYONE).total()).isEqualTo(2);
    }

    @Test
    void givenAReadStoreThatAlwaysFails_whenSearched_thenRefusedWithTheReason() {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex(Duration.ofSeconds(10));

        index.load(candidate -> {
            throw new IllegalStateException("the read store is gone");
        });

        assertThatThrownBy(() -> index.search(EVERYONE))
                .isInstanceOf(CandidateSearchNotReady.class)
                .hasMessageContaining("the read store is gone");
    }

    private Thread loadInBackground(MemoryCandidateSearchIndex index, MemoryCandidateSearchIndex.Source source) {
        Thread loader = new Thread(() -> index.load(source));
        loader.start();
        return loader;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(10, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
                false,
                registered.registeredOn());
    }
}
