package org.awardinghub.query.candidate;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Candidate search in the application's memory: the default, for the embedded single-node read store, which
 * serves only {@code _id} and unique-key lookups and scans the whole collection for anything else (hundreds of
 * milliseconds to seconds per query at 100,000 candidates). <strong>Single node only</strong>: each node would
 * see only the events of the processor segments it owns, so with several nodes use a real MongoDB and
 * {@link MongoCandidateSearchIndex}.
 *
 * <p>It is a copy of the candidates collection, kept by {@link CandidateProjection} after every write
 * ({@link #put}, ignoring a summary no newer than the one it holds), emptied by the projection's reset, and
 * {@linkplain #loadingFrom loaded} from the collection in one scan when the application starts, while the
 * processors run (the newer version of a candidate wins; a reset during the load ends it).
 *
 * <p>How a search stays fast: every candidate sits in ordered sets (keyed by last name, first name, id) — all
 * candidates, the centre's, the status's, the qualification's, the ULN's, and one per start (the first one and
 * the first two characters) of each of its name tokens. A search names the sets its conditions allow, walks the
 * smallest in order and tests the other conditions on each candidate. When the smallest set is itself the
 * answer (say a centre's list, or a one- or two-letter name), the walk stops at the end of the page and the total
 * is the set's size; otherwise it walks that set once to count. So the cost is bounded by the most selective
 * condition, never by the number of candidates. Reads share a lock; a change takes it alone for microseconds.
 */
public final class MemoryCandidateSearchIndex implements CandidateSearchIndex, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryCandidateSearchIndex.class);

    /** Name-token starts with a set of their own: the first character, and the first two. */
    private static final int PREFIX_LENGTH = 2;

    /** One candidate as indexed: its summary, the sequence it is as of, its place in every list, its tokens. */
    private record Indexed(CandidateSummary summary, long sequence, String order, String[] tokens) {

        boolean hasTokenStartingWith(String word) {
            for (String token : tokens) {
                if (token.startsWith(word)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** One condition of a search: the set of candidates that may pass it, whether exactly those, and the test. */
    private record Condition(NavigableMap<String, Indexed> candidates, boolean exact, Predicate<Indexed> test) {}

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Indexed> byId = new HashMap<>();
    private final Map<String, Indexed> byRegistrationNumber = new HashMap<>();
    private final NavigableMap<String, Indexed> everyone = new TreeMap<>();
    private final Map<String, NavigableMap<String, Indexed>> byCentre = new HashMap<>();
    private final Map<CandidateStatus, NavigableMap<String, Indexed>> byStatus = new EnumMap<>(CandidateStatus.class);
    private final Map<String, NavigableMap<String, Indexed>> byQualification = new HashMap<>();
    private final Map<String, NavigableMap<String, Indexed>> byUln = new HashMap<>();
    private final Map<String, NavigableMap<String, Indexed>> byNamePrefix = new HashMap<>();
    /** One copy of each recurring value (centre ids, qualification codes, names, tokens, dates), to save memory. */
    private final Map<Object, Object> shared = new HashMap<>();

    /** How long a search waits for the index to finish loading before it is answered as not ready yet. */
    static final Duration LOAD_WAIT = Duration.ofSeconds(30);

    /** A load that fails (the read store answering an error) is tried again, this many times in all. */
    private static final int LOAD_ATTEMPTS = 3;

    /** Stands for "whatever the generation": the projection's own changes always apply. */
    private static final long ANY_GENERATION = -1;

    private final Duration loadWait;
    private final CountDownLatch loaded = new CountDownLatch(1);
    private volatile RuntimeException loadFailure;
    private volatile boolean closing;
    private Thread loader;
    /** Counts the resets ({@link #clear}): a load begun before one stops, the reset state being the truth. */
    private long generation;

    /** The candidates of the read store as a load reads them: each summary with the sequence it is as of. */
    interface Source {
        void forEach(BiConsumer<CandidateSummary, Long> candidate);
    }

    /** Thrown out of a load that a reset overtook. */
    private static final class Superseded extends RuntimeException {
        Superseded() {
            super(null, null, false, false);
        }
    }

    /** An empty index with nothing to load: ready at once, filled by the projection. */
    public MemoryCandidateSearchIndex() {
        this(LOAD_WAIT);
        loaded.countDown();
    }

    /** An index that answers searches only once {@link #load} ends, waiting at most {@code loadWait} for it. */
    MemoryCandidateSearchIndex(Duration loadWait) {
        this.loadWait = loadWait;
    }

    /**
     * An index to be loaded from every candidate of the collection, on a thread of its own, once
     * {@link #startLoading} is called (when the application has started, so that the load does not compete with the
     * start: about 8 s at 100,000 candidates, reading the embedded store's documents). A search waits for the load
     * to end (at most {@link #LOAD_WAIT}); the projection's changes apply meanwhile, the newer of two versions of a
     * candidate winning either way.
     */
    public static MemoryCandidateSearchIndex loadingFrom(MongoDatabase database) {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex(LOAD_WAIT);
        index.loader = new Thread(() -> index.load(candidatesOf(database)), "candidate-search-load");
        index.loader.setDaemon(true);
        return index;
    }

    /** Starts the load {@link #loadingFrom} prepared, once; nothing for an index with nothing to load. */
    public synchronized void startLoading() {
        if (loader != null && loader.getState() == Thread.State.NEW) {
            loader.start();
        }
    }

    /** Loaded, and not failed: searches are answered. */
    @Override
    public boolean ready() {
        return loaded.getCount() == 0 && loadFailure == null;
    }

    /** The application stops: a load still running ends quietly. */
    @Override
    public void close() {
        closing = true;
    }

    /** Loads every candidate of the collection on the calling thread, and answers when done (for tests). */
    static MemoryCandidateSearchIndex loadedFrom(MongoDatabase database) {
        MemoryCandidateSearchIndex index = new MemoryCandidateSearchIndex(LOAD_WAIT);
        index.load(candidatesOf(database));
        return index;
    }

    private static Source candidatesOf(MongoDatabase database) {
        List<String> fields = new ArrayList<>(CandidateDocument.SUMMARY_FIELDS);
        fields.add(ReadModelCollection.SEQUENCE);
        ReadModelCollection candidates = new ReadModelCollection(database, CandidateProjection.COLLECTION);
        return sink -> candidates.forEach(
                Projections.include(fields),
                candidate -> sink.accept(
                        CandidateDocument.summary(candidate),
                        ((Number) candidate.get(ReadModelCollection.SEQUENCE)).longValue()));
    }

    /** Fills the index from the source, then lets searches in, whether the load succeeded or not. */
    void load(Source source) {
        long started = System.nanoTime();
        try {
            for (int attempt = 1; ; attempt++) {
                long generationAtStart = generation();
                try {
                    source.forEach((summary, sequence) -> {
                        if (!put(summary, sequence, generationAtStart)) {
                            throw new Superseded();
                        }
                    });
                    LOG.info(
                            "Candidate search index loaded: {} candidates in {} ms",
                            size(),
                            (System.nanoTime() - started) / 1_000_000);
                    return;
                } catch (Superseded e) {
                    LOG.info("Candidate search index load stopped: the candidates were reset while it ran");
                    return;
                } catch (RuntimeException e) {
                    if (closing) {
                        LOG.debug("Candidate search index load ended: the application stops");
                        return;
                    }
                    if (attempt == LOAD_ATTEMPTS) {
                        loadFailure = e;
                        LOG.error("Candidate search index could not be loaded; searches are refused", e);
                        return;
                    }
                    LOG.warn("Candidate search index load failed (attempt {}); trying again", attempt, e);
                }
            }
        } finally {
            loaded.countDown();
        }
    }

    private long generation() {
        lock.readLock().lock();
        try {
            return generation;
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void put(CandidateSummary candidate, long sequence) {
        put(candidate, sequence, ANY_GENERATION);
    }

    /** Keeps the candidate unless it holds a newer version; false when a reset came after {@code expected}. */
    private boolean put(CandidateSummary candidate, long sequence, long expectedGeneration) {
        CandidateNames.Searchable names = CandidateNames.searchable(candidate.firstName(), candidate.lastName());
        String order = names.sortKey() + CandidateNames.SORT_SEPARATOR + candidate.candidateId();
        List<String> tokens = names.tokens();
        lock.writeLock().lock();
        try {
            if (expectedGeneration != ANY_GENERATION && expectedGeneration != generation) {
                return false;
            }
            Indexed old = byId.get(candidate.candidateId());
            if (old != null && old.sequence() >= sequence) {
                return true;
            }
            if (old != null) {
                remove(old);
            }
            add(new Indexed(
                    withSharedValues(candidate),
                    sequence,
                    order,
                    tokens.stream().map(this::shared).toArray(String[]::new)));
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void clear() {
        lock.writeLock().lock();
        try {
            generation++;
            byId.clear();
            byRegistrationNumber.clear();
            everyone.clear();
            byCentre.clear();
            byStatus.clear();
            byQualification.clear();
            byUln.clear();
            byNamePrefix.clear();
            shared.clear();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** How many candidates it holds. */
    public int size() {
        lock.readLock().lock();
        try {
            return byId.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public Page<CandidateSummary> search(SearchCandidates query) {
        awaitLoaded();
        Page<CandidateSummary> empty = ReadModelCollection.emptyPage(query.page(), query.size());
        SearchText text = SearchText.of(query.text());
        lock.readLock().lock();
        try {
            List<Condition> conditions = conditions(query, text);
            return conditions.stream().anyMatch(condition -> condition.candidates() == null)
                    ? empty
                    : page(conditions, empty.page(), empty.size());
        } finally {
            lock.readLock().unlock();
        }
    }

    private void awaitLoaded() {
        try {
            if (!loaded.await(loadWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CandidateSearchNotReady(
                        "Candidate search is still loading after the start; try again in a" + " few seconds");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CandidateSearchNotReady("Candidate search was interrupted while it loaded");
        }
        if (loadFailure != null) {
            throw new CandidateSearchNotReady("Candidate search could not be loaded: " + loadFailure.getMessage());
        }
    }

    private List<Condition> conditions(SearchCandidates query, SearchText text) {
        List<Condition> conditions = new ArrayList<>();
        String centreId = query.centreId();
        if (centreId != null) {
            conditions.add(new Condition(
                    byCentre.get(centreId),
                    true,
                    candidate -> centreId.equals(candidate.summary().centreId())));
        }
        CandidateStatus status = query.status();
        if (status != null) {
            conditions.add(new Condition(
                    byStatus.get(status), true, candidate -> candidate.summary().status() == status));
        }
        String qualificationCode = blankAsNull(query.qualificationCode());
        if (qualificationCode != null) {
            conditions.add(new Condition(
                    byQualification.get(qualificationCode),
                    true,
                    candidate -> qualificationCode.equals(candidate.summary().qualificationCode())));
        }
        if (query.registeredFrom() != null || query.registeredTo() != null) {
            // no index of its own: tested on the candidates of the smallest other condition, as they are walked
            conditions.add(new Condition(
                    everyone,
                    false,
                    candidate -> query.registeredWithin(candidate.summary().registeredOn())));
        }
        if (text.uln() != null) {
            conditions.add(new Condition(
                    byUln.get(text.uln()),
                    true,
                    candidate -> text.uln().equals(candidate.summary().uln())));
            return conditions;
        }
        Indexed numbered =
                text.registrationNumber() == null ? null : byRegistrationNumber.get(text.registrationNumber());
        if (numbered != null
                && (centreId == null || centreId.equals(numbered.summary().centreId()))) {
            conditions.add(new Condition(
                    new TreeMap<>(Map.of(numbered.order(), numbered)), true, candidate -> candidate == numbered));
            return conditions;
        }
        for (String word : text.words()) {
            conditions.add(new Condition(
                    byNamePrefix.get(prefix(word)),
                    word.codePointCount(0, word.length()) <= PREFIX_LENGTH,
                    candidate -> candidate.hasTokenStartingWith(word)));
        }
        return conditions;
    }

    /** Walks the smallest set in order, testing the other conditions; stops early when the set is the answer. */
    private Page<CandidateSummary> page(List<Condition> conditions, int page, int size) {
        Condition walked = conditions.stream()
                .min((a, b) ->
                        Integer.compare(a.candidates().size(), b.candidates().size()))
                .orElse(new Condition(everyone, true, candidate -> true));
        List<Predicate<Indexed>> tests = new ArrayList<>();
        for (Condition condition : conditions) {
            if (condition != walked || !condition.exact()) {
                tests.add(condition.test());
            }
        }
        long skip = (long) page * size;
        List<CandidateSummary> items = new ArrayList<>();
        long total = 0;
        for (Indexed candidate : walked.candidates().values()) {
            if (tests.isEmpty()) {
                if (total == skip + size) {
                    total = walked.candidates().size();
                    break;
                }
            } else if (!passes(candidate, tests)) {
                continue;
            }
            if (total >= skip && items.size() < size) {
                items.add(candidate.summary());
            }
            total++;
        }
        return new Page<>(items, page, size, total);
    }

    private static boolean passes(Indexed candidate, List<Predicate<Indexed>> tests) {
        for (Predicate<Indexed> test : tests) {
            if (!test.test(candidate)) {
                return false;
            }
        }
        return true;
    }

    private void add(Indexed candidate) {
        CandidateSummary summary = candidate.summary();
        byId.put(summary.candidateId(), candidate);
        if (summary.registrationNumber() != null) {
            byRegistrationNumber.put(registrationKey(summary.registrationNumber()), candidate);
        }
        everyone.put(candidate.order(), candidate);
        file(byCentre, summary.centreId(), candidate);
        file(byStatus, summary.status(), candidate);
        file(byQualification, summary.qualificationCode(), candidate);
        file(byUln, summary.uln(), candidate);
        for (String prefix : prefixes(candidate.tokens())) {
            file(byNamePrefix, prefix, candidate);
        }
    }

    private void remove(Indexed candidate) {
        CandidateSummary summary = candidate.summary();
        byId.remove(summary.candidateId());
        if (summary.registrationNumber() != null) {
            byRegistrationNumber.remove(registrationKey(summary.registrationNumber()), candidate);
        }
        everyone.remove(candidate.order());
        unfile(byCentre, summary.centreId(), candidate);
        unfile(byStatus, summary.status(), candidate);
        unfile(byQualification, summary.qualificationCode(), candidate);
        unfile(byUln, summary.uln(), candidate);
        for (String prefix : prefixes(candidate.tokens())) {
            unfile(byNamePrefix, prefix, candidate);
        }
    }

    private static <K> void file(Map<K, NavigableMap<String, Indexed>> sets, K key, Indexed candidate) {
        if (key != null) {
            sets.computeIfAbsent(key, k -> new TreeMap<>()).put(candidate.order(), candidate);
        }
    }

    private static <K> void unfile(Map<K, NavigableMap<String, Indexed>> sets, K key, Indexed candidate) {
        NavigableMap<String, Indexed> set = key == null ? null : sets.get(key);
        if (set != null) {
            set.remove(candidate.order());
            if (set.isEmpty()) {
                sets.remove(key);
            }
        }
    }

    /** The starts of its tokens a candidate is filed under: each token's first character and first two. */
    private static Set<String> prefixes(String[] tokens) {
        Set<String> prefixes = new LinkedHashSet<>();
        for (String token : tokens) {
            int codePoints = token.codePointCount(0, token.length());
            for (int length = 1; length <= Math.min(codePoints, PREFIX_LENGTH); length++) {
                prefixes.add(token.substring(0, token.offsetByCodePoints(0, length)));
            }
        }
        return prefixes;
    }

    private static String registrationKey(String registrationNumber) {
        return registrationNumber.toUpperCase(Locale.ROOT);
    }

    private static String prefix(String word) {
        int codePoints = word.codePointCount(0, word.length());
        return word.substring(0, word.offsetByCodePoints(0, Math.min(codePoints, PREFIX_LENGTH)));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @SuppressWarnings("unchecked")
    private <T> T shared(T value) {
        return value == null ? null : (T) shared.computeIfAbsent(value, v -> v);
    }

    private CandidateSummary withSharedValues(CandidateSummary candidate) {
        return new CandidateSummary(
                candidate.candidateId(),
                candidate.registrationNumber(),
                shared(candidate.centreId()),
                shared(candidate.firstName()),
                shared(candidate.lastName()),
                shared(candidate.dateOfBirth()),
                candidate.uln(),
                shared(candidate.qualificationCode()),
                candidate.status(),
                candidate.late(),
                shared(candidate.registeredOn()));
    }
}
