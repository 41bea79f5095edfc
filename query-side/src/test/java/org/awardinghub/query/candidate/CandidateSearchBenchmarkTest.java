package org.awardinghub.query.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.query.Page;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Candidate search at 100,000 candidates on the embedded read store, measured. Never part of the normal build:
 * run it with
 * {@code mvn -q -B -o -pl query-side test -Dbenchmark=true -Dtest=CandidateSearchBenchmarkTest
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures are in
 * {@code query-side/target/surefire-reports/org.awardinghub.query.candidate.CandidateSearchBenchmarkTest-output.txt}.
 *
 * <p>The read store is the embedded default's: mongo-java-server on an H2 (MVStore) file with a 128 MB cache, as
 * the application configures it. 100,000 synthetic candidates (varied names, accents included; 200 centres of
 * skewed sizes, the biggest 20,000; 12 qualifications; some withdrawn, reinstated, transferred and amended) go
 * through {@link CandidateProjection}'s event handlers into the collection and the {@link MemoryCandidateSearchIndex}.
 * Then 2,000 varied searches warm the JVM up and 2,000 more are measured: the requirement is p99 ≤ 50 ms for a
 * centre's search and for IMI's search across every centre.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CandidateSearchBenchmarkTest {

    private static final int CANDIDATES = 100_000;
    private static final int CENTRES = 200;
    private static final int BIGGEST_CENTRE = 20_000;
    private static final int SEARCHES = 2_000;
    private static final int LOADING_THREADS = 4;
    private static final Instant AT = Instant.parse("2026-03-02T09:00:00Z");

    private static final String[] FIRST_NAMES = {
        "Oliver",
        "Jack",
        "Harry",
        "George",
        "Noah",
        "Charlie",
        "Jacob",
        "Alfie",
        "Freddie",
        "Oscar",
        "Leo",
        "Archie",
        "Henry",
        "Joshua",
        "James",
        "William",
        "Thomas",
        "Mohammed",
        "Muhammad",
        "Daniel",
        "Samuel",
        "Joseph",
        "Olivia",
        "Amelia",
        "Isla",
        "Ava",
        "Emily",
        "Sophia",
        "Grace",
        "Lily",
        "Mia",
        "Ella",
        "Jessica",
        "Ruby",
        "Evie",
        "Poppy",
        "Isabella",
        "Sophie",
        "Charlotte",
        "Freya",
        "Daisy",
        "Alice",
        "Matilda",
        "Ryan",
        "Liam",
        "Connor",
        "Kieran",
        "Aaron",
        "Nathan",
        "Luke",
        "Adam",
        "Callum",
        "Jordan",
        "Kyle",
        "Ben",
        "Lewis",
        "Jamie",
        "Dylan",
        "Tyler",
        "Ethan",
        "Harvey",
        "Reece",
        "Bradley",
        "Lauren",
        "Chloe",
        "Megan",
        "Hannah",
        "Rebecca",
        "Amy",
        "Laura",
        "Sarah",
        "Emma",
        "Katie",
        "Bethany",
        "Jade",
        "Zoë",
        "Chloé",
        "Siobhán",
        "Aoife",
        "Seán",
        "Niamh",
        "José",
        "María",
        "Jürgen",
        "Björn",
        "Søren",
        "Łukasz",
        "Małgorzata",
        "Paweł",
        "Zofia",
        "François",
        "Hélène",
        "Agnieszka",
        "İlkay",
        "Ömer",
        "Çağla",
        "Ágnes",
        "Tomáš",
        "Jiří",
        "Renée",
        "Noël",
        "Anaïs",
        "Đorđe",
        "Gøran",
        "Åsa",
        "Anne-Marie",
        "Mary-Jane",
        "Jean-Luc",
        "Priya",
        "Aarav",
        "Wei",
        "Yusuf",
        "Fatima",
        "Aisha",
        "Kwame",
        "Chidi",
        "Oluwaseun",
        "Dmitri",
        "Ngozi",
        "Zainab",
        "Ibrahim",
        "Hamza",
        "Omar",
        "Bartłomiej",
        "Dorota",
    };

    private static final String[] LAST_NAMES = {
        "Smith",
        "Jones",
        "Williams",
        "Taylor",
        "Brown",
        "Davies",
        "Evans",
        "Wilson",
        "Thomas",
        "Johnson",
        "Roberts",
        "Robinson",
        "Thompson",
        "Wright",
        "Walker",
        "White",
        "Edwards",
        "Hughes",
        "Green",
        "Hall",
        "Lewis",
        "Harris",
        "Clarke",
        "Patel",
        "Jackson",
        "Wood",
        "Turner",
        "Martin",
        "Cooper",
        "Hill",
        "Ward",
        "Morris",
        "Moore",
        "Clark",
        "Lee",
        "King",
        "Baker",
        "Harrison",
        "Morgan",
        "Allen",
        "James",
        "Scott",
        "Phillips",
        "Watson",
        "Davis",
        "Parker",
        "Price",
        "Bennett",
        "Young",
        "Griffiths",
        "Mitchell",
        "Kelly",
        "Cook",
        "Carter",
        "Richardson",
        "Bailey",
        "Collins",
        "Bell",
        "Shaw",
        "Murphy",
        "Miller",
        "Cox",
        "Richards",
        "Khan",
        "Marshall",
        "Anderson",
        "Simpson",
        "Ellis",
        "Adams",
        "Singh",
        "Begum",
        "Wilkinson",
        "Foster",
        "Chapman",
        "Powell",
        "Webb",
        "Rogers",
        "Gray",
        "Mason",
        "Ali",
        "Hunt",
        "Hussain",
        "Campbell",
        "Matthews",
        "Owen",
        "Palmer",
        "Holmes",
        "Mills",
        "Barnes",
        "Knight",
        "Lloyd",
        "Butler",
        "Russell",
        "Barker",
        "Fisher",
        "Stevens",
        "Jenkins",
        "Murray",
        "Dixon",
        "Stephens",
        "O'Brien",
        "O'Connor",
        "O'Neill",
        "D'Arcy",
        "McDonald",
        "MacLeod",
        "Łukasiewicz",
        "Kowalski",
        "Nowak",
        "Wiśniewski",
        "Wójcik",
        "Müller",
        "Schäfer",
        "Groß",
        "García",
        "Núñez",
        "Peña",
        "Fernández",
        "Gonçalves",
        "Søndergaard",
        "Østergaard",
        "Öztürk",
        "Yılmaz",
        "Çelik",
        "Nguyễn",
        "Trần",
        "de Vere",
        "van der Berg",
        "Smith-Jones",
        "Bowes-Lyon",
        "St John",
        "Dvořák",
        "Novák",
        "Horváth",
        "Kovač",
        "Đokić",
        "Ó Súilleabháin",
        "Ní Bhriain",
        "Okafor",
        "Adeyemi",
        "Mensah",
        "Chen",
        "Wang",
        "Kumar",
        "Sharma",
        "Ahmed",
    };

    private static final String[] QUALIFICATIONS = {
        "LV3", "LV2", "MV3", "HV3", "AC2", "AC3", "MC2", "LV1", "HV2", "EV3", "TY2", "AU4",
    };

    private static final String REGISTRATION_ALPHABET = SearchText.REGISTRATION_ALPHABET;

    /** One synthetic candidate and what later happened to it. */
    private record Synthetic(CandidateRegistered registered, List<Object> changes) {}

    private Path directory;
    private MVStore store;
    private MongoServer server;
    private MongoClient client;
    private MongoDatabase database;
    private MemoryCandidateSearchIndex index;
    private CandidateProjection projection;
    private List<Synthetic> candidates;
    private List<String> centres;

    @BeforeAll
    void loadOneHundredThousandCandidates() throws Exception {
        directory = Files.createTempDirectory(Path.of("target"), "search-benchmark");
        openStore();
        index = new MemoryCandidateSearchIndex();
        projection = new CandidateProjection(database, index);

        Random random = new Random(20261126);
        centres = new ArrayList<>();
        for (int c = 0; c < CENTRES; c++) {
            centres.add(UUID.nameUUIDFromBytes(("centre " + c).getBytes(StandardCharsets.UTF_8))
                    .toString());
        }
        candidates = synthesise(random);

        long started = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(LOADING_THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < LOADING_THREADS; t++) {
            int thread = t;
            work.add(threads.submit(() -> {
                // like a pooled processor's segments: each candidate's events in order, on one thread
                for (int i = thread; i < candidates.size(); i += LOADING_THREADS) {
                    deliver(candidates.get(i));
                }
            }));
        }
        for (Future<?> done : work) {
            done.get();
        }
        threads.shutdown();
        store.commit();
        long events = candidates.stream()
                .mapToLong(candidate -> 1 + candidate.changes().size())
                .sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        line(
                "Loaded %,d candidates (%,d events) through CandidateProjection on the H2-backed read store "
                        + "(%d threads) in %.1f s: %,.0f events/s",
                candidates.size(), events, LOADING_THREADS, seconds, events / seconds);
        assertThat(index.size()).isEqualTo(CANDIDATES);
    }

    /** The embedded read store as the application opens it: an MVStore file with a 128 MB cache. */
    private void openStore() {
        store = new MVStore.Builder()
                .fileName(directory.resolve("readmodels.mv.db").toString())
                .cacheSize(128)
                .open();
        server = new MongoServer(new H2Backend(store));
        InetSocketAddress address = server.bind();
        client = MongoClients.create("mongodb://" + address.getHostString() + ":" + address.getPort());
        database = client.getDatabase("benchmark");
    }

    private void closeStore() {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.shutdownNow();
        }
        if (store != null && !store.isClosed()) {
            store.close();
        }
    }

    @AfterAll
    void close() throws IOException {
        closeStore();
        if (directory != null) {
            try (Stream<Path> files = Files.walk(directory)) {
                files.sorted(Comparator.reverseOrder())
                        .forEach(path -> path.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void givenOneHundredThousandCandidates_whenSearchedTwoThousandTimes_thenP99WellUnderFiftyMilliseconds() {
        Random random = new Random(7);
        for (int i = 0; i < SEARCHES; i++) {
            projection.handle(randomSearch(random).query());
        }

        Map<String, List<Long>> timings = new LinkedHashMap<>();
        long found = 0;
        for (int i = 0; i < SEARCHES; i++) {
            Search search = randomSearch(random);
            long started = System.nanoTime();
            Page<?> page = projection.handle(search.query());
            long nanos = System.nanoTime() - started;
            found += page.total();
            timings.computeIfAbsent("all", k -> new ArrayList<>()).add(nanos);
            timings.computeIfAbsent(
                            search.query().centreId() == null ? "every centre (IMI)" : "one centre",
                            k -> new ArrayList<>())
                    .add(nanos);
            timings.computeIfAbsent("  " + search.kind(), k -> new ArrayList<>())
                    .add(nanos);
        }

        line(
                "%,d searches measured after %,d to warm up; %,.0f candidates found per search on average",
                SEARCHES, SEARCHES, (double) found / SEARCHES);
        line("%-28s %6s %8s %8s %8s %8s", "searches", "count", "p50 ms", "p95 ms", "p99 ms", "max ms");
        timings.forEach((name, nanos) -> line(
                "%-28s %6d %8.2f %8.2f %8.2f %8.2f",
                name,
                nanos.size(),
                percentile(nanos, 0.50),
                percentile(nanos, 0.95),
                percentile(nanos, 0.99),
                percentile(nanos, 1.0)));
        assertThat(percentile(timings.get("one centre"), 0.99)).isLessThanOrEqualTo(50.0);
        assertThat(percentile(timings.get("every centre (IMI)"), 0.99)).isLessThanOrEqualTo(50.0);
    }

    @Test
    @Order(3)
    void givenOneHundredThousandStoredCandidates_whenApplicationRestartsAndLoadsTheIndex_thenTimeReported() {
        closeStore();
        openStore(); // as at a restart: the file's pages not yet in the store's cache
        for (int run = 1; run <= 3; run++) {
            long started = System.nanoTime();
            MemoryCandidateSearchIndex loaded = MemoryCandidateSearchIndex.loadedFrom(database);
            line(
                    "Index loaded from the 100,000-document collection (%s): %,d ms",
                    run == 1 ? "first load after reopening the store, as at start-up" : "again, store cache warm",
                    (System.nanoTime() - started) / 1_000_000);
            SearchCandidates query = new SearchCandidates(centres.get(0), "s", null, null, 0, 50);
            assertThat(loaded.size()).isEqualTo(CANDIDATES);
            assertThat(loaded.search(query)).isEqualTo(index.search(query));
        }
        long started = System.nanoTime();
        List<String> fields = new ArrayList<>(CandidateDocument.SUMMARY_FIELDS);
        fields.add("seq");
        long[] documents = {0};
        database.getCollection(CandidateProjection.COLLECTION)
                .find()
                .projection(Projections.include(fields))
                .forEach(document -> documents[0]++);
        line(
                "Of which the scan alone (the same fields, nothing indexed): %,d documents in %,d ms",
                documents[0], (System.nanoTime() - started) / 1_000_000);
    }

    @Test
    @Order(4)
    void givenOneHundredThousandCandidates_whenIndexedAlone_thenItsHeapReported() {
        for (int round = 1; round <= 3; round++) {
            long before = usedHeap();
            MemoryCandidateSearchIndex measured = new MemoryCandidateSearchIndex();
            for (Synthetic candidate : candidates) {
                // copies, so that the heap the index holds is all its own
                CandidateRegistered registered = candidate.registered();
                LocalDate born = registered.dateOfBirth();
                measured.put(
                        new CandidateSummary(
                                copy(registered.candidateId()),
                                copy(registered.registrationNumber()),
                                copy(registered.centreId()),
                                copy(registered.firstName()),
                                copy(registered.lastName()),
                                LocalDate.of(born.getYear(), born.getMonth(), born.getDayOfMonth()),
                                copy(registered.uln()),
                                copy(registered.qualificationCode()),
                                CandidateStatus.REGISTERED,
                                registered.late(),
                                registered.registeredOn()),
                        0);
            }
            long after = usedHeap();
            line(
                    "Index heap for %,d candidates (round %d): about %,d MB (%,d bytes per candidate)",
                    measured.size(), round, (after - before) >> 20, (after - before) / measured.size());
        }
    }

    /** For comparison only: the mongo index's queries on the embedded store, which scans for each of them. */
    @Test
    @Order(2)
    void givenOneHundredThousandStoredCandidates_whenTheMongoIndexSearchesTheEmbeddedStore_thenSecondsEach() {
        MongoCandidateSearchIndex mongoIndex = new MongoCandidateSearchIndex(database);
        Synthetic someone = candidates.get(12_345);
        List<SearchCandidates> queries = List.of(
                new SearchCandidates(centres.get(0), null, null, null, 0, 50),
                new SearchCandidates(null, "smi", null, null, 0, 50),
                new SearchCandidates(null, someone.registered().registrationNumber(), null, null, 0, 50));
        for (SearchCandidates query : queries) {
            long started = System.nanoTime();
            Page<CandidateSummary> page = mongoIndex.search(query);
            line(
                    "Mongo index on the embedded store: %s → %,d found in %,d ms",
                    describe(query), page.total(), (System.nanoTime() - started) / 1_000_000);
            assertThat(page).isEqualTo(index.search(query));
        }
    }

    private void deliver(Synthetic candidate) {
        projection.on(candidate.registered(), 0, AT);
        long sequence = 1;
        for (Object change : candidate.changes()) {
            Instant at = AT.plusSeconds(3600 * sequence);
            if (change instanceof CandidateWithdrawn withdrawn) {
                projection.on(withdrawn, sequence, at);
            } else if (change instanceof CandidateReinstated reinstated) {
                projection.on(reinstated, sequence, at);
            } else if (change instanceof CandidateTransferred transferred) {
                projection.on(transferred, sequence, at);
            } else if (change instanceof CandidateNameAmended amended) {
                projection.on(amended, sequence, at);
            } else if (change instanceof CandidateQualificationAmended amended) {
                projection.on(amended, sequence, at);
            }
            sequence++;
        }
    }

    private List<Synthetic> synthesise(Random random) {
        int[] sizes = centreSizes();
        List<Synthetic> synthetic = new ArrayList<>(CANDIDATES);
        Set<String> registrationNumbers = new HashSet<>();
        int number = 0;
        for (int c = 0; c < CENTRES; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                // ids as the command side makes them: UUIDs (here reproducible ones)
                String id = UUID.nameUUIDFromBytes(("candidate " + number++).getBytes(StandardCharsets.UTF_8))
                        .toString();
                String registrationNumber;
                do {
                    registrationNumber = randomRegistrationNumber(random);
                } while (!registrationNumbers.add(registrationNumber));
                String firstName = pick(FIRST_NAMES, random);
                String lastName = random.nextInt(40) == 0
                        ? pick(LAST_NAMES, random) + "-" + pick(LAST_NAMES, random)
                        : pick(LAST_NAMES, random);
                String uln =
                        random.nextInt(10) < 6 ? String.valueOf(1_000_000_000L + random.nextInt(900_000_000)) : null;
                CandidateRegistered registered = new CandidateRegistered(
                        id,
                        centres.get(c),
                        registrationNumber,
                        firstName,
                        lastName,
                        LocalDate.of(1970 + random.nextInt(40), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                        uln,
                        pick(QUALIFICATIONS, random),
                        LocalDate.of(2026, 1, 5),
                        LocalDate.of(2026, 3, 2),
                        random.nextInt(20) == 0,
                        false);
                synthetic.add(new Synthetic(registered, changes(registered, random)));
            }
        }
        return synthetic;
    }

    private List<Object> changes(CandidateRegistered registered, Random random) {
        List<Object> changes = new ArrayList<>();
        String id = registered.candidateId();
        String centreId = registered.centreId();
        if (random.nextInt(100) < 3) {
            changes.add(new CandidateNameAmended(
                    id,
                    centreId,
                    registered.firstName(),
                    registered.lastName(),
                    registered.firstName(),
                    pick(LAST_NAMES, random),
                    "married"));
        }
        if (random.nextInt(100) < 1) {
            changes.add(new CandidateQualificationAmended(
                    id, centreId, registered.qualificationCode(), pick(QUALIFICATIONS, random), "changed course"));
        }
        if (random.nextInt(100) < 2) {
            String to = centres.get(1 + random.nextInt(CENTRES - 1));
            changes.add(new CandidateTransferred(id, centreId, to, "moved"));
            centreId = to;
        }
        if (random.nextInt(100) < 9) {
            changes.add(new CandidateWithdrawn(id, centreId, "left"));
            if (random.nextInt(9) == 0) {
                changes.add(new CandidateReinstated(id, centreId, "returned"));
            }
        }
        return changes;
    }

    /** The biggest centre has 20,000; the other 80,000 spread over 199 centres as 1/rank^0.7. */
    private static int[] centreSizes() {
        int[] sizes = new int[CENTRES];
        sizes[0] = BIGGEST_CENTRE;
        double[] weights = new double[CENTRES];
        double sum = 0;
        for (int c = 1; c < CENTRES; c++) {
            weights[c] = 1 / Math.pow(c, 0.7);
            sum += weights[c];
        }
        int left = CANDIDATES - BIGGEST_CENTRE;
        for (int c = 1; c < CENTRES; c++) {
            sizes[c] = (int) Math.floor(weights[c] / sum * (CANDIDATES - BIGGEST_CENTRE));
            left -= sizes[c];
        }
        sizes[1] += left;
        return sizes;
    }

    /** What a search was, for the figures by kind. */
    private record Search(SearchCandidates query, String kind) {}

    private Search randomSearch(Random random) {
        boolean global = random.nextBoolean();
        Synthetic someone;
        String centreId = null;
        if (global) {
            someone = candidates.get(random.nextInt(candidates.size()));
        } else {
            // a candidate's own centre, the biggest one about a third of the time
            someone = random.nextInt(5) == 0
                    ? candidates.get(random.nextInt(BIGGEST_CENTRE))
                    : candidates.get(random.nextInt(candidates.size()));
            centreId = someone.registered().centreId();
        }
        CandidateRegistered registered = someone.registered();
        int kind = random.nextInt(100);
        String text;
        String kindName;
        if (kind < 15) {
            text = random.nextBoolean() ? null : "";
            kindName = "no text";
        } else if (kind < 45) {
            String name = CandidateNames.fold(random.nextBoolean() ? registered.lastName() : registered.firstName())
                    .replace("'", "");
            text = name.substring(0, Math.min(name.length(), 1 + random.nextInt(3)));
            kindName = "1-3 letter prefix";
        } else if (kind < 60) {
            text = registered.firstName() + " " + registered.lastName();
            kindName = "full name";
        } else if (kind < 70) {
            text = registered.lastName().toUpperCase(Locale.ROOT);
            kindName = "last name";
        } else if (kind < 75) {
            String first = CandidateNames.fold(registered.firstName());
            text = registered.lastName() + ", " + first.substring(0, Math.min(2, first.length()));
            kindName = "last name, first letters";
        } else if (kind < 85) {
            text = random.nextInt(4) == 0
                    ? candidates
                            .get(random.nextInt(candidates.size()))
                            .registered()
                            .registrationNumber()
                    : registered.registrationNumber().toLowerCase(Locale.ROOT);
            kindName = "registration number";
        } else if (kind < 90) {
            text = registered.uln() != null ? registered.uln() : "1234567890";
            kindName = "ULN";
        } else if (kind < 95) {
            text = CandidateNames.fold(registered.lastName()).replace("'", "");
            kindName = "unaccented name";
        } else {
            text = "xq" + (char) ('a' + random.nextInt(26));
            kindName = "no match";
        }
        CandidateStatus status = random.nextInt(5) == 0 ? CandidateStatus.values()[random.nextInt(2)] : null;
        String qualification = random.nextInt(5) == 0 ? pick(QUALIFICATIONS, random) : null;
        int roll = random.nextInt(100);
        int page = roll < 80 ? 0 : roll < 95 ? 1 + random.nextInt(5) : 10 + random.nextInt(90);
        int size = random.nextBoolean() ? 20 : 50;
        return new Search(new SearchCandidates(centreId, text, status, qualification, page, size), kindName);
    }

    private static String pick(String[] values, Random random) {
        // skewed towards the front of the list, as common names are
        double u = random.nextDouble();
        return values[(int) (values.length * u * u)];
    }

    private static String randomRegistrationNumber(Random random) {
        char[] number = new char[8];
        for (int i = 0; i < number.length; i++) {
            number[i] = REGISTRATION_ALPHABET.charAt(random.nextInt(REGISTRATION_ALPHABET.length()));
        }
        return new String(number);
    }

    private static double percentile(List<Long> nanos, double quantile) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(rank, sorted.length - 1))] / 1e6;
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static String copy(String value) {
        return value == null ? null : String.valueOf(value.toCharArray());
    }

    private static String describe(SearchCandidates query) {
        return Arrays.asList(
                        query.centreId() == null ? "every centre" : "the biggest centre",
                        query.text() == null ? "no text" : "\"" + query.text() + "\"")
                .toString();
    }

    private static void line(String format, Object... arguments) {
        String line = String.format(Locale.ROOT, format, arguments);
        System.out.println(line);
    }
}
