package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.awardinghub.api.store.RestartTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

/**
 * Exam day, through HTTP as the candidates and invigilators would use it, on each store: a room of candidates at
 * several centres press Start within a minute, answer question after question at a human pace, change some answers,
 * and most submit; the others are submitted by the time limit. Meanwhile one invigilator per centre watches the
 * centre's attempt list. It measures the answer times of starts, answers and submits, how soon the invigilators see
 * a start or a submission, and checks every result against the answers the benchmark itself sent. Before the exam,
 * raw inserts of event-shaped rows into the same database give a same-run baseline for the answer rate.
 * <p>
 * Not part of the test suite; run it with
 * {@code mvn -B -pl api -am verify -Dbenchmark=true -Dtest=ExamDayBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 * Sizes: {@code -Dexamday.candidates} (1000), {@code .centres} (10), {@code .start-window} (PT60S),
 * {@code .questions} (30, from a bank twice that size), {@code .think} (PT10S, the mean time between answers),
 * {@code .duration-minutes} (the test's time limit; by default long enough for nearly every candidate at that pace:
 * 8 at the defaults),
 * {@code .stores} (embedded,postgres; postgres only when {@code AWARDING_TEST_POSTGRES_URL} names a server, as for
 * {@link org.awardinghub.api.store.PostgresEventStoreTest}), {@code .seed} (42). It writes its figures to
 * {@code api/target/exam-day-benchmark.md}, and fails afterwards if anything went wrong (a failed start, a server
 * error or other unexpected status, a wrong result, an attempt the time limit did not submit).
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ExamDayBenchmark {

    static {
        RunningApplication.withoutAssertions();
        // Tomcat closes a connection after 20 s idle, and candidates often think longer than that. The JDK client
        // keeps idle connections for 20 minutes and may race the server's close, sending a POST down a closed
        // connection: a failure no server caused. Read once, when the first client is built, so set it here.
        System.setProperty("jdk.httpclient.keepalive.timeout", "10");
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path REPORT = Path.of("target", "exam-day-benchmark.md");

    /** How candidates answer: right this often; this share of questions gets its answer changed once, later. */
    private static final double RIGHT_SHARE = 0.70;

    private static final double CHANGE_SHARE = 0.10;
    /** No answer is sent later than this before the end time, so that none arrives after it and is refused. */
    private static final Duration LAST_ANSWER_MARGIN = Duration.ofSeconds(5);
    /** Candidates who wait for the end submit at a random moment within this stretch before the margin. */
    private static final Duration NEAR_END_SPREAD = Duration.ofSeconds(30);

    private static final Duration POLL_EVERY = Duration.ofSeconds(2);
    /** After the last end time, how long the time limit and the read models get to show every submission. */
    private static final Duration SETTLE_AT_MOST = Duration.ofMinutes(2);

    private static final int SET_UP_THREADS = 8;
    private static final int BASELINE_THREADS = 16;
    private static final Duration BASELINE_TIME = Duration.ofSeconds(10);
    private static final int PASS_PERCENT = 70;

    @Test
    void examDay() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        StringBuilder report =
                new StringBuilder("# Exam-day benchmark\n\n").append(machine()).append(settings.markdown());
        List<String> problems = new ArrayList<>();
        for (String store : settings.stores()) {
            if (store.equals("postgres") && !ScratchPostgres.available()) {
                report.append("## postgres\n\nSkipped: `AWARDING_TEST_POSTGRES_URL` is not set.\n\n");
                continue;
            }
            StoreFigures figures = runOn(store, settings);
            report.append(figures.markdown());
            figures.exam().problems().forEach(problem -> problems.add(store + ": " + problem));
            Files.writeString(REPORT, report); // each store's figures survive a later store's failure
        }
        Files.writeString(REPORT, report);
        System.out.println(report);
        assertThat(problems)
                .as("what went wrong on exam day (figures in %s)", REPORT.toAbsolutePath())
                .isEmpty();
    }

    /** One whole run on a fresh application and store: set-up, baseline, exam. */
    private static StoreFigures runOn(String store, Settings settings) throws Exception {
        Path dataDir = Path.of("target", "exam-day-data", store).toAbsolutePath();
        FileSystemUtils.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        try (ScratchPostgres database = store.equals("postgres") ? ScratchPostgres.create("awarding_exam_") : null) {
            Map<String, String> properties = database == null ? Map.of() : database.properties();
            String[] profiles = database == null ? new String[0] : new String[] {"postgres"};
            Phases phases = new Phases();
            long started = System.nanoTime();
            try (RunningApplication app = RunningApplication.start(dataDir, properties, profiles)) {
                phases.add(
                        "application started on a fresh " + (database == null ? "data directory" : "database"),
                        started);
                HttpClientForTests http = app.http();
                String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
                List<Seat> seats = setUp(http, admin, dataDir, settings, phases);
                Baseline baseline = Baseline.measure(app.bean(DataSource.class));
                int port = Integer.parseInt(app.bean(Environment.class).getRequiredProperty("local.server.port"));
                ExamFigures exam = new Exam(new ExamClient(port), admin, settings, seats).run();
                return new StoreFigures(store, settings, phases, baseline, exam);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Settings and the machine

    record Settings(
            int candidates,
            int centres,
            Duration startWindow,
            int questions,
            Duration think,
            int durationMinutes,
            List<String> stores,
            long seed) {

        static Settings fromSystemProperties() {
            int questions = Integer.getInteger("examday.questions", 30);
            Duration think = Duration.parse(System.getProperty("examday.think", "PT10S"));
            String duration = System.getProperty("examday.duration-minutes");
            List<String> stores = Arrays.stream(System.getProperty("examday.stores", "embedded,postgres")
                            .split(","))
                    .map(String::strip)
                    .filter(store -> !store.isEmpty())
                    .toList();
            stores.stream()
                    .filter(store -> !store.equals("embedded") && !store.equals("postgres"))
                    .findAny()
                    .ifPresent(store -> {
                        throw new IllegalArgumentException("examday.stores: no store " + store);
                    });
            return new Settings(
                    Integer.getInteger("examday.candidates", 1000),
                    Integer.getInteger("examday.centres", 10),
                    Duration.parse(System.getProperty("examday.start-window", "PT60S")),
                    questions,
                    think,
                    duration == null ? defaultDurationMinutes(questions, think) : Integer.parseInt(duration),
                    stores,
                    Long.getLong("examday.seed", 42));
        }

        /**
         * Long enough for nearly every candidate to finish at the given pace: the answers and changes take a sum of
         * exponential think times, and two standard deviations above its mean, plus the margins, covers ~98 %.
         * The ones who run short stop answering and submit in time, as a candidate watching the clock would.
         */
        static int defaultDurationMinutes(int questions, Duration think) {
            double steps = questions * (1 + CHANGE_SHARE);
            double seconds = (steps + 2 * Math.sqrt(steps)) * think.toMillis() / 1000.0
                    + LAST_ANSWER_MARGIN.toSeconds()
                    + NEAR_END_SPREAD.toSeconds();
            return Math.max(2, (int) Math.ceil(seconds / 60));
        }

        int bankSize() {
            return 2 * questions;
        }

        String markdown() {
            return String.format(
                    Locale.ROOT,
                    "Settings: %d candidates at %d centres; Start pressed at a random "
                            + "moment within %d s; %d questions drawn from a bank of %d items of 4 options; think time "
                            + "exponential with mean %.1f s; time limit %d min; seed %d. Candidates answer right with "
                            + "%.0f %% probability and change %.0f %% of their answers once, later; %s.%n%n",
                    candidates,
                    centres,
                    startWindow.toSeconds(),
                    questions,
                    bankSize(),
                    think.toMillis() / 1000.0,
                    durationMinutes,
                    seed,
                    RIGHT_SHARE * 100,
                    CHANGE_SHARE * 100,
                    Ending.describeMix());
        }
    }

    private static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(
                Locale.ROOT,
                "Machine: %d cores, %s %s, max heap %d MiB, load average %.1f at the "
                        + "start. Application and simulated candidates share the JVM.%n%n",
                runtime.availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                runtime.maxMemory() >> 20,
                loadAverage());
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Set-up: not part of the exam's figures, but timed

    record Phase(String what, double seconds) {}

    static final class Phases {
        private final List<Phase> phases = new ArrayList<>();

        void add(String what, long startedNanos) {
            phases.add(new Phase(what, (System.nanoTime() - startedNanos) / 1e9));
        }

        String markdown() {
            StringBuilder table = new StringBuilder("| set-up step | s |\n|---|---|\n");
            phases.forEach(phase ->
                    table.append(String.format(Locale.ROOT, "| %s | %.1f |%n", phase.what(), phase.seconds())));
            return table.append('\n').toString();
        }
    }

    record Centre(String centreId, String invigilator, String coordinator) {}

    /** One candidate's place in the exam: their attempt opened, the access key read out to them. */
    record Seat(Centre centre, String candidateId, String registrationNumber, String attemptId, String accessKey) {}

    private static List<Seat> setUp(
            HttpClientForTests http, String admin, Path dataDir, Settings settings, Phases phases) {
        AssessmentSteps steps = new AssessmentSteps(http, admin, dataDir);
        long started = System.nanoTime();
        String qualification = publish(http, admin, settings);
        // One approval at a time, as IMI works: approvals at the same moment compete for the next centre number
        // and all but one are refused (409), to be tried again.
        List<String> centreIds = IntStream.range(0, settings.centres())
                .mapToObj(c -> steps.centre(qualification))
                .toList();
        List<Centre> centres = inParallel(
                centreIds,
                centreId -> new Centre(
                        centreId,
                        steps.user(centreId, "INVIGILATOR").token(),
                        steps.user(centreId, "CENTRE_COORDINATOR").token()));
        phases.add(
                "qualification published (" + settings.bankSize() + " items); " + settings.centres()
                        + " centres approved, each with an invigilator and a coordinator, activated",
                started);

        started = System.nanoTime();
        List<List<AssessmentSteps.Candidate>> registered = inParallel(
                IntStream.range(0, centres.size()).boxed().toList(),
                c -> register(http, centres.get(c), share(settings, c), qualification));
        phases.add(settings.candidates() + " candidates registered, one CSV file per centre", started);

        started = System.nanoTime();
        List<Seat> unopened = new ArrayList<>();
        for (int c = 0; c < centres.size(); c++) {
            for (AssessmentSteps.Candidate candidate : registered.get(c)) {
                unopened.add(
                        new Seat(centres.get(c), candidate.candidateId(), candidate.registrationNumber(), null, null));
            }
        }
        String assessment = qualification + "-MCQ";
        List<Seat> seats = inParallel(unopened, seat -> {
            JsonNode opened = steps.opened(seat.centre().invigilator(), seat.candidateId(), assessment);
            return new Seat(
                    seat.centre(),
                    seat.candidateId(),
                    seat.registrationNumber(),
                    opened.get("attemptId").asText(),
                    opened.get("accessKey").asText());
        });
        phases.add(
                seats.size() + " attempts opened by their centres' invigilators (" + SET_UP_THREADS + " threads)",
                started);

        started = System.nanoTime();
        awaitEveryAttemptListedOpened(http, centres, seats);
        phases.add("every attempt OPENED in its invigilator's list", started);
        return seats;
    }

    /** As {@link AssessmentSteps#publish}, at the benchmark's size: every right option's text begins "Right". */
    private static String publish(HttpClientForTests http, String admin, Settings settings) {
        String code = "EXAM" + AssessmentSteps.unique().toUpperCase(Locale.ROOT);
        List<Map<String, Object>> items = new ArrayList<>();
        for (int i = 0; i < settings.bankSize(); i++) {
            List<String> options = new ArrayList<>(
                    List.of("Wrong answer " + i + ".1", "Wrong answer " + i + ".2", "Wrong answer " + i + ".3"));
            options.add(i % 4, "Right answer " + i);
            items.add(
                    Map.of("stem", "Question " + i + ": which is right?", "options", options, "correctOption", i % 4));
        }
        var published = http.post(
                "/api/qualifications",
                admin,
                Map.of(
                        "code",
                        code,
                        "title",
                        "Exam day " + code,
                        "level",
                        2,
                        "units",
                        List.of(Map.of("code", code + "-U1", "title", "Workshop safety")),
                        "assessments",
                        List.of(Map.of(
                                "code",
                                code + "-MCQ",
                                "title",
                                "Safety test",
                                "unitCode",
                                code + "-U1",
                                "questionCount",
                                settings.questions(),
                                "durationMinutes",
                                settings.durationMinutes(),
                                "passPercent",
                                PASS_PERCENT,
                                "items",
                                items))));
        assertThat(published.status()).as(published.toString()).isEqualTo(201);
        return code;
    }

    /** Candidates are spread evenly over the centres. */
    private static int share(Settings settings, int centre) {
        int remainder = settings.candidates() % settings.centres();
        return settings.candidates() / settings.centres() + (centre < remainder ? 1 : 0);
    }

    private static List<AssessmentSteps.Candidate> register(
            HttpClientForTests http, Centre centre, int count, String qualification) {
        StringBuilder csv = new StringBuilder("firstName,lastName,dateOfBirth,uln,qualificationCode,startDate\n");
        for (int i = 0; i < count; i++) {
            csv.append("Robin,Exam")
                    .append(AssessmentSteps.lettersOnly(AssessmentSteps.unique()))
                    .append(",2005-04-03,,")
                    .append(qualification)
                    .append(',')
                    .append(LocalDate.now())
                    .append('\n');
        }
        var registered = http.postRaw(
                "/api/centres/" + centre.centreId() + "/candidates/bulk",
                centre.coordinator(),
                "text/csv; charset=utf-8",
                csv.toString());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(registered.json().get("accepted")).as(registered.toString()).hasSize(count);
        List<AssessmentSteps.Candidate> candidates = new ArrayList<>();
        registered
                .json()
                .get("accepted")
                .forEach(accepted -> candidates.add(new AssessmentSteps.Candidate(
                        accepted.get("candidateId").asText(),
                        accepted.get("registrationNumber").asText())));
        return candidates;
    }

    /** The exam starts from read models that show every attempt: the invigilators' lists are then complete. */
    private static void awaitEveryAttemptListedOpened(HttpClientForTests http, List<Centre> centres, List<Seat> seats) {
        for (Centre centre : centres) {
            long expected =
                    seats.stream().filter(seat -> seat.centre().equals(centre)).count();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        long opened = 0;
                        for (int page = 0; ; page++) {
                            JsonNode list = http.get(listPath(centre, page), centre.invigilator())
                                    .json();
                            for (JsonNode attempt : list.path("items")) {
                                opened += "OPENED".equals(attempt.path("status").asText()) ? 1 : 0;
                            }
                            if ((page + 1L) * Paging.MAX_SIZE
                                    >= list.path("total").asLong()) {
                                return opened == expected;
                            }
                        }
                    });
        }
    }

    private static String listPath(Centre centre, int page) {
        return "/api/centres/" + centre.centreId() + "/assessment-attempts?size=" + Paging.MAX_SIZE + "&page=" + page;
    }

    /** The work done by a handful of threads, results in the items' order. */
    private static <T, R> List<R> inParallel(List<T> items, Function<T, R> work) {
        ExecutorService pool = Executors.newFixedThreadPool(SET_UP_THREADS);
        try {
            List<Future<R>> futures = new ArrayList<>();
            items.forEach(item -> futures.add(pool.submit(() -> work.apply(item))));
            List<R> results = new ArrayList<>();
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("set-up failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The baseline: what the same database takes in raw inserts, one event-shaped row per commit

    record Baseline(long rows, double seconds, int threads, String pool) {

        double rowsPerSecond() {
            return rows / seconds;
        }

        /**
         * Into a scratch copy of the event table's columns (with its keys), from {@value #BASELINE_THREADS}
         * threads through the application's own pool, each row its own transaction as each command's events are.
         */
        static Baseline measure(DataSource dataSource) throws Exception {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS exam_day_baseline");
                statement.execute("CREATE TABLE exam_day_baseline AS SELECT * FROM domain_event_entry WHERE 1 = 0");
                statement.execute("ALTER TABLE exam_day_baseline ALTER COLUMN global_index SET NOT NULL");
                statement.execute("ALTER TABLE exam_day_baseline ADD PRIMARY KEY (global_index)");
                statement.execute(
                        "CREATE UNIQUE INDEX exam_day_baseline_event ON exam_day_baseline " + "(event_identifier)");
                statement.execute("CREATE UNIQUE INDEX exam_day_baseline_aggregate ON exam_day_baseline "
                        + "(aggregate_identifier, sequence_number)");
            }
            try {
                return insertFor(dataSource, BASELINE_TIME);
            } finally {
                try (Connection connection = dataSource.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE exam_day_baseline");
                }
            }
        }

        private static Baseline insertFor(DataSource dataSource, Duration time) throws Exception {
            AtomicLong globalIndex = new AtomicLong();
            byte[] payload = ("{\"attemptId\":\"" + UUID.randomUUID() + "\",\"padding\":\"" + "x".repeat(940) + "\"}")
                    .getBytes(StandardCharsets.UTF_8);
            byte[] metaData = ("{\"traceId\":\"" + UUID.randomUUID() + "\",\"correlationId\":\"" + UUID.randomUUID()
                            + "\",\"actor\":\"candidate\"}")
                    .getBytes(StandardCharsets.UTF_8);
            ExecutorService threads = Executors.newFixedThreadPool(BASELINE_THREADS);
            long started = System.nanoTime();
            long until = started + time.toNanos();
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < BASELINE_THREADS; t++) {
                counts.add(threads.submit(() -> {
                    String aggregate = UUID.randomUUID().toString(); // one record per thread, as an attempt's answers
                    long sequence = 0;
                    while (System.nanoTime() < until) {
                        insert(dataSource, globalIndex.incrementAndGet(), aggregate, sequence++, payload, metaData);
                    }
                    return sequence;
                }));
            }
            long rows = 0;
            for (Future<Long> count : counts) {
                rows += count.get();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            threads.shutdown();
            String pool = dataSource instanceof HikariDataSource hikari
                    ? hikari.getMaximumPoolSize() + " connections"
                    : dataSource.getClass().getSimpleName();
            return new Baseline(rows, seconds, BASELINE_THREADS, pool);
        }

        private static void insert(
                DataSource dataSource,
                long globalIndex,
                String aggregate,
                long sequence,
                byte[] payload,
                byte[] metaData)
                throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exam_day_baseline "
                        + "(global_index, event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload_revision, payload, meta_data) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setLong(1, globalIndex);
                    insert.setString(2, UUID.randomUUID().toString());
                    insert.setString(3, aggregate);
                    insert.setLong(4, sequence);
                    insert.setString(5, "Attempt");
                    insert.setString(6, Instant.now().toString());
                    insert.setString(7, "org.awardinghub.events.assessment.AnswerChosen");
                    insert.setString(8, null);
                    insert.setBytes(9, payload);
                    insert.setBytes(10, metaData);
                    insert.executeUpdate();
                }
                connection.commit();
            }
        }

        String markdown() {
            return String.format(
                    Locale.ROOT,
                    "Baseline, the same database just before the exam: %,d raw inserts of an "
                            + "event-shaped row (about 1 KB payload and metadata, the event table's columns and keys), one row "
                            + "per commit, from %d threads through the application's pool (%s) in %.1f s: "
                            + "**%,.0f rows/s**.%n%n",
                    rows,
                    threads,
                    pool,
                    seconds,
                    rowsPerSecond());
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // HTTP during the exam: asynchronous, every request timed and its status counted

    enum Endpoint {
        START("POST /api/assessment-attempts/start", 200),
        ANSWER("PUT /api/assessment-attempts/{id}/answers/{question}", 204),
        SUBMIT("POST /api/assessment-attempts/{id}/submit", 200),
        LIST("GET /api/centres/{id}/assessment-attempts (invigilators)", 200),
        VIEW("GET /api/assessment-attempts/{id} (IMI admin, after the exam)", 200);

        final String label;
        final int expected;

        Endpoint(String label, int expected) {
            this.label = label;
            this.expected = expected;
        }
    }

    /** An answer: {@code status} 0 when none came (the exception's text is the body). Times at the client. */
    record Reply(int status, JsonNode json, String body, long receivedAtMillis) {}

    record UnexpectedStatus(Endpoint endpoint, int status) {}

    /** Every request's time and status, by endpoint, from many threads at once. */
    static final class Recorder {
        private final Map<Endpoint, Queue<Double>> millis = new EnumMap<>(Endpoint.class);
        private final Map<Endpoint, LongAccumulator> firstSent = new EnumMap<>(Endpoint.class);
        private final Map<Endpoint, LongAccumulator> lastAnswered = new EnumMap<>(Endpoint.class);
        private final Map<UnexpectedStatus, LongAdder> unexpected = new ConcurrentHashMap<>();
        private final Map<UnexpectedStatus, String> firstUnexpectedBody = new ConcurrentHashMap<>();

        Recorder() {
            for (Endpoint endpoint : Endpoint.values()) {
                millis.put(endpoint, new ConcurrentLinkedQueue<>());
                firstSent.put(endpoint, new LongAccumulator(Math::min, Long.MAX_VALUE));
                lastAnswered.put(endpoint, new LongAccumulator(Math::max, Long.MIN_VALUE));
            }
        }

        void record(Endpoint endpoint, long sentAtMillis, long nanos, Reply reply) {
            firstSent.get(endpoint).accumulate(sentAtMillis);
            if (reply.status() != 0) {
                millis.get(endpoint).add(nanos / 1e6);
                lastAnswered.get(endpoint).accumulate(reply.receivedAtMillis());
            }
            if (reply.status() != endpoint.expected) {
                UnexpectedStatus key = new UnexpectedStatus(endpoint, reply.status());
                unexpected.computeIfAbsent(key, k -> new LongAdder()).increment();
                String body = reply.body() == null ? "" : reply.body().replaceAll("\\s+", " ");
                firstUnexpectedBody.putIfAbsent(key, body.substring(0, Math.min(160, body.length())));
            }
        }

        Stats stats(Endpoint endpoint) {
            return Stats.of(millis.get(endpoint));
        }

        long unexpected(Endpoint endpoint) {
            return unexpected.entrySet().stream()
                    .filter(e -> e.getKey().endpoint() == endpoint)
                    .mapToLong(e -> e.getValue().sum())
                    .sum();
        }

        long firstSent(Endpoint endpoint) {
            return firstSent.get(endpoint).get();
        }

        long lastAnswered(Endpoint endpoint) {
            return lastAnswered.get(endpoint).get();
        }

        List<Unexpected> unexpectedStatuses() {
            return unexpected.entrySet().stream()
                    .map(e -> new Unexpected(
                            e.getKey().endpoint(),
                            e.getKey().status(),
                            e.getValue().sum(),
                            firstUnexpectedBody.get(e.getKey())))
                    .sorted((a, b) -> a.endpoint() != b.endpoint()
                            ? a.endpoint().compareTo(b.endpoint())
                            : Integer.compare(a.status(), b.status()))
                    .toList();
        }
    }

    record Unexpected(Endpoint endpoint, int status, long count, String firstBody) {}

    static final class ExamClient {
        // HTTP/1.1 as a browser on a plain connection would speak it; the JDK's default would offer an h2c upgrade.
        private final HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        private final String base;
        private final Recorder recorder = new Recorder();

        ExamClient(int port) {
            this.base = "http://localhost:" + port;
        }

        Recorder recorder() {
            return recorder;
        }

        CompletableFuture<Reply> get(Endpoint endpoint, String path, String token) {
            return send(endpoint, request(path, token).GET());
        }

        CompletableFuture<Reply> send(Endpoint endpoint, String method, String path, String token, Object body) {
            try {
                return send(
                        endpoint,
                        request(path, token)
                                .header("Content-Type", "application/json")
                                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }

        private HttpRequest.Builder request(String path, String token) {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2));
            return token == null ? builder : builder.header("Authorization", "Bearer " + token);
        }

        private CompletableFuture<Reply> send(Endpoint endpoint, HttpRequest.Builder request) {
            long sentAt = System.currentTimeMillis();
            long started = System.nanoTime();
            return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        long nanos = System.nanoTime() - started;
                        long now = System.currentTimeMillis();
                        Reply reply = failure != null
                                ? new Reply(0, MissingNode.getInstance(), failure.toString(), now)
                                : new Reply(response.statusCode(), parse(response.body()), response.body(), now);
                        recorder.record(endpoint, sentAt, nanos, reply);
                        return reply;
                    });
        }

        private static JsonNode parse(String body) {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The candidates

    /** How a candidate ends the test. */
    enum Ending {
        SUBMIT_AFTER_LAST_ANSWER(0.85, "submit right after their last answer"),
        SUBMIT_NEAR_THE_END(0.05, "submit in the last " + NEAR_END_SPREAD.toSeconds() + " s before the end"),
        NEVER_SUBMIT(0.10, "never submit, so the time limit submits them");

        final double share;
        final String description;

        Ending(double share, String description) {
            this.share = share;
            this.description = description;
        }

        /** Exactly the shares (rounded), in random order: a small run has its few time-limit submissions too. */
        static List<Ending> shuffled(int candidates, Random random) {
            List<Ending> endings = new ArrayList<>();
            for (Ending ending : List.of(NEVER_SUBMIT, SUBMIT_NEAR_THE_END)) {
                endings.addAll(Collections.nCopies((int) Math.round(candidates * ending.share), ending));
            }
            endings.addAll(Collections.nCopies(candidates - endings.size(), SUBMIT_AFTER_LAST_ANSWER));
            Collections.shuffle(endings, random);
            return endings;
        }

        static String describeMix() {
            return Arrays.stream(values())
                    .map(e -> String.format(Locale.ROOT, "%.0f %% %s", e.share * 100, e.description))
                    .collect(Collectors.joining(", "));
        }
    }

    /** A question as the candidate sees it, with the benchmark's knowledge of which option is right. */
    record Question(String questionId, String right, List<String> wrong) {

        static Question of(JsonNode question) {
            String right = AssessmentSteps.option(question, "Right");
            List<String> wrong = new ArrayList<>();
            question.get("options").forEach(option -> {
                if (!option.get("optionId").asText().equals(right)) {
                    wrong.add(option.get("optionId").asText());
                }
            });
            return new Question(question.get("questionId").asText(), right, List.copyOf(wrong));
        }
    }

    /** One answer to send: a question's first, or a later change of it. */
    record Step(Question question, boolean change) {}

    /**
     * What became of one candidate. {@code unsure}: a request of theirs got an unexpected answer, so what the
     * server holds is not known for certain, and their result cannot be checked.
     */
    record Sitting(
            Seat seat,
            Ending ending,
            boolean started,
            long startAnsweredAt,
            Instant endsAt,
            int answers,
            int expectedScore,
            Integer submittedScore,
            long submitAnsweredAt,
            boolean ranOutOfTime,
            boolean unsure) {}

    /**
     * One candidate sitting the test, driven by timers and asynchronous requests, so that a thousand candidates need
     * no thousand threads. Its steps run one after another, each started by the previous one's completion.
     */
    static final class Candidate {
        private final Seat seat;
        private final Ending ending;
        private final Random random;
        private final Settings settings;
        private final ExamClient client;
        private final ScheduledExecutorService timers;
        private final CompletableFuture<Sitting> done = new CompletableFuture<>();
        /** The option last accepted by the server, by question id: what the result must be computed from. */
        private final Map<String, String> accepted = new HashMap<>();

        private String token;
        private Instant endsAt;
        private List<Step> plan = List.of();
        private int next;
        private long startAnsweredAt;
        private long submitAnsweredAt;
        private Integer submittedScore;
        private int answers;
        private boolean ranOutOfTime;
        private boolean unsure;

        Candidate(
                Seat seat,
                Ending ending,
                Random random,
                Settings settings,
                ExamClient client,
                ScheduledExecutorService timers) {
            this.seat = seat;
            this.ending = ending;
            this.random = random;
            this.settings = settings;
            this.client = client;
            this.timers = timers;
        }

        CompletableFuture<Sitting> sit(long startAfterMillis) {
            later(startAfterMillis, this::start);
            return done;
        }

        private void start() {
            client.send(
                            Endpoint.START,
                            "POST",
                            "/api/assessment-attempts/start",
                            null,
                            Map.of("registrationNumber", seat.registrationNumber(), "accessKey", seat.accessKey()))
                    .thenAccept(guarded(reply -> {
                        if (reply.status() != 200) {
                            finish(false);
                            return;
                        }
                        startAnsweredAt = reply.receivedAtMillis();
                        token = reply.json().get("attemptToken").asText();
                        endsAt = Instant.parse(reply.json().get("endsAt").asText());
                        List<Question> questions = new ArrayList<>();
                        reply.json().get("questions").forEach(question -> questions.add(Question.of(question)));
                        plan = plan(questions);
                        answerNext();
                    }));
        }

        /** Every question in form order, and for some of them a change inserted anywhere after the first answer. */
        private List<Step> plan(List<Question> questions) {
            List<Step> steps = new ArrayList<>();
            questions.forEach(question -> steps.add(new Step(question, false)));
            for (Question question : questions) {
                if (random.nextDouble() < CHANGE_SHARE) {
                    int first = steps.indexOf(new Step(question, false));
                    steps.add(first + 1 + random.nextInt(steps.size() - first), new Step(question, true));
                }
            }
            return steps;
        }

        /** After a think time; unless the clock says there is no time for it, as a candidate would see. */
        private void answerNext() {
            if (next == plan.size()) {
                afterLastAnswer();
                return;
            }
            long think = thinkMillis();
            if (System.currentTimeMillis() + think
                    > endsAt.minus(LAST_ANSWER_MARGIN).toEpochMilli()) {
                ranOutOfTime = true;
                afterLastAnswer();
                return;
            }
            Step step = plan.get(next++);
            later(think, () -> answer(step));
        }

        private void answer(Step step) {
            String option = choose(step);
            client.send(
                            Endpoint.ANSWER,
                            "PUT",
                            "/api/assessment-attempts/" + seat.attemptId() + "/answers/"
                                    + step.question().questionId(),
                            token,
                            Map.of("optionId", option))
                    .thenAccept(guarded(reply -> {
                        if (reply.status() == 204) {
                            accepted.put(step.question().questionId(), option);
                            answers++;
                        } else {
                            unsure = true;
                        }
                        answerNext();
                    }));
        }

        /** A first answer is right at the set rate; a change second-guesses a right one, or may correct a wrong one. */
        private String choose(Step step) {
            Question question = step.question();
            String current = accepted.get(question.questionId());
            if (step.change() && question.right().equals(current)) {
                return pick(question.wrong(), null);
            }
            return random.nextDouble() < RIGHT_SHARE ? question.right() : pick(question.wrong(), current);
        }

        private String pick(List<String> options, String except) {
            List<String> choices =
                    options.stream().filter(option -> !option.equals(except)).toList();
            return choices.get(random.nextInt(choices.size()));
        }

        private void afterLastAnswer() {
            switch (ending) {
                case SUBMIT_AFTER_LAST_ANSWER -> submit();
                case SUBMIT_NEAR_THE_END -> {
                    long at = endsAt.minus(LAST_ANSWER_MARGIN).toEpochMilli()
                            - (long) (random.nextDouble() * NEAR_END_SPREAD.toMillis());
                    later(Math.max(0, at - System.currentTimeMillis()), this::submit);
                }
                case NEVER_SUBMIT -> finish(true);
            }
        }

        private void submit() {
            client.send(
                            Endpoint.SUBMIT,
                            "POST",
                            "/api/assessment-attempts/" + seat.attemptId() + "/submit",
                            token,
                            Map.of())
                    .thenAccept(guarded(reply -> {
                        if (reply.status() == 200) {
                            submitAnsweredAt = reply.receivedAtMillis();
                            submittedScore = reply.json().get("score").asInt();
                        } else {
                            unsure = true;
                        }
                        finish(true);
                    }));
        }

        private void finish(boolean started) {
            done.complete(new Sitting(
                    seat,
                    ending,
                    started,
                    startAnsweredAt,
                    endsAt,
                    answers,
                    expectedScore(),
                    submittedScore,
                    submitAnsweredAt,
                    ranOutOfTime,
                    unsure));
        }

        /** One mark per question whose last accepted answer is the right option; unanswered ones score nothing. */
        private int expectedScore() {
            return (int) plan.stream()
                    .map(Step::question)
                    .distinct()
                    .filter(question -> question.right().equals(accepted.get(question.questionId())))
                    .count();
        }

        /** Exponentially distributed, as the gaps between independent events at a steady mean rate. */
        private long thinkMillis() {
            return (long) (-settings.think().toMillis() * Math.log(1 - random.nextDouble()));
        }

        private void later(long millis, Runnable step) {
            timers.schedule(() -> guarded(ignored -> step.run()).accept(null), millis, TimeUnit.MILLISECONDS);
        }

        /** A failure in a step ends this candidate's sitting with it, instead of vanishing in a callback. */
        private <T> Consumer<T> guarded(Consumer<T> step) {
            return value -> {
                try {
                    step.accept(value);
                } catch (RuntimeException | Error e) {
                    done.completeExceptionally(e);
                }
            };
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The invigilators

    /**
     * One invigilator per centre reads the centre's attempt list every {@link #POLL_EVERY}, and the moment each
     * attempt is first seen started and first seen submitted is kept: the lag behind the candidate's own answer is
     * what the invigilator experiences (up to one polling interval of it is the polling itself).
     */
    static final class InvigilatorWatch implements AutoCloseable {
        private final ExamClient client;
        private final ScheduledExecutorService pollers;
        private final Map<String, Long> firstSeenStarted = new ConcurrentHashMap<>();
        private final Map<String, Long> firstSeenSubmitted = new ConcurrentHashMap<>();
        private final AtomicBoolean pollFailed = new AtomicBoolean();

        InvigilatorWatch(ExamClient client, Collection<Centre> centres) {
            this.client = client;
            this.pollers = Executors.newScheduledThreadPool(Math.min(centres.size(), 8));
            centres.forEach(centre ->
                    pollers.scheduleAtFixedRate(() -> poll(centre), 0, POLL_EVERY.toMillis(), TimeUnit.MILLISECONDS));
        }

        private void poll(Centre centre) {
            try {
                for (int page = 0; ; page++) {
                    Reply reply = client.get(Endpoint.LIST, listPath(centre, page), centre.invigilator())
                            .join();
                    if (reply.status() != 200) {
                        return; // counted by the recorder; the next poll tries again
                    }
                    for (JsonNode attempt : reply.json().path("items")) {
                        String status = attempt.path("status").asText();
                        String attemptId = attempt.path("attemptId").asText();
                        if (status.equals("STARTED") || status.equals("SUBMITTED")) {
                            firstSeenStarted.putIfAbsent(attemptId, reply.receivedAtMillis());
                        }
                        if (status.equals("SUBMITTED")) {
                            firstSeenSubmitted.putIfAbsent(attemptId, reply.receivedAtMillis());
                        }
                    }
                    if ((page + 1L) * Paging.MAX_SIZE
                            >= reply.json().path("total").asLong()) {
                        return;
                    }
                }
            } catch (RuntimeException e) {
                pollFailed.set(true); // a scheduled task that throws is never run again: keep polling instead
            }
        }

        Long startedSeenAt(String attemptId) {
            return firstSeenStarted.get(attemptId);
        }

        Long submittedSeenAt(String attemptId) {
            return firstSeenSubmitted.get(attemptId);
        }

        boolean sawSubmitted(Collection<String> attemptIds) {
            return firstSeenSubmitted.keySet().containsAll(attemptIds);
        }

        boolean pollFailed() {
            return pollFailed.get();
        }

        @Override
        public void close() {
            pollers.shutdownNow();
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The exam

    /** What the IMI admin's view of an attempt the candidate never submitted says, after the end time. */
    record TimeLimitCheck(Sitting sitting, String status, String submittedBy, Integer score, Long seenInListAt) {

        boolean byTheTimeLimit() {
            return "SUBMITTED".equals(status) && "TIME_LIMIT".equals(submittedBy);
        }
    }

    static final class Exam {
        private final ExamClient client;
        private final String admin;
        private final Settings settings;
        private final List<Seat> seats;

        Exam(ExamClient client, String admin, Settings settings, List<Seat> seats) {
            this.client = client;
            this.admin = admin;
            this.settings = settings;
            this.seats = seats;
        }

        ExamFigures run() throws Exception {
            Random random = new Random(settings.seed());
            List<Ending> endings = Ending.shuffled(seats.size(), random);
            ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
            List<Centre> centres = seats.stream().map(Seat::centre).distinct().toList();
            try (InvigilatorWatch watch = new InvigilatorWatch(client, centres)) {
                List<CompletableFuture<Sitting>> sittings = new ArrayList<>();
                for (int i = 0; i < seats.size(); i++) {
                    long startAfter =
                            (long) (random.nextDouble() * settings.startWindow().toMillis());
                    sittings.add(new Candidate(
                                    seats.get(i),
                                    endings.get(i),
                                    new Random(random.nextLong()),
                                    settings,
                                    client,
                                    timers)
                            .sit(startAfter));
                }
                Duration atMost = settings.startWindow()
                        .plusMinutes(settings.durationMinutes())
                        .plus(SETTLE_AT_MOST);
                CompletableFuture.allOf(sittings.toArray(CompletableFuture[]::new))
                        .get(atMost.toMillis(), TimeUnit.MILLISECONDS);
                List<Sitting> sat =
                        sittings.stream().map(CompletableFuture::join).toList();
                awaitEverySubmissionListed(watch, sat);
                List<TimeLimitCheck> timeLimit = checkTimeLimit(watch, sat);
                return ExamFigures.of(sat, timeLimit, watch, client.recorder());
            } finally {
                timers.shutdownNow();
            }
        }

        /** Until the time limit has submitted the rest and the lists show every started attempt SUBMITTED. */
        private static void awaitEverySubmissionListed(InvigilatorWatch watch, List<Sitting> sat)
                throws InterruptedException {
            List<String> started = sat.stream()
                    .filter(Sitting::started)
                    .map(s -> s.seat().attemptId())
                    .toList();
            long lastEnd = sat.stream()
                    .filter(Sitting::started)
                    .mapToLong(s -> s.endsAt().toEpochMilli())
                    .max()
                    .orElse(System.currentTimeMillis());
            long giveUpAt = Math.max(lastEnd, System.currentTimeMillis()) + SETTLE_AT_MOST.toMillis();
            while (!watch.sawSubmitted(started) && System.currentTimeMillis() < giveUpAt) {
                Thread.sleep(250);
            }
        }

        /** Every started attempt the candidate did not submit, as the IMI admin sees it. */
        private List<TimeLimitCheck> checkTimeLimit(InvigilatorWatch watch, List<Sitting> sat) {
            List<TimeLimitCheck> checks = new ArrayList<>();
            for (Sitting sitting : sat) {
                if (sitting.started() && sitting.submittedScore() == null) {
                    JsonNode view = client.get(
                                    Endpoint.VIEW,
                                    "/api/assessment-attempts/" + sitting.seat().attemptId(),
                                    admin)
                            .join()
                            .json();
                    JsonNode score = view.path("result").path("score");
                    checks.add(new TimeLimitCheck(
                            sitting,
                            view.path("status").asText(null),
                            view.path("submittedBy").asText(null),
                            score.isInt() ? score.asInt() : null,
                            watch.submittedSeenAt(sitting.seat().attemptId())));
                }
            }
            return checks;
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Figures

    record Stats(int count, double p50, double p95, double p99, double max) {

        static Stats of(Collection<Double> values) {
            double[] sorted =
                    values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (sorted.length == 0) {
                return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Stats(
                    sorted.length,
                    percentile(sorted, 50),
                    percentile(sorted, 95),
                    percentile(sorted, 99),
                    sorted[sorted.length - 1]);
        }

        /** Nearest rank. */
        private static double percentile(double[] sorted, int p) {
            return sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
        }

        String cells(String format) {
            return count == 0
                    ? "– | – | – | –"
                    : String.format(
                            Locale.ROOT, format + " | " + format + " | " + format + " | " + format, p50, p95, p99, max);
        }
    }

    record ExamFigures(
            Recorder recorder,
            long candidates,
            long started,
            double examSeconds,
            long answersAccepted,
            int checked,
            int wrong,
            int notCheckable,
            List<String> wrongExamples,
            long ranOutOfTime,
            long timeLimitExpected,
            long timeLimitObserved,
            Stats timeLimitToList,
            Stats startLag,
            long startsNeverSeen,
            Stats submitLag,
            long submitsNeverSeen,
            boolean pollFailed) {

        static ExamFigures of(
                List<Sitting> sat, List<TimeLimitCheck> timeLimit, InvigilatorWatch watch, Recorder recorder) {
            List<Sitting> started = sat.stream().filter(Sitting::started).toList();
            long examStart = recorder.firstSent(Endpoint.START);
            double examSeconds = (recorder.lastAnswered(Endpoint.ANSWER) - examStart) / 1000.0;

            // Every result checked against the answers the benchmark sent: the candidate's own submission's
            // answer, or the admin's view of a time-limit submission.
            List<String> wrongExamples = new ArrayList<>();
            int checked = 0;
            int notCheckable = 0;
            for (Sitting sitting : started) {
                Integer score = sitting.submittedScore() != null
                        ? sitting.submittedScore()
                        : timeLimit.stream()
                                .filter(check -> check.sitting() == sitting)
                                .findFirst()
                                .map(TimeLimitCheck::score)
                                .orElse(null);
                if (sitting.unsure() || score == null) {
                    notCheckable++;
                } else {
                    checked++;
                    if (score != sitting.expectedScore()) {
                        wrongExamples.add(
                                sitting.seat().attemptId() + ": " + score + " instead of " + sitting.expectedScore());
                    }
                }
            }

            List<Double> startLag = new ArrayList<>();
            List<Double> submitLag = new ArrayList<>();
            for (Sitting sitting : started) {
                lag(
                        sitting.startAnsweredAt(),
                        watch.startedSeenAt(sitting.seat().attemptId()),
                        startLag);
                if (sitting.submittedScore() != null) {
                    lag(
                            sitting.submitAnsweredAt(),
                            watch.submittedSeenAt(sitting.seat().attemptId()),
                            submitLag);
                }
            }
            long ownSubmits =
                    started.stream().filter(s -> s.submittedScore() != null).count();
            List<Double> timeLimitToList = new ArrayList<>();
            timeLimit.stream()
                    .filter(check -> check.seenInListAt() != null)
                    .forEach(check -> timeLimitToList.add(
                            (check.seenInListAt() - check.sitting().endsAt().toEpochMilli()) / 1000.0));

            return new ExamFigures(
                    recorder,
                    sat.size(),
                    started.size(),
                    examSeconds,
                    started.stream().mapToLong(Sitting::answers).sum(),
                    checked,
                    wrongExamples.size(),
                    notCheckable,
                    wrongExamples.stream().limit(5).toList(),
                    started.stream().filter(Sitting::ranOutOfTime).count(),
                    started.stream()
                            .filter(s -> s.ending() == Ending.NEVER_SUBMIT)
                            .count(),
                    timeLimit.stream().filter(TimeLimitCheck::byTheTimeLimit).count(),
                    Stats.of(timeLimitToList),
                    Stats.of(startLag),
                    started.size() - startLag.size(),
                    Stats.of(submitLag),
                    ownSubmits - submitLag.size(),
                    watch.pollFailed());
        }

        /** A status seen by a poll before the candidate's own answer arrived counts as no lag. */
        private static void lag(long answeredAt, Long seenAt, List<Double> lags) {
            if (seenAt != null) {
                lags.add((double) Math.max(0, seenAt - answeredAt));
            }
        }

        double answersPerSecond() {
            return answersAccepted / examSeconds;
        }

        List<String> problems() {
            List<String> problems = new ArrayList<>();
            if (started < candidates) {
                problems.add((candidates - started) + " of " + candidates + " starts failed");
            }
            recorder.unexpectedStatuses()
                    .forEach(u -> problems.add(u.count() + " × " + statusText(u.status()) + " from "
                            + u.endpoint().label + ": " + u.firstBody()));
            if (wrong > 0) {
                problems.add(wrong + " results differ from the answers sent, e.g. " + wrongExamples);
            }
            if (timeLimitObserved != timeLimitExpected) {
                problems.add(
                        timeLimitObserved + " attempts submitted by the time limit, expected " + timeLimitExpected);
            }
            if (startsNeverSeen + submitsNeverSeen > 0) {
                problems.add(startsNeverSeen + " starts and " + submitsNeverSeen
                        + " submissions never appeared in an invigilator's list");
            }
            if (pollFailed) {
                problems.add("an invigilator's poll failed with an exception");
            }
            return problems;
        }

        String markdown(Baseline baseline, Duration think) {
            StringBuilder md = new StringBuilder("| request (ms, at the client) | answered | unexpected status "
                    + "| p50 | p95 | p99 | max |\n|---|---|---|---|---|---|---|\n");
            for (Endpoint endpoint : Endpoint.values()) {
                Stats stats = recorder.stats(endpoint);
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %d | %d | %s |%n",
                        endpoint.label,
                        stats.count(),
                        recorder.unexpected(endpoint),
                        stats.cells("%.1f")));
            }
            // The candidates set the pace: the achieved rate says whether the server kept up with it, and the
            // baseline how much of the database's raw capacity that pace takes.
            md.append(String.format(
                    Locale.ROOT,
                    "%nStarts: %d of %d succeeded. Answers: **%,d accepted in %.1f s "
                            + "(first Start sent to last answer answered): %.1f answers/s, %.1f %% of the baseline's "
                            + "rows/s**. At their pace, all %d candidates answering at once would send about %.0f "
                            + "answers/s. %d candidates ran short of time and stopped answering early.%n%n",
                    started,
                    candidates,
                    answersAccepted,
                    examSeconds,
                    answersPerSecond(),
                    100 * answersPerSecond() / baseline.rowsPerSecond(),
                    started,
                    started * 1000.0 / think.toMillis(),
                    ranOutOfTime));
            md.append(String.format(
                    Locale.ROOT,
                    "Results: **%d checked against the answers sent, %d wrong**%s; "
                            + "%d not checkable (a request of the attempt got an unexpected answer).%n%n",
                    checked,
                    wrong,
                    wrong == 0 ? "" : " " + wrongExamples,
                    notCheckable));
            md.append(String.format(
                    Locale.ROOT,
                    "Time limit: %d of the %d candidates who never submitted were "
                            + "submitted by it (IMI admin's view: SUBMITTED, submittedBy TIME_LIMIT); their "
                            + "submission appeared in the invigilator's list, after the end time (s): %s.%n%n",
                    timeLimitObserved,
                    timeLimitExpected,
                    timeLimitToList.count() == 0
                            ? "–"
                            : "p50 / p95 / p99 / max "
                                    + timeLimitToList.cells("%.1f").replace(" | ", " / ")));
            md.append("| invigilator's list behind the candidate (ms; polled every ")
                    .append(POLL_EVERY.toSeconds())
                    .append(" s) | seen | never seen | p50 | p95 | p99 | max |\n")
                    .append("|---|---|---|---|---|---|---|\n")
                    .append(String.format(
                            Locale.ROOT,
                            "| start answered → STARTED listed | %d | %d | %s |%n",
                            startLag.count(),
                            startsNeverSeen,
                            startLag.cells("%.0f")))
                    .append(String.format(
                            Locale.ROOT,
                            "| submit answered → SUBMITTED listed | %d | %d | %s |%n%n",
                            submitLag.count(),
                            submitsNeverSeen,
                            submitLag.cells("%.0f")));
            List<Unexpected> unexpected = recorder.unexpectedStatuses();
            long serverErrors = unexpected.stream()
                    .filter(u -> u.status() >= 500)
                    .mapToLong(Unexpected::count)
                    .sum();
            md.append("Statuses ≥ 500: **")
                    .append(serverErrors)
                    .append("**. Unexpected statuses by endpoint: ")
                    .append(
                            unexpected.isEmpty()
                                    ? "none.\n\n"
                                    : "\n\n| endpoint | status | count | first answer |\n" + "|---|---|---|---|\n");
            unexpected.forEach(u -> md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %d | %s |%n",
                    u.endpoint().label,
                    statusText(u.status()),
                    u.count(),
                    u.firstBody().replace("|", "\\|"))));
            return md.append(unexpected.isEmpty() ? "" : "\n").toString();
        }

        private static String statusText(int status) {
            return status == 0 ? "no answer (exception)" : String.valueOf(status);
        }
    }

    record StoreFigures(String store, Settings settings, Phases setUp, Baseline baseline, ExamFigures exam) {

        String markdown() {
            String title = store.equals("postgres")
                    ? "postgres: PostgreSQL event store (a fresh database), in-process Mongo-wire read store"
                    : "embedded: H2 file event store, in-process Mongo-wire read store";
            return "## " + title + "\n\n" + setUp.markdown() + baseline.markdown()
                    + exam.markdown(baseline, settings.think())
                    + String.format(Locale.ROOT, "Load average after the run: %.1f.%n%n", loadAverage());
        }
    }
}
