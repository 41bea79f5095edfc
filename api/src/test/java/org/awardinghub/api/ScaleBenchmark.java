package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.api.BenchmarkFigures.met;
import static org.awardinghub.api.BenchmarkFigures.percent;
import static org.awardinghub.api.BenchmarkFigures.secondsSince;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.awardinghub.api.store.EmbeddedReadStore;
import org.awardinghub.api.store.RestartTest;
import org.awardinghub.command.assessment.BankItem;
import org.awardinghub.command.assessment.FormDraw;
import org.awardinghub.command.assessment.ItemDirectory;
import org.awardinghub.command.candidate.RegistrationNumbers;
import org.awardinghub.command.candidate.Uln;
import org.awardinghub.command.certification.CertificateNumbers;
import org.awardinghub.command.qualification.QualificationDirectory;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.user.PasswordSet;
import org.awardinghub.events.user.PasswordSetBy;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserSignedIn;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded default (H2 file event store, in-process Mongo-wire read store) at the size of a busy year, each figure
 * beside a baseline measured in the same run where one is asked:
 * <ol>
 *   <li>a history of {@code scale.events} events (1,000,000) with {@code scale.candidates} candidates (100,000) at
 *       {@code scale.centres} centres (one per 500 candidates): centres applied and approved, their staff created,
 *       activated and signing in, candidates registered (singly and by CSV file) and amended, attempts opened,
 *       started with a form drawn from the published item bank, answered (some answers changed), submitted or ended
 *       by the time limit, and certificate claims, issued at once or by IMI, or rejected. The events are the
 *       {@code events} module's records with the audit metadata the application writes, appended straight into the
 *       running application's event store through its {@link EventStorageEngine}, 1,000 per transaction, while its
 *       streaming processors are stopped; then the time it took and both data files' sizes;</li>
 *   <li>every streaming processor catching up from zero over that history (a replay of every replayable one
 *       through the operations endpoint, as an operator would ask it, straight after the appends), until each one's
 *       token reaches the head: time, events/s, both files before, at their largest and after (target: at most 3×
 *       before); the {@code portal} projection's documents/s beside raw 1,000-document bulk upserts of as many
 *       documents shaped like its candidates into a scratch collection of the same read store (target ≥ 50 %), and
 *       the portal replayed again alone;</li>
 *   <li>a burst of {@code scale.burst} registrations (10,000) through HTTP from {@code scale.clients} threads (16)
 *       on the caught-up application, and how long until the read models show them all, beside raw bulk upserts of
 *       as many documents;</li>
 *   <li>the application stopped and started again on that data directory: time until it answers the bootstrap
 *       admin's sign-in (target ≤ 15 s), and heap used after a {@link System#gc()} (target ≤ 512 MB).</li>
 * </ol>
 * <p>The appended history bypasses the command side's lookup tables ({@code centre_directory},
 * {@code candidate_directory} and the rest): a subscribing processor keeps them inside each command's own
 * transaction, and it never sees events appended to the storage engine directly. Nothing measured here needs them
 * (the read models are built by the streaming processors), but commands on the generated records (an amendment of a
 * generated candidate, say) would be refused; the burst therefore registers at a centre created through HTTP.
 * <p>Not part of the test suite; run it with
 * {@code mvn -B -pl api -am verify -Dbenchmark=true -Dtest=ScaleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dscale.events=50000 -Dscale.candidates=5000} for a quick run). Also {@code scale.seed} (42),
 * {@code scale.timeout-minutes} (180, for each wait), {@code scale.data-dir} (a fresh directory under
 * {@code java.io.tmpdir} by default, not {@code target}, which other builds share), {@code scale.keep-data} (false:
 * the data directory is deleted afterwards; it takes tens of gigabytes at full size), {@code scale.min-free-gb} (5:
 * a catch-up gives up when the disk has less left), {@code scale.restart-only} (false: with {@code scale.data-dir}
 * naming a kept run's directory, only start the application on it {@code scale.restarts} (3) times; in this JVM, or
 * with {@code scale.restart-jar} naming the built jar, each time in a JVM of its own). Figures go to
 * {@code api/target/scale-benchmark.md} (rewritten after each step, so a failure keeps the steps before it) and to
 * the output; progress to {@code api/target/scale-benchmark.log}. Targets are stated beside the figures, not
 * asserted; the run fails only when a step cannot complete or the read models disagree with the history.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ScaleBenchmark {

    static {
        RunningApplication.withoutAssertions();
    }

    private static final Path REPORT = Path.of("target", "scale-benchmark.md");
    private static final Path PROGRESS = Path.of("target", "scale-benchmark.log");
    private static final String EVENTS_FILE = "events.mv.db";
    private static final String READ_MODELS_FILE = "readmodels.mv.db";
    private static final int APPEND_BATCH = 1_000;
    private static final int RAW_BULK = 1_000;
    private static final String RAW_COLLECTION = "scale_benchmark_raw";
    private static final String PORTAL = "portal";
    private static final String BURST_QUALIFICATION = "LV2-MAINT";
    private static final double TARGET_GROWTH = 3.0;
    private static final double TARGET_PROJECTION_OF_RAW = 0.50;
    private static final double TARGET_READY_SECONDS = 15.0;
    private static final long TARGET_HEAP_BYTES = 512L << 20;
    private static final Duration POLL = Duration.ofMillis(250);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);
    private static final long MB = 1L << 20;
    private static final Pattern TOKEN_LINK = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");
    private static final Duration CLAIMS_AT_MOST = Duration.ofMinutes(1);

    @Test
    void scale() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Path dataDir = settings.dataDir();
        if (Boolean.getBoolean("scale.restart-only")) {
            restartsOnly(dataDir, settings);
            return;
        }
        FileSystemUtils.deleteRecursively(dataDir);
        Files.createDirectories(dataDir);
        Files.deleteIfExists(PROGRESS);
        Report report = new Report(settings, Machine.current());
        try {
            measure(settings, dataDir, report);
        } finally {
            report.write();
            if (!settings.keepData()) {
                FileSystemUtils.deleteRecursively(dataDir);
            }
        }
        assertThat(report.problems)
                .as("what went wrong (figures in %s)", REPORT.toAbsolutePath())
                .isEmpty();
    }

    /**
     * Only the start-up, {@code scale.restarts} times (3), on a data directory a full run kept
     * ({@code -Dscale.restart-only=true -Dscale.data-dir=...}): each start's figures go to the progress log.
     */
    private static void restartsOnly(Path dataDir, Settings settings) throws IOException {
        if (!Files.isRegularFile(dataDir.resolve(EVENTS_FILE))) {
            throw new IllegalArgumentException("scale.restart-only needs the data directory of a kept run: " + dataDir);
        }
        String jar = System.getProperty("scale.restart-jar");
        for (int start = 1; start <= Integer.getInteger("scale.restarts", 3); start++) {
            if (jar != null) {
                freshStart(Path.of(jar), dataDir, settings, start);
                continue;
            }
            Startup s = restart(dataDir, settings, -1);
            progress(
                    "start %d: context %.1f s, sign-in %.1f s, candidate search %.1f s (%,d candidates), heap %,d MB",
                    start,
                    s.contextSeconds(),
                    s.signInSeconds(),
                    s.searchSeconds(),
                    s.searchable(),
                    s.heapAfter() / MB);
        }
    }

    /**
     * The built application started in a JVM of its own, as an operator starts it ({@code java -jar}), on the data
     * directory: seconds until the bootstrap admin's sign-in answers, and until a candidate search answers; then
     * stopped as an operator stops it (SIGTERM). Its output goes to {@code target/scale-restart-N.log}.
     */
    private static void freshStart(Path jar, Path dataDir, Settings settings, int start) throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toAbsolutePath().toString(),
                        "--server.port=" + port,
                        "--awarding.bootstrap.admin-pin=" + ApplicationTest.ADMIN_PIN,
                        "--awarding.bootstrap.admin-password=" + ApplicationTest.ADMIN_PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(
                        Path.of("target", "scale-restart-" + start + ".log").toFile());
        builder.environment().put("AWARDING_DATA_DIR", dataDir.toAbsolutePath().toString());
        long started = System.nanoTime();
        Process application = builder.start();
        try {
            HttpClientForTests http = new HttpClientForTests(port);
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            String admin = null;
            while (admin == null) {
                if (!application.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the application did not answer; see target/scale-restart-" + start + ".log");
                }
                try {
                    var answer = http.post(
                            "/api/auth/login",
                            null,
                            Map.of("pin", ApplicationTest.ADMIN_PIN, "password", ApplicationTest.ADMIN_PASSWORD));
                    admin = answer.status() == 200 ? answer.json().get("token").asText() : null;
                } catch (RuntimeException notListeningYet) {
                    admin = null;
                }
                if (admin == null) {
                    pause(Duration.ofMillis(100));
                }
            }
            double signIn = secondsSince(started);
            long searchable = searchableCandidates(http, admin, settings.timeout());
            progress(
                    "fresh JVM, start %d: sign-in %.1f s, candidate search %.1f s (%,d candidates)",
                    start, signIn, secondsSince(started), searchable);
        } finally {
            application.destroy();
            try {
                application.waitFor(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** How many candidates a search finds, once it answers (503 while the index still loads after a start). */
    private static long searchableCandidates(HttpClientForTests http, String admin, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            var answer = http.get("/api/candidates?size=1", admin);
            if (answer.status() == 200) {
                return answer.json().path("total").asLong();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("candidate search never answered: " + answer);
            }
            pause(POLL);
        }
    }

    private static void measure(Settings settings, Path dataDir, Report report) throws Exception {
        long expectedCandidates;
        try (Hub hub = Hub.start(dataDir)) {
            hub.awaitHead("the first start's own events", hub.eventCount(), settings, Map.of());
            Generation generation = generate(hub, settings);
            report.generation(generation);

            CatchUp replay =
                    finished(replay(hub, settings, "catch-up from zero through the operations endpoint", name -> true));
            RawUpserts rawReplay = rawUpserts(
                    hub,
                    2 * (int) generation.tally().portalEvents(),
                    2 * generation.tally().payloads("CandidateRegistered"));
            CatchUp portalAlone = finished(replay(hub, settings, "the portal replayed alone", PORTAL::equals));
            report.replay(replay, rawReplay, portalAlone, generation.tally(), hub.checks(generation.tally(), 0));

            Burst burst = burst(hub, settings);
            report.burst(burst, generation.generatedMetadataKeys(), hub.checks(generation.tally(), burst.accepted()));
            report.storage(hub.tableSizes(), hub.collectionSizes());
            expectedCandidates = generation.tally().payloads("CandidateRegistered") + burst.accepted();
            report.closeSeconds = hub.timedClose();
        }
        report.fileFill(FileFill.of(dataDir.resolve(EVENTS_FILE)), FileFill.of(dataDir.resolve(READ_MODELS_FILE)));
        report.startup(restart(dataDir, settings, expectedCandidates));
    }

    /** A catch-up that did not finish (a processor stuck, the disk nearly full) ends the run: its figures stay. */
    private static CatchUp finished(CatchUp catchUp) {
        if (!catchUp.unfinished().isEmpty()) {
            throw new IllegalStateException(catchUp.what() + " did not finish: " + catchUp.unfinished());
        }
        return catchUp;
    }

    // ---- settings, machine, files ---------------------------------------------------------------------------------

    record Settings(
            int events,
            int candidates,
            int centres,
            int burst,
            int clients,
            long seed,
            Duration timeout,
            boolean keepData,
            long minFreeBytes,
            Path dataDir) {

        static Settings fromSystemProperties() {
            int candidates = Integer.getInteger("scale.candidates", 100_000);
            int events = Integer.getInteger("scale.events", 1_000_000);
            int centres = Integer.getInteger("scale.centres", Math.max(4, candidates / 500));
            Settings settings = new Settings(
                    events,
                    candidates,
                    centres,
                    Integer.getInteger("scale.burst", 10_000),
                    Integer.getInteger("scale.clients", 16),
                    Long.getLong("scale.seed", 42),
                    Duration.ofMinutes(Integer.getInteger("scale.timeout-minutes", 180)),
                    Boolean.getBoolean("scale.keep-data"),
                    Long.getLong("scale.min-free-gb", 5) << 30,
                    givenOrFreshDataDir());
            // registrations, the centres' set-up and at least one attempt's worth of events per candidate
            if (events < History.setUpEvents(centres) + 3L * candidates) {
                throw new IllegalArgumentException("scale.events (" + events + ") must be at least three per "
                        + "candidate beyond the centres' set-up (" + History.setUpEvents(centres) + ")");
            }
            return settings;
        }

        /** Outside {@code target} by default: other builds share that directory, and a clean must not hit a run. */
        private static Path givenOrFreshDataDir() {
            String given = System.getProperty("scale.data-dir");
            try {
                return given != null
                        ? Path.of(given).toAbsolutePath()
                        : Files.createTempDirectory("awarding-scale-benchmark-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        String markdown() {
            return String.format(
                    Locale.ROOT,
                    "Settings: %,d events, %,d candidates at %,d centres; burst of %,d "
                            + "registrations from %d threads; seed %d; data directory %s.%n%n",
                    events,
                    candidates,
                    centres,
                    burst,
                    clients,
                    seed,
                    dataDir);
        }
    }

    record Machine(int cores, String jvm, long maxHeapBytes, double loadAverage) {

        static Machine current() {
            return new Machine(
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + Runtime.version(),
                    Runtime.getRuntime().maxMemory(),
                    ScaleBenchmark.loadAverage());
        }
    }

    /** The embedded default's two files: events, tokens and relational read models; the Mongo-wire read store. */
    record DataFiles(long events, long readModels) {

        static DataFiles of(Path dataDir) {
            return new DataFiles(size(dataDir.resolve(EVENTS_FILE)), size(dataDir.resolve(READ_MODELS_FILE)));
        }

        DataFiles max(DataFiles other) {
            return new DataFiles(Math.max(events, other.events), Math.max(readModels, other.readModels));
        }

        private static long size(Path file) {
            try {
                return Files.exists(file) ? Files.size(file) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * How much of an MVStore file is live, read with the file closed: {@code fill} is the share of the file's
     * blocks in use, {@code chunksFill} the share of live pages in the chunks that hold them. Low figures mean a
     * file grown by superseded chunks that H2 has not compacted away.
     */
    record FileFill(String file, long bytes, int fill, int chunksFill) {

        static FileFill of(Path path) {
            try (MVStore store =
                    new MVStore.Builder().fileName(path.toString()).readOnly().open()) {
                return new FileFill(
                        path.getFileName().toString(),
                        DataFiles.size(path),
                        store.getFillRate(),
                        store.getFileStore().getChunksFillRate());
            }
        }
    }

    record TableSize(String table, long rows, long bytes) {}

    record CollectionSize(String collection, long documents, long bytes) {}

    // ---- 1. the history -------------------------------------------------------------------------------------------

    /** What was written, by payload type and by aggregate type. */
    record Tally(Map<String, Long> byPayload, Map<String, Long> byAggregate) {

        long events() {
            return byPayload.values().stream().mapToLong(Long::longValue).sum();
        }

        long payloads(String simpleName) {
            return byPayload.getOrDefault(simpleName, 0L);
        }

        long aggregates(String type) {
            return byAggregate.getOrDefault(type, 0L);
        }

        /** The portal projection handles every candidate's event, each with two documents (candidate, history). */
        long portalEvents() {
            return aggregates("Candidate");
        }
    }

    record Generation(
            Tally tally,
            int centres,
            int users,
            long passed,
            long storedEvents,
            double seconds,
            double appendSeconds,
            DataFiles files,
            TableSize eventTable,
            double readOnceSeconds,
            Set<String> generatedMetadataKeys) {}

    static Generation generate(Hub hub, Settings settings) {
        List<Qualification> catalogue = Qualification.published(hub);
        UserAccount admin = hub.bean(UserDirectory.class)
                .findByPin(ApplicationTest.ADMIN_PIN)
                .orElseThrow();
        hub.stopProcessors();
        progress("processors stopped; generating %,d events", settings.events());
        long started = System.nanoTime();
        History history;
        try (Appender appender = new Appender(hub, settings.events())) {
            history = new History(settings, catalogue, admin, appender::append);
            history.write();
            appender.flush();
            double seconds = secondsSince(started);
            long stored = hub.eventCount();
            progress("generated %,d events in %.1f s; %,d stored", appender.written, seconds, stored);
            double readOnce = readOnce(hub, stored);
            return new Generation(
                    appender.tally(),
                    history.centres.size(),
                    history.users(),
                    history.passed,
                    stored,
                    seconds,
                    appender.appendNanos / 1e9,
                    hub.files(),
                    hub.tableSize("DOMAIN_EVENT_ENTRY"),
                    readOnce,
                    history.registrationKeys);
        }
    }

    /**
     * The history read once through Axon's event store from the first event, nothing handled: a floor under every
     * processor's catch-up, which reads the same rows the same way (each processor on its own).
     */
    private static double readOnce(Hub hub, long events) {
        long started = System.nanoTime();
        long read = 0;
        try (BlockingStream<TrackedEventMessage<?>> stream =
                hub.bean(EventStore.class).openStream(null)) {
            while (read < events && stream.hasNextAvailable(10, TimeUnit.SECONDS)) {
                stream.nextAvailable();
                read++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(read).as("events read back").isEqualTo(events);
        double seconds = secondsSince(started);
        progress("read the %,d events once in %.1f s", read, seconds);
        return seconds;
    }

    /** Appends through the application's storage engine in transactions of {@value #APPEND_BATCH}, and counts. */
    private static final class Appender implements AutoCloseable {

        private final EventStorageEngine engine;
        private final TransactionManager transactions;
        private final Hub hub;
        private final long total;
        private final List<DomainEventMessage<?>> batch = new ArrayList<>(APPEND_BATCH);
        private final Map<String, Long> byPayload = new TreeMap<>();
        private final Map<String, Long> byAggregate = new TreeMap<>();
        private final long started = System.nanoTime();
        private long appendNanos;
        private long written;
        private long lastProgress = System.nanoTime();

        Appender(Hub hub, long total) {
            this.hub = hub;
            this.total = total;
            this.engine = hub.bean(EventStorageEngine.class);
            this.transactions = hub.bean(TransactionManager.class);
        }

        void append(DomainEventMessage<?> event) {
            batch.add(event);
            byPayload.merge(event.getPayloadType().getSimpleName(), 1L, Long::sum);
            byAggregate.merge(event.getType(), 1L, Long::sum);
            if (batch.size() == APPEND_BATCH) {
                flush();
            }
        }

        void flush() {
            if (batch.isEmpty()) {
                return;
            }
            long began = System.nanoTime();
            transactions.executeInTransaction(() -> engine.appendEvents(batch));
            appendNanos += System.nanoTime() - began;
            written += batch.size();
            batch.clear();
            if (System.nanoTime() - lastProgress > PROGRESS_EVERY.toNanos()) {
                lastProgress = System.nanoTime();
                DataFiles files = hub.files();
                progress(
                        "  %,d of %,d events, %.0f s (appending %.0f s), events file %,d MB",
                        written, total, secondsSince(started), appendNanos / 1e9, files.events() / MB);
            }
        }

        Tally tally() {
            return new Tally(Map.copyOf(byPayload), Map.copyOf(byAggregate));
        }

        @Override
        public void close() {
            batch.clear();
        }
    }

    /** An assessment as published and as the command side keeps it: rules, bank in bank order, answer key. */
    record Assessment(
            String code,
            String qualificationCode,
            int index,
            int questionCount,
            int durationMinutes,
            int passPercent,
            List<BankItem> bank,
            Map<String, Integer> key) {}

    /** A qualification of the catalogue the application published at its first start, with its assessments. */
    record Qualification(String code, List<Assessment> assessments) {

        /**
         * The published qualifications assessed by tests alone: a claim on one with ePortfolio units would need
         * portfolio sign-offs, which this history does not hold.
         */
        static List<Qualification> published(Hub hub) {
            JdbcTemplate jdbc = hub.bean(JdbcTemplate.class);
            ItemDirectory bank = hub.bean(ItemDirectory.class);
            QualificationDirectory catalogue = hub.bean(QualificationDirectory.class);
            Map<String, List<Assessment>> byQualification = new TreeMap<>();
            jdbc.query(
                    "SELECT qualification_code, assessment_code, question_count, duration_minutes, pass_percent"
                            + " FROM assessment_rules ORDER BY qualification_code, assessment_code",
                    row -> {
                        String qualification = row.getString(1);
                        List<Assessment> assessments =
                                byQualification.computeIfAbsent(qualification, code -> new ArrayList<>());
                        List<BankItem> items = bank.items(row.getString(2));
                        assessments.add(new Assessment(
                                row.getString(2),
                                qualification,
                                assessments.size(),
                                row.getInt(3),
                                row.getInt(4),
                                row.getInt(5),
                                items,
                                bank.answerKey(
                                        items.stream().map(BankItem::itemId).toList())));
                    });
            List<Qualification> qualifications = byQualification.entrySet().stream()
                    .filter(entry -> catalogue.portfolioUnits(entry.getKey()).isEmpty())
                    .map(entry -> new Qualification(entry.getKey(), List.copyOf(entry.getValue())))
                    .toList();
            assertThat(qualifications)
                    .as("qualifications assessed by tests alone")
                    .isNotEmpty();
            return qualifications;
        }
    }

    /** One aggregate's stream: its type, identifier and the next sequence number. */
    private static class Aggregate {

        final String type;
        final String id;
        private long next;

        Aggregate(String type, String id) {
            this.type = type;
            this.id = id;
        }

        DomainEventMessage<?> event(Object payload, Map<String, Object> metadata, Instant at, String messageId) {
            return new GenericDomainEventMessage<>(type, id, next++, payload, MetaData.from(metadata), messageId, at);
        }
    }

    /** A centre user, with what the audit metadata says of them and the address they work from. */
    private static final class Staff extends Aggregate {

        final String pin;
        final Role role;
        final String centreId;
        final String address;

        Staff(String id, String pin, Role role, String centreId, String address) {
            super("User", id);
            this.pin = pin;
            this.role = role;
            this.centreId = centreId;
            this.address = address;
        }
    }

    private static final class Centre extends Aggregate {

        final int index;
        final List<Qualification> qualifications;
        final boolean directClaimStatus;
        final List<Staff> staff = new ArrayList<>();
        /** Candidates with an assessment still to pass, in registration order: the first registered sit first. */
        final List<Learner> working = new ArrayList<>();

        Centre(String id, int index, List<Qualification> qualifications, boolean directClaimStatus) {
            super("Centre", id);
            this.index = index;
            this.qualifications = qualifications;
            this.directClaimStatus = directClaimStatus;
        }

        Staff staff(Role role, int which) {
            return staff.stream()
                    .filter(user -> user.role == role)
                    .skip(which)
                    .findFirst()
                    .orElseThrow();
        }

        /** A network of the centre's own: its office at .10, its exam room's machines above .100. */
        String address(int host) {
            return "10." + (index >> 8 & 255) + "." + (index & 255) + "." + host;
        }
    }

    /** A candidate and their progress: which assessments are passed (by which attempt), failed when, claimed. */
    private static final class Learner extends Aggregate {

        final Centre centre;
        final String registrationNumber;
        final Qualification qualification;
        final double ability;
        final String[] passedBy;
        final Instant[] lastFailed;
        final int[] attempts;
        String firstName;
        String lastName;
        LocalDate dateOfBirth;
        String uln;
        boolean certificated;

        Learner(String id, Centre centre, String registrationNumber, Qualification qualification, double ability) {
            super("Candidate", id);
            this.centre = centre;
            this.registrationNumber = registrationNumber;
            this.qualification = qualification;
            this.ability = ability;
            int assessments = qualification.assessments().size();
            this.passedBy = new String[assessments];
            this.lastFailed = new Instant[assessments];
            this.attempts = new int[assessments];
        }

        /** The first assessment not yet passed that they may sit at {@code at} (48 h after a failure); or -1. */
        int nextAssessment(Instant at) {
            for (int a = 0; a < passedBy.length; a++) {
                if (passedBy[a] == null
                        && (lastFailed[a] == null || !at.isBefore(lastFailed[a].plus(History.RESIT_AFTER)))) {
                    return a;
                }
            }
            return -1;
        }

        boolean passedEverything() {
            return Arrays.stream(passedBy).allMatch(attempt -> attempt != null);
        }

        String holderName() {
            return firstName + " " + lastName;
        }
    }

    private record PendingClaim(Aggregate claim, Learner learner, String holderName) {}

    /**
     * A year of the hub's life, written as episodes (the centres set up; a coordinator registering candidates one by
     * one or by CSV file; an exam session at a centre; an amendment; a sign-in; a batch of claims; IMI deciding
     * waiting claims), each with its own clock, in the order the application would have recorded them. Episodes
     * are chosen so that the candidates are all registered by 95 % of the events, one in ten is amended and one
     * event in fifty is a sign-in; the rest are exam sessions, in which the earliest registered sit first, so that
     * cohorts finish their qualification and are claimed for. The timeline spans {@link #SPAN}, ending a few days
     * ago; every event's metadata is what {@code AuditMetadataInterceptor} and {@code AuditCorrelationProvider}
     * give it: the acting user (PIN, roles, centre) or candidate (registration number) or the system, the request's
     * correlation id and client address, the command as cause, the reason of a reasoned command. Seeded: the same
     * settings give the same history.
     */
    private static final class History {

        static final Duration SPAN = Duration.ofDays(365);
        static final Duration RESIT_AFTER = Duration.ofHours(48);
        private static final Duration KEY_VALID_FOR = Duration.ofHours(2);
        private static final double REGISTERED_BY = 0.95;
        private static final double AMENDED_SHARE = 0.10;
        private static final double SIGN_IN_SHARE = 0.02;
        private static final double RUNS_OUT_SHARE = 0.05;
        private static final double CHANGE_SHARE = 0.10;
        private static final double DIRECT_CLAIM_SHARE = 0.25;
        private static final double REJECTED_SHARE = 0.05;
        private static final double LATE_SHARE = 0.08;
        private static final double ULN_SHARE = 0.60;
        private static final int LATE_AFTER_DAYS = 90;
        /** More than any attempt writes: opened, started, up to two answers per question, submitted. */
        private static final int MOST_EVENTS_PER_ATTEMPT = 35;

        private static final int MOST_SEATS = 20;
        private static final int SEAT_WINDOW = 80;
        private static final int CLAIM_BATCH = 20;
        private static final int DECISION_BATCH = 30;
        private static final int MOST_EVENTS_PER_CLAIM = 3;
        private static final List<Role> CENTRE_ROLES =
                List.of(Role.CENTRE_COORDINATOR, Role.CENTRE_ADMIN, Role.INVIGILATOR, Role.INVIGILATOR);
        private static final String[] FIRST_NAMES = {
            "Oliver",
            "Amelia",
            "Jack",
            "Isla",
            "Harry",
            "Ava",
            "George",
            "Mia",
            "Noah",
            "Zoë",
            "Józef",
            "Siobhán",
            "Chloé",
            "Rhys",
            "Aoife",
            "Priya",
            "Mohammed",
            "Fatima",
            "Liam",
            "Grace",
            "Dylan",
            "Ffion",
            "Kacper",
            "Zuzanna",
            "Ciarán",
            "Niamh",
            "Arjun",
            "Aisha",
            "Tomás",
            "Élise",
            "Callum",
            "Evie",
            "Reuben",
            "Maja",
            "Kwame",
            "Ama",
            "Finley",
            "Ruby",
            "Oisín",
            "Ingrid"
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
            "Roberts",
            "Johnson",
            "Lewis",
            "Walker",
            "Robinson",
            "Wood",
            "Thompson",
            "White",
            "Watson",
            "Jackson",
            "Wright",
            "Green",
            "Harris",
            "Cooper",
            "King",
            "Lee",
            "Martin",
            "Clarke",
            "James",
            "Morgan",
            "Hughes",
            "Edwards",
            "Hill",
            "Moore",
            "Clark",
            "Harrison",
            "Scott",
            "Young",
            "Morris",
            "Hall",
            "Ward",
            "Turner",
            "Carter",
            "Phillips",
            "Mitchell",
            "Patel",
            "O'Brien",
            "Ó Súilleabháin",
            "de Vere",
            "Nowak-Kowalska",
            "Müller",
            "Nguyen",
            "Okafor",
            "MacLeod",
            "ap Rhys",
            "Kowalczyk",
            "Begum"
        };
        private static final String[] TOWNS = {
            "Leeds",
            "Bristol",
            "Cardiff",
            "Derby",
            "Luton",
            "Swindon",
            "Preston",
            "Norwich",
            "Dundee",
            "Belfast",
            "Exeter",
            "Stoke",
            "Wigan",
            "Reading",
            "Coventry",
            "Hull",
            "Ipswich",
            "Bolton",
            "Crewe",
            "Slough"
        };
        private static final String[] KINDS = {
            "College", "Motor Academy", "Training Centre", "Technical School", "Dealer Group Academy"
        };
        private static final String[] AMENDMENT_REASONS = {
            "Corrected from the learner's passport",
            "Typo at registration",
            "Name changed by deed poll",
            "As on the learner's birth certificate",
            "ULN supplied by the learner records service"
        };

        private final Settings settings;
        private final List<Qualification> catalogue;
        private final Staff imiAdmin;
        private final Consumer<DomainEventMessage<?>> sink;
        private final Random random;
        final List<Centre> centres = new ArrayList<>();
        private final double[] centreWeights;
        private final List<Learner> learners = new ArrayList<>();
        private final ArrayDeque<Learner> eligible = new ArrayDeque<>();
        private final ArrayDeque<PendingClaim> awaitingDecision = new ArrayDeque<>();
        private final Set<String> taken = new HashSet<>();
        private final long stepNanos;
        private Instant clock;
        private long written;
        private long amendments;
        private long signIns;
        long passed;
        /** The metadata keys of a generated registration, to set beside those of one the application writes. */
        Set<String> registrationKeys = Set.of();

        History(
                Settings settings,
                List<Qualification> catalogue,
                UserAccount admin,
                Consumer<DomainEventMessage<?>> sink) {
            this.settings = settings;
            this.catalogue = catalogue;
            this.sink = sink;
            this.random = new Random(settings.seed());
            this.imiAdmin = new Staff(admin.userId(), admin.pin(), Role.IMI_ADMIN, null, "10.255.0.10");
            this.centreWeights = skewedWeights(settings.centres());
            this.stepNanos = SPAN.toNanos() / settings.events();
            this.clock = Instant.now().minus(Duration.ofDays(3)).minus(SPAN);
            taken.add(admin.pin());
        }

        /** Per centre: applied, approved, four users created, activated and signing in for the first time. */
        static long setUpEvents(int centres) {
            return centres * (2L + 3L * CENTRE_ROLES.size());
        }

        int users() {
            return centres.size() * CENTRE_ROLES.size();
        }

        void write() {
            for (int c = 0; c < settings.centres(); c++) {
                setUpCentre(c);
            }
            while (written < settings.events()) {
                nextEpisode(settings.events() - written, (double) written / settings.events());
            }
        }

        /** Whatever is behind its schedule first; otherwise claims when enough wait, else an exam session. */
        private void nextEpisode(long remaining, double progress) {
            if (learners.size() < settings.candidates()
                    && learners.size() < settings.candidates() * Math.min(1.0, progress / REGISTERED_BY) + 1) {
                register(remaining);
            } else if (amendments < AMENDED_SHARE * settings.candidates() * progress && amend()) {
                amendments++;
            } else if (signIns < SIGN_IN_SHARE * settings.events() * progress) {
                signIn();
            } else if (remaining > (long) CLAIM_BATCH * MOST_EVENTS_PER_CLAIM
                    && !eligible.isEmpty()
                    && (eligible.size() >= CLAIM_BATCH || random.nextDouble() < 0.05)) {
                claim();
            } else if (remaining > 2L * DECISION_BATCH && awaitingDecision.size() >= DECISION_BATCH) {
                decide();
            } else if (remaining < MOST_EVENTS_PER_ATTEMPT || !examSession(remaining)) {
                signIn();
            }
        }

        // -- the episodes --

        private void setUpCentre(int c) {
            String town = TOWNS[c % TOWNS.length];
            String name = town + " " + KINDS[c / TOWNS.length % KINDS.length]
                    + (c >= TOWNS.length * KINDS.length ? " " + (c / (TOWNS.length * KINDS.length) + 1) : "");
            List<Qualification> approved =
                    catalogue.stream().filter(q -> random.nextDouble() < 0.7).toList();
            Centre centre = new Centre(
                    id(),
                    c,
                    approved.isEmpty() ? List.of(catalogue.get(c % catalogue.size())) : approved,
                    random.nextDouble() < DIRECT_CLAIM_SHARE);
            centres.add(centre);
            String number = Integer.toString(300_001 + c);
            List<DomainEventMessage<?>> episode = new ArrayList<>();
            Instant at = clock;
            episode.add(centre.event(
                    new CentreApplied(
                            centre.id, name, (c + 1) + " High Street, " + town, "office@centre-" + number + ".example"),
                    byStaff(imiAdmin, id(), id(), null),
                    at,
                    id()));
            at = at.plusSeconds(300);
            episode.add(centre.event(
                    new CentreApproved(
                            centre.id,
                            number,
                            centre.qualifications.stream()
                                    .map(Qualification::code)
                                    .toList(),
                            centre.directClaimStatus),
                    byStaff(imiAdmin, id(), id(), null),
                    at,
                    id()));
            for (Role role : CENTRE_ROLES) {
                Staff user = new Staff(id(), pin(), role, centre.id, centre.address(10));
                centre.staff.add(user);
                at = at.plusSeconds(60);
                episode.add(user.event(
                        new UserCreated(
                                user.id,
                                user.pin,
                                personName(),
                                role.name().toLowerCase(Locale.ROOT) + centre.staff.size() + "@centre-" + number
                                        + ".example",
                                Set.of(role),
                                centre.id),
                        byStaff(imiAdmin, id(), id(), null),
                        at,
                        id()));
            }
            for (Staff user : centre.staff) {
                at = at.plusSeconds(600);
                episode.add(user.event(
                        new PasswordSet(user.id, centre.id, PasswordSetBy.ACTIVATION),
                        byStaff(user, id(), id(), null),
                        at,
                        id()));
                at = at.plusSeconds(30);
                episode.add(
                        user.event(new UserSignedIn(user.id, centre.id), byStaff(user, id(), id(), null), at, id()));
            }
            emit(episode);
        }

        /** A coordinator or centre admin registers one candidate, or a CSV file of up to 50 (one request). */
        private void register(long remaining) {
            Centre centre = centres.get(weighted(centreWeights));
            Staff registrar = centre.staff(random.nextBoolean() ? Role.CENTRE_COORDINATOR : Role.CENTRE_ADMIN, 0);
            int count = random.nextBoolean() ? 1 : 2 + random.nextInt(49);
            count = (int) Math.min(count, Math.min(settings.candidates() - learners.size(), remaining));
            String request = id();
            List<DomainEventMessage<?>> episode = new ArrayList<>();
            Instant at = clock;
            for (int i = 0; i < count; i++) {
                at = at.plusMillis(200 + random.nextInt(2_000));
                Learner learner = newLearner(centre);
                LocalDate registeredOn = date(at);
                boolean late = random.nextDouble() < LATE_SHARE;
                LocalDate startDate = registeredOn.minusDays(
                        late ? LATE_AFTER_DAYS + 1 + random.nextInt(120) : random.nextInt(LATE_AFTER_DAYS));
                learner.dateOfBirth = registeredOn.minusYears(16).minusDays(random.nextInt(25 * 365));
                learner.uln = random.nextDouble() < ULN_SHARE ? uln() : null;
                DomainEventMessage<?> registered = learner.event(
                        new CandidateRegistered(
                                learner.id,
                                centre.id,
                                learner.registrationNumber,
                                learner.firstName,
                                learner.lastName,
                                learner.dateOfBirth,
                                learner.uln,
                                learner.qualification.code(),
                                startDate,
                                registeredOn,
                                registeredOn.isAfter(startDate.plusDays(LATE_AFTER_DAYS)),
                                false),
                        byStaff(registrar, request, id(), null),
                        at,
                        id());
                if (registrationKeys.isEmpty()) {
                    registrationKeys = new TreeSet<>(registered.getMetaData().keySet());
                }
                episode.add(registered);
            }
            emit(episode);
        }

        private Learner newLearner(Centre centre) {
            Qualification qualification = centre.qualifications.get(random.nextInt(centre.qualifications.size()));
            Learner learner = new Learner(
                    id(), centre, unique(this::registrationNumber), qualification, 0.55 + 0.4 * random.nextDouble());
            learner.firstName = pick(FIRST_NAMES);
            learner.lastName = pick(LAST_NAMES);
            learners.add(learner);
            centre.working.add(learner);
            return learner;
        }

        /** The candidate's coordinator corrects a name, the date of birth or the ULN, giving a reason. */
        private boolean amend() {
            Learner learner = learners.get(random.nextInt(learners.size()));
            if (learner.certificated) {
                return false; // only IMI may amend a certificated candidate: another episode instead
            }
            String reason = pick(AMENDMENT_REASONS);
            Object amendment = switch (random.nextInt(5)) {
                case 0, 1, 2 -> amendName(learner, reason);
                case 3 -> {
                    LocalDate before = learner.dateOfBirth;
                    learner.dateOfBirth =
                            before.plusDays(random.nextBoolean() ? 1 + random.nextInt(400) : -1 - random.nextInt(400));
                    yield new CandidateDateOfBirthAmended(
                            learner.id, learner.centre.id, before, learner.dateOfBirth, reason);
                }
                default -> {
                    String before = learner.uln;
                    learner.uln = uln();
                    yield new CandidateUlnAmended(learner.id, learner.centre.id, before, learner.uln, reason);
                }
            };
            Staff coordinator = learner.centre.staff(Role.CENTRE_COORDINATOR, 0);
            emit(List.of(learner.event(amendment, byStaff(coordinator, id(), id(), reason), clock, id())));
            return true;
        }

        private CandidateNameAmended amendName(Learner learner, String reason) {
            String oldFirst = learner.firstName;
            String oldLast = learner.lastName;
            if (random.nextBoolean()) {
                learner.firstName = different(FIRST_NAMES, oldFirst);
            } else {
                learner.lastName = different(LAST_NAMES, oldLast);
            }
            return new CandidateNameAmended(
                    learner.id, learner.centre.id, oldFirst, oldLast, learner.firstName, learner.lastName, reason);
        }

        private void signIn() {
            Centre centre = centres.get(weighted(centreWeights));
            Staff user = centre.staff.get(random.nextInt(centre.staff.size()));
            emit(List.of(
                    user.event(new UserSignedIn(user.id, centre.id), byStaff(user, id(), id(), null), clock, id())));
            signIns++;
        }

        /**
         * An invigilator opens an attempt for each seat, a few seconds apart; each candidate starts, answers at
         * their own pace and submits (or is submitted by the time limit); the session's events are recorded in the
         * order of their times. False when the chosen centres have nobody who may sit now.
         */
        private boolean examSession(long remaining) {
            int most = (int) Math.min(4 + random.nextInt(MOST_SEATS - 3), remaining / MOST_EVENTS_PER_ATTEMPT);
            for (int tries = 0; tries < 10; tries++) {
                Centre centre = centres.get(weighted(centreWeights));
                List<Learner> seated = new ArrayList<>();
                Assessment assessment = seats(centre, most, seated);
                if (assessment != null) {
                    sit(centre, assessment, seated);
                    return true;
                }
            }
            return false;
        }

        /** The earliest registered who may sit now, for the assessment the first of them needs next. */
        private Assessment seats(Centre centre, int most, List<Learner> seated) {
            Assessment chosen = null;
            for (int i = 0; i < Math.min(centre.working.size(), SEAT_WINDOW) && seated.size() < most; i++) {
                Learner learner = centre.working.get(i);
                int next = learner.nextAssessment(clock);
                if (next < 0) {
                    continue;
                }
                Assessment needed = learner.qualification.assessments().get(next);
                if (chosen == null) {
                    chosen = needed;
                }
                if (needed == chosen) {
                    seated.add(learner);
                }
            }
            return chosen;
        }

        private void sit(Centre centre, Assessment assessment, List<Learner> seated) {
            Staff invigilator = centre.staff(Role.INVIGILATOR, random.nextInt(2));
            Instant firstStart = clock.plusSeconds(15L * seated.size() + 60);
            List<DomainEventMessage<?>> session = new ArrayList<>();
            for (int seat = 0; seat < seated.size(); seat++) {
                session.addAll(attempt(
                        centre,
                        seated.get(seat),
                        assessment,
                        invigilator,
                        seat,
                        clock.plusSeconds(15L * seat),
                        firstStart.plusSeconds(random.nextInt(180))));
            }
            session.sort(Comparator.comparing(EventMessage::getTimestamp)); // stable: each attempt keeps its order
            emit(session);
            centre.working.removeIf(Learner::passedEverything);
            seated.stream().filter(Learner::passedEverything).forEach(eligible::add);
        }

        private List<DomainEventMessage<?>> attempt(
                Centre centre,
                Learner learner,
                Assessment assessment,
                Staff invigilator,
                int seat,
                Instant openedAt,
                Instant startedAt) {
            Aggregate attempt = new Aggregate("Attempt", id());
            List<DomainEventMessage<?>> events = new ArrayList<>();
            int number = ++learner.attempts[assessment.index()];
            events.add(attempt.event(
                    new AttemptOpened(
                            attempt.id,
                            learner.id,
                            learner.registrationNumber,
                            centre.id,
                            assessment.qualificationCode(),
                            assessment.code(),
                            number,
                            assessment.questionCount(),
                            assessment.durationMinutes(),
                            assessment.passPercent(),
                            invigilator.id,
                            invigilator.pin,
                            openedAt,
                            openedAt.plus(KEY_VALID_FOR)),
                    byStaff(invigilator, id(), id(), null),
                    openedAt,
                    id()));
            long seed = random.nextLong();
            List<AttemptStarted.Question> form = FormDraw.draw(assessment.bank(), assessment.questionCount(), seed);
            Instant endsAt = startedAt.plus(Duration.ofMinutes(assessment.durationMinutes()));
            String seatAddress = centre.address(100 + seat);
            String startRequest = id();
            events.add(attempt.event(
                    new AttemptStarted(
                            attempt.id, learner.id, centre.id, assessment.code(), startedAt, endsAt, seed, form),
                    byCandidate(learner, startRequest, seatAddress),
                    startedAt,
                    id()));
            Answers answers = new Answers(form, assessment.key());
            boolean runsOut = random.nextDouble() < RUNS_OUT_SHARE;
            Instant at = answer(attempt, learner, centre, answers, startedAt, endsAt, runsOut, seatAddress, events);
            AttemptSubmitted submitted = answers.marked(
                    attempt.id,
                    learner,
                    centre,
                    assessment,
                    startedAt,
                    endsAt,
                    runsOut ? endsAt : at.plusSeconds(10 + random.nextInt(80)),
                    runsOut ? SubmittedBy.TIME_LIMIT : SubmittedBy.CANDIDATE);
            // the time limit is a deadline: the system acts, under the correlation id of the start that set it
            events.add(attempt.event(
                    submitted,
                    runsOut ? bySystem(startRequest, id()) : byCandidate(learner, id(), seatAddress),
                    submitted.submittedAt(),
                    id()));
            if (submitted.outcome() == Outcome.PASS) {
                passed++;
                learner.passedBy[assessment.index()] = attempt.id;
            } else {
                learner.lastFailed[assessment.index()] = submitted.submittedAt();
            }
            return events;
        }

        /**
         * Every question in form order, right as often as the candidate's ability says; then one in ten answers
         * changed. One who runs out of time answers two thirds. Answers the time of the last answer.
         */
        private Instant answer(
                Aggregate attempt,
                Learner learner,
                Centre centre,
                Answers answers,
                Instant startedAt,
                Instant endsAt,
                boolean runsOut,
                String address,
                List<DomainEventMessage<?>> events) {
            Instant last = endsAt.minusSeconds(5);
            Instant at = startedAt;
            List<AttemptStarted.Question> answered = new ArrayList<>();
            int toAnswer = runsOut ? answers.form.size() * 2 / 3 : answers.form.size();
            for (AttemptStarted.Question question : answers.form.subList(0, toAnswer)) {
                at = at.plusSeconds(15 + random.nextInt(60));
                if (at.isAfter(last)) {
                    return at;
                }
                events.add(chosen(
                        attempt,
                        learner,
                        centre,
                        answers,
                        question,
                        answers.option(question, random.nextDouble() < learner.ability, random),
                        at,
                        address));
                answered.add(question);
            }
            for (AttemptStarted.Question question : answered) {
                if (random.nextDouble() >= CHANGE_SHARE) {
                    continue;
                }
                at = at.plusSeconds(10 + random.nextInt(30));
                if (at.isAfter(last)) {
                    return at;
                }
                events.add(chosen(
                        attempt,
                        learner,
                        centre,
                        answers,
                        question,
                        answers.changed(question, random.nextDouble() < learner.ability, random),
                        at,
                        address));
            }
            return at;
        }

        private DomainEventMessage<?> chosen(
                Aggregate attempt,
                Learner learner,
                Centre centre,
                Answers answers,
                AttemptStarted.Question question,
                AttemptStarted.Option option,
                Instant at,
                String address) {
            return answers.choose(
                    attempt, learner, centre, question, option, at, byCandidate(learner, id(), address), id());
        }

        /** A coordinator claims for up to twenty of the centre's candidates who have passed every assessment. */
        private void claim() {
            Centre centre = eligible.peekFirst().centre;
            Staff coordinator = centre.staff(Role.CENTRE_COORDINATOR, 0);
            List<DomainEventMessage<?>> episode = new ArrayList<>();
            Instant at = clock;
            Iterator<Learner> candidates = eligible.iterator();
            for (int claimed = 0; claimed < CLAIM_BATCH && candidates.hasNext(); ) {
                Learner learner = candidates.next();
                if (learner.centre != centre) {
                    continue;
                }
                candidates.remove();
                claimed++;
                at = at.plusSeconds(20 + random.nextInt(100));
                Aggregate claim = new Aggregate("Claim", id());
                String request = id();
                Map<String, Object> metadata = byStaff(coordinator, request, id(), null);
                episode.add(claim.event(
                        new CertificateClaimed(
                                claim.id,
                                learner.id,
                                learner.registrationNumber,
                                centre.id,
                                learner.qualification.code(),
                                learner.holderName(),
                                centre.directClaimStatus,
                                List.of(learner.passedBy),
                                coordinator.id,
                                coordinator.pin,
                                at),
                        metadata,
                        at,
                        id()));
                if (centre.directClaimStatus) {
                    issue(
                            new PendingClaim(claim, learner, learner.holderName()),
                            at,
                            false,
                            metadata,
                            request,
                            episode);
                } else {
                    awaitingDecision.add(new PendingClaim(claim, learner, learner.holderName()));
                }
            }
            emit(episode);
        }

        /** IMI issues the waiting claims' certificates, oldest first, and rejects a few. */
        private void decide() {
            List<DomainEventMessage<?>> episode = new ArrayList<>();
            Instant at = clock;
            for (int i = 0; i < DECISION_BATCH && !awaitingDecision.isEmpty(); i++) {
                PendingClaim pending = awaitingDecision.removeFirst();
                at = at.plusSeconds(30 + random.nextInt(150));
                String request = id();
                if (random.nextDouble() < REJECTED_SHARE) {
                    String reason = "Evidence of the centre's invigilation requested and not supplied";
                    episode.add(pending.claim()
                            .event(
                                    new ClaimRejected(
                                            pending.claim().id,
                                            pending.learner().id,
                                            pending.learner().centre.id,
                                            pending.learner().qualification.code(),
                                            reason),
                                    byStaff(imiAdmin, request, id(), reason),
                                    at,
                                    id()));
                } else {
                    issue(pending, at, true, byStaff(imiAdmin, request, id(), null), request, episode);
                }
            }
            emit(episode);
        }

        /**
         * The certificate issued; a moment later the certification policy records it on the candidate, as the
         * system, under the issuing request's correlation id and with the issue as its cause.
         */
        private void issue(
                PendingClaim pending,
                Instant at,
                boolean byImi,
                Map<String, Object> metadata,
                String request,
                List<DomainEventMessage<?>> episode) {
            Learner learner = pending.learner();
            String number = unique(this::certificateNumber);
            DomainEventMessage<?> issued = pending.claim()
                    .event(
                            new CertificateIssued(
                                    pending.claim().id,
                                    learner.id,
                                    learner.centre.id,
                                    learner.qualification.code(),
                                    number,
                                    pending.holderName(),
                                    date(at),
                                    at,
                                    byImi),
                            metadata,
                            at,
                            id());
            episode.add(issued);
            episode.add(learner.event(
                    new CandidateCertificated(
                            learner.id, learner.centre.id, pending.claim().id, learner.qualification.code(), number),
                    bySystem(request, issued.getIdentifier()),
                    at.plusSeconds(1),
                    id()));
            learner.certificated = true;
        }

        /**
         * Hands the episode's events on and moves the clock past them: by at least its share of the year, so that
         * the history spans {@link #SPAN} and every timestamp follows the one before.
         */
        private void emit(List<DomainEventMessage<?>> episode) {
            episode.forEach(sink);
            written += episode.size();
            Instant last = episode.get(episode.size() - 1).getTimestamp();
            Instant byShare = clock.plusNanos(stepNanos * episode.size());
            clock = (last.isAfter(byShare) ? last : byShare).plusSeconds(1);
        }

        // -- metadata, as the application's interceptor and correlation provider write it --

        /** A signed-in user's command: who, in which roles and centre, from where, why; the command as cause. */
        private static Map<String, Object> byStaff(
                Staff user, String correlationId, String causationId, String reason) {
            Map<String, Object> metadata = new HashMap<>();
            metadata.put(AuditMetadata.ACTOR_USER_ID, user.id);
            metadata.put(AuditMetadata.ACTOR_PIN, user.pin);
            metadata.put(AuditMetadata.ACTOR_ROLES, user.role.name());
            if (user.centreId != null) {
                metadata.put(AuditMetadata.ACTOR_CENTRE_ID, user.centreId);
            }
            if (reason != null) {
                metadata.put(AuditMetadata.REASON, reason);
            }
            metadata.put(AuditMetadata.CORRELATION_ID, correlationId);
            metadata.put(AuditMetadata.CAUSATION_ID, causationId);
            metadata.put(AuditMetadata.CLIENT_ADDRESS, user.address);
            return metadata;
        }

        /** A candidate sitting an assessment, named by their registration number; one request per answer. */
        private Map<String, Object> byCandidate(Learner learner, String correlationId, String address) {
            return Map.of(
                    AuditMetadata.ACTOR_REGISTRATION_NUMBER,
                    learner.registrationNumber,
                    AuditMetadata.ACTOR_ROLES,
                    "CANDIDATE",
                    AuditMetadata.CORRELATION_ID,
                    correlationId,
                    AuditMetadata.CAUSATION_ID,
                    id(),
                    AuditMetadata.CLIENT_ADDRESS,
                    address);
        }

        private static Map<String, Object> bySystem(String correlationId, String causationId) {
            return Map.of(
                    AuditMetadata.ACTOR_USER_ID,
                    AuditMetadata.SYSTEM_ACTOR,
                    AuditMetadata.CORRELATION_ID,
                    correlationId,
                    AuditMetadata.CAUSATION_ID,
                    causationId);
        }

        // -- values --

        /** A random (version 4) UUID from the seeded generator: fast, and the same on every run. */
        private String id() {
            long high = random.nextLong() & 0xffffffffffff0fffL | 0x0000000000004000L;
            long low = random.nextLong() & 0x3fffffffffffffffL | 0x8000000000000000L;
            return new UUID(high, low).toString();
        }

        private String unique(Supplier<String> draw) {
            String value = draw.get();
            while (!taken.add(value)) {
                value = draw.get();
            }
            return value;
        }

        private String pin() {
            return unique(() -> Integer.toString(10_000_000 + random.nextInt(90_000_000)));
        }

        private String registrationNumber() {
            return code(RegistrationNumbers.ALPHABET, RegistrationNumbers.LENGTH);
        }

        private String certificateNumber() {
            return CertificateNumbers.PREFIX
                    + code(CertificateNumbers.ALPHABET, CertificateNumbers.LENGTH - CertificateNumbers.PREFIX.length());
        }

        private String code(String alphabet, int length) {
            char[] code = new char[length];
            for (int i = 0; i < length; i++) {
                code[i] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            return new String(code);
        }

        /** Nine random digits, the first not 0, and the check digit the learner-records service expects. */
        private String uln() {
            while (true) {
                StringBuilder digits = new StringBuilder().append(1 + random.nextInt(9));
                int sum = (digits.charAt(0) - '0') * 10;
                for (int i = 1; i < 9; i++) {
                    int digit = random.nextInt(10);
                    digits.append(digit);
                    sum += digit * (10 - i);
                }
                int remainder = sum % 11;
                if (remainder != 0) {
                    String uln = digits.append(10 - remainder).toString();
                    if (Uln.isValid(uln)) {
                        return uln;
                    }
                }
            }
        }

        private String personName() {
            return pick(FIRST_NAMES) + " " + pick(LAST_NAMES);
        }

        private String pick(String[] values) {
            return values[random.nextInt(values.length)];
        }

        private String different(String[] values, String current) {
            String value = pick(values);
            return value.equals(current) ? values[(Arrays.asList(values).indexOf(value) + 1) % values.length] : value;
        }

        /** A draw by the cumulative weights. */
        private int weighted(double[] cumulative) {
            int found = Arrays.binarySearch(cumulative, random.nextDouble());
            return Math.min(found >= 0 ? found : -found - 1, cumulative.length - 1);
        }

        /** Centres of skewed sizes, as in the audit benchmark: weight 1/(i+1)^0.9, the biggest ≈ 1 in 8 of 200. */
        private static double[] skewedWeights(int count) {
            double[] cumulative = new double[count];
            double sum = 0;
            for (int i = 0; i < count; i++) {
                sum += 1.0 / Math.pow(i + 1, 0.9);
                cumulative[i] = sum;
            }
            for (int i = 0; i < count; i++) {
                cumulative[i] /= sum;
            }
            return cumulative;
        }

        private static LocalDate date(Instant at) {
            return LocalDate.ofInstant(at, ZoneOffset.UTC);
        }
    }

    /** One attempt's answers as the command side keeps them, and its marking, as {@code Marking} does it. */
    private static final class Answers {

        final List<AttemptStarted.Question> form;
        private final Map<String, Integer> key;
        private final Map<String, AttemptStarted.Option> last = new HashMap<>();
        private final Map<String, List<Integer>> chosen = new HashMap<>();

        Answers(List<AttemptStarted.Question> form, Map<String, Integer> key) {
            this.form = form;
            this.key = key;
        }

        /** The right option, or one of the wrong ones. */
        AttemptStarted.Option option(AttemptStarted.Question question, boolean right, Random random) {
            int answer = key.get(question.itemId());
            List<AttemptStarted.Option> options = question.options().stream()
                    .filter(option -> (option.itemOption() == answer) == right)
                    .toList();
            return options.get(random.nextInt(options.size()));
        }

        /** Another option than the one chosen: the right one when the candidate now gets it right. */
        AttemptStarted.Option changed(AttemptStarted.Question question, boolean right, Random random) {
            AttemptStarted.Option current = last.get(question.questionId());
            int answer = key.get(question.itemId());
            List<AttemptStarted.Option> others = question.options().stream()
                    .filter(option -> option != current)
                    .toList();
            List<AttemptStarted.Option> wanted = others.stream()
                    .filter(option -> (option.itemOption() == answer) == right)
                    .toList();
            List<AttemptStarted.Option> from = wanted.isEmpty() ? others : wanted;
            return from.get(random.nextInt(from.size()));
        }

        DomainEventMessage<?> choose(
                Aggregate attempt,
                Learner learner,
                Centre centre,
                AttemptStarted.Question question,
                AttemptStarted.Option option,
                Instant at,
                Map<String, Object> metadata,
                String messageId) {
            AttemptStarted.Option previous = last.put(question.questionId(), option);
            chosen.computeIfAbsent(question.questionId(), q -> new ArrayList<>())
                    .add(option.itemOption());
            return attempt.event(
                    new AnswerChosen(
                            attempt.id,
                            learner.id,
                            centre.id,
                            question.questionId(),
                            question.itemId(),
                            option.optionId(),
                            option.itemOption(),
                            previous == null ? null : previous.optionId(),
                            at),
                    metadata,
                    at,
                    messageId);
        }

        AttemptSubmitted marked(
                String attemptId,
                Learner learner,
                Centre centre,
                Assessment assessment,
                Instant startedAt,
                Instant endsAt,
                Instant submittedAt,
                SubmittedBy by) {
            List<AttemptSubmitted.Mark> marks = new ArrayList<>();
            int score = 0;
            int changes = 0;
            int wrongToRight = 0;
            int rightToWrong = 0;
            for (AttemptStarted.Question question : form) {
                int right = key.get(question.itemId());
                List<Integer> options = chosen.getOrDefault(question.questionId(), List.of());
                for (int i = 1; i < options.size(); i++) {
                    changes++;
                    wrongToRight += options.get(i - 1) != right && options.get(i) == right ? 1 : 0;
                    rightToWrong += options.get(i - 1) == right && options.get(i) != right ? 1 : 0;
                }
                AttemptStarted.Option answer = last.get(question.questionId());
                boolean correct = answer != null && answer.itemOption() == right;
                score += correct ? 1 : 0;
                marks.add(new AttemptSubmitted.Mark(
                        question.questionId(),
                        question.itemId(),
                        answer == null ? null : answer.optionId(),
                        answer == null ? null : answer.itemOption(),
                        question.options().size(),
                        correct));
            }
            int max = form.size();
            double percent = BigDecimal.valueOf(100L * score)
                    .divide(BigDecimal.valueOf(max), 1, RoundingMode.HALF_UP)
                    .doubleValue();
            Outcome outcome = (long) score * 100 >= (long) assessment.passPercent() * max ? Outcome.PASS : Outcome.FAIL;
            return new AttemptSubmitted(
                    attemptId,
                    learner.id,
                    centre.id,
                    assessment.qualificationCode(),
                    assessment.code(),
                    by,
                    startedAt,
                    endsAt,
                    submittedAt,
                    score,
                    max,
                    percent,
                    assessment.passPercent(),
                    outcome,
                    List.copyOf(marks),
                    new AttemptSubmitted.AnswerChanges(
                            changes, wrongToRight, rightToWrong, changes - wrongToRight - rightToWrong));
        }
    }

    // ---- 2. catching up and replaying -----------------------------------------------------------------------------

    /** One processor in a catch-up: when it began and reached the head (s after the catch-up began), its reset. */
    record ProcessorRun(String name, double began, double resetSeconds, double reached) {

        double seconds() {
            return reached - began;
        }
    }

    record CatchUp(
            String what,
            long events,
            double seconds,
            List<ProcessorRun> processors,
            DataFiles before,
            DataFiles largest,
            DataFiles after,
            long deadLetters,
            List<String> unfinished,
            List<CpuShare> cpu,
            MachineShare machine,
            double loadAverage) {

        double eventsPerSecond() {
            return events / seconds;
        }

        ProcessorRun processor(String name) {
            return processors.stream()
                    .filter(run -> run.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        }
    }

    /**
     * As an operator rebuilds a read model while the application serves: {@code POST .../replay} for each chosen
     * replayable processor in turn (each empties its read model first, in the request), then each works through the
     * whole store from the first event. The certification policy sends commands and may never be replayed: a processor
     * still stopped (after the appends) starts where it stood. One catch-up only: on the embedded default a second
     * one over a million events needs more disk than the build machine has (see the report).
     */
    private static CatchUp replay(Hub hub, Settings settings, String what, Predicate<String> chosen) {
        hub.signInAgain();
        long events = hub.eventCount();
        Map<String, ProcessorRun> resets = new LinkedHashMap<>();
        Start start = Start.now(hub);
        for (JsonNode processor : hub.getJson("/api/admin/processors")) {
            String name = processor.path("name").asText();
            if (processor.path("streaming").asBoolean()
                    && processor.path("replayable").asBoolean()
                    && chosen.test(name)) {
                double began = secondsSince(start.nanos());
                hub.postLong("/api/admin/processors/" + name + "/replay", 202);
                resets.put(name, new ProcessorRun(name, began, secondsSince(start.nanos()) - began, Double.NaN));
                progress("  %s reset in %.1f s", name, resets.get(name).resetSeconds());
            }
        }
        hub.startProcessors();
        return hub.awaitHead(what, events, settings, resets, start);
    }

    /**
     * The start of a measured stretch: its time, the files as they were, every thread's CPU time so far, this JVM's
     * and the whole machine's.
     */
    record Start(long nanos, DataFiles files, Map<Long, Long> cpu, long processCpuNanos, MachineTicks machine) {

        static Start now(Hub hub) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<Long, Long> cpu = new HashMap<>();
            for (long id : threads.getAllThreadIds()) {
                cpu.put(id, threads.getThreadCpuTime(id));
            }
            return new Start(System.nanoTime(), hub.files(), cpu, jvmCpuNanos(), MachineTicks.now());
        }

        /** How the machine's cores spent the stretch, and how much of it this JVM took. */
        MachineShare machineSince() {
            return new MachineShare(MachineTicks.now().minus(machine), (jvmCpuNanos() - processCpuNanos) / 1e9);
        }

        private static long jvmCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime()
                    : -1;
        }

        /**
         * CPU seconds since the start by group of threads (a thread's name with its numbers as #), biggest first:
         * where the processor time of a catch-up went. Threads that ended meanwhile are not counted.
         */
        List<CpuShare> cpuSince() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            Map<String, Double> byGroup = new HashMap<>();
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                long now = info == null ? -1 : threads.getThreadCpuTime(info.getThreadId());
                if (now >= 0) {
                    long then = Math.max(0, cpu.getOrDefault(info.getThreadId(), 0L));
                    byGroup.merge(info.getThreadName().replaceAll("\\d+", "#"), (now - then) / 1e9, Double::sum);
                }
            }
            return byGroup.entrySet().stream()
                    .map(e -> new CpuShare(e.getKey(), e.getValue()))
                    .sorted(Comparator.comparingDouble(CpuShare::seconds).reversed())
                    .toList();
        }
    }

    record CpuShare(String threads, double seconds) {}

    /** The machine's CPU ticks by kind, from {@code /proc/stat} (all zero where there is none). */
    record MachineTicks(long user, long system, long iowait, long idle, long steal) {

        static MachineTicks now() {
            try {
                String[] cpu =
                        Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long[] t = Arrays.stream(cpu).skip(1).mapToLong(Long::parseLong).toArray();
                return new MachineTicks(t[0] + t[1], t[2] + t[5] + t[6], t[4], t[3], t.length > 7 ? t[7] : 0);
            } catch (IOException | RuntimeException e) {
                return new MachineTicks(0, 0, 0, 0, 0);
            }
        }

        MachineTicks minus(MachineTicks earlier) {
            return new MachineTicks(
                    user - earlier.user,
                    system - earlier.system,
                    iowait - earlier.iowait,
                    idle - earlier.idle,
                    steal - earlier.steal);
        }

        long total() {
            return user + system + iowait + idle + steal;
        }
    }

    record MachineShare(MachineTicks ticks, double processCpuSeconds) {

        String markdown(double wallSeconds) {
            long total = Math.max(1, ticks.total());
            double available = wallSeconds * Runtime.getRuntime().availableProcessors();
            return String.format(
                    Locale.ROOT,
                    "The machine's cores meanwhile: user %s, system %s, I/O wait %s, idle "
                            + "%s, steal %s; this JVM used %.0f CPU-s of the %.0f the cores had (%s), the rest "
                            + "went to other processes or was idle.",
                    percent(ticks.user() / (double) total),
                    percent(ticks.system() / (double) total),
                    percent(ticks.iowait() / (double) total),
                    percent(ticks.idle() / (double) total),
                    percent(ticks.steal() / (double) total),
                    processCpuSeconds,
                    available,
                    percent(processCpuSeconds / available));
        }
    }

    record RawUpserts(int documents, int distinct, double seconds) {

        double perSecond() {
            return documents / seconds;
        }
    }

    /**
     * The read store's own pace, without Axon or the projections: copies of the portal's candidate documents, with
     * identifiers of their own, upserted 1,000 to a bulk write into a scratch collection of the same server, the
     * store committed after each bulk as a projection's batch commits it; the collection is dropped afterwards.
     */
    private static RawUpserts rawUpserts(Hub hub, int documents, long distinctIds) {
        MongoDatabase database = hub.bean(MongoDatabase.class);
        EmbeddedReadStore store = hub.bean(EmbeddedReadStore.class);
        List<Document> shapes =
                database.getCollection("candidates").find().limit(RAW_BULK).into(new ArrayList<>());
        assertThat(shapes).as("candidate documents to copy").isNotEmpty();
        int distinct = (int) Math.max(RAW_BULK, Math.min(documents, distinctIds));
        MongoCollection<Document> raw = database.getCollection(RAW_COLLECTION);
        raw.drop();
        long started = System.nanoTime();
        for (int from = 0; from < documents; from += RAW_BULK) {
            List<ReplaceOneModel<Document>> bulk = new ArrayList<>(RAW_BULK);
            for (int i = from; i < Math.min(from + RAW_BULK, documents); i++) {
                Document copy = new Document(shapes.get(i % shapes.size()));
                String id = "raw-" + (i % distinct);
                copy.put("_id", id);
                copy.put("seq", (long) i);
                bulk.add(new ReplaceOneModel<>(Filters.eq("_id", id), copy, new ReplaceOptions().upsert(true)));
            }
            raw.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
            store.commit();
        }
        double seconds = secondsSince(started);
        assertThat(raw.countDocuments()).as("raw documents").isEqualTo(Math.min(documents, distinct));
        raw.drop();
        store.commit();
        progress("raw: %,d upserts (%,d documents) in %.1f s", documents, Math.min(documents, distinct), seconds);
        return new RawUpserts(documents, Math.min(documents, distinct), seconds);
    }

    // ---- 3. a burst of registrations ------------------------------------------------------------------------------

    record Burst(
            int sent,
            int clients,
            int accepted,
            Map<Integer, Integer> failures,
            double sendSeconds,
            double visibleAfterStart,
            double visibleAfterLast,
            double allAfterLast,
            RawUpserts raw,
            Set<String> applicationMetadataKeys) {}

    /**
     * {@code scale.burst} registrations at one new centre, from {@code scale.clients} threads, each waiting for its
     * answer; then until the portal's list shows them all, and until every processor has reached the head.
     */
    private static Burst burst(Hub hub, Settings settings) throws Exception {
        String centreId = hub.approvedCentre();
        String coordinator = hub.coordinator(centreId);
        List<List<String>> registered = new ArrayList<>();
        Map<Integer, Integer> failures = new TreeMap<>();
        ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
        long started = System.nanoTime();
        try {
            List<Future<Client>> running = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                Client client = new Client(hub.app.http(), coordinator, centreId, c);
                int count = settings.burst() / settings.clients() + (c < settings.burst() % settings.clients() ? 1 : 0);
                running.add(clients.submit(() -> client.register(count)));
            }
            for (Future<Client> client : running) {
                registered.add(client.get().candidates);
                client.get().failures.forEach((status, n) -> failures.merge(status, n, Integer::sum));
            }
        } finally {
            clients.shutdownNow();
        }
        double sent = secondsSince(started);
        int accepted = registered.stream().mapToInt(List::size).sum();
        progress("burst: %,d registrations answered in %.1f s, %,d accepted", settings.burst(), sent, accepted);
        long last = System.nanoTime();
        hub.awaitTotal("/api/centres/" + centreId + "/candidates?size=1", accepted, settings);
        double visible = secondsSince(started);
        double visibleAfterLast = secondsSince(last);
        hub.awaitHead("burst", hub.eventCount(), settings, Map.of());
        double all = secondsSince(last);
        Set<String> keys = new TreeSet<>(hub.bean(EventStore.class)
                .readEvents(registered.get(0).get(0))
                .next()
                .getMetaData()
                .keySet());
        return new Burst(
                settings.burst(),
                settings.clients(),
                accepted,
                failures,
                sent,
                visible,
                visibleAfterLast,
                all,
                rawUpserts(hub, settings.burst(), settings.burst()),
                keys);
    }

    /** One of the burst's clients: distinct names (a name holds no digit, so the count is spelt in letters). */
    private static final class Client {

        private static final String[] FIRST_NAMES = {
            "Oliver", "Amelia", "Jack", "Isla", "Harry", "Ava", "George", "Mia", "Noah", "Zoë", "Józef", "Siobhán",
            "Chloé", "Rhys", "Aoife", "Priya"
        };

        private final HttpClientForTests http;
        private final String token;
        private final String centreId;
        private final int client;
        final List<String> candidates = new ArrayList<>();
        final Map<Integer, Integer> failures = new TreeMap<>();

        Client(HttpClientForTests http, String token, String centreId, int client) {
            this.http = http;
            this.token = token;
            this.centreId = centreId;
            this.client = client;
        }

        Client register(int count) {
            for (int n = 0; n < count; n++) {
                int status = registerOne(n);
                if (status != 201) {
                    failures.merge(status, 1, Integer::sum);
                }
            }
            return this;
        }

        private int registerOne(int n) {
            try {
                var response = http.post(
                        "/api/centres/" + centreId + "/candidates",
                        token,
                        Map.of(
                                "firstName",
                                FIRST_NAMES[client % FIRST_NAMES.length],
                                "lastName",
                                "Burst" + letters(n) + letters(client).toLowerCase(Locale.ROOT),
                                "dateOfBirth",
                                "2001-02-03",
                                "qualificationCode",
                                BURST_QUALIFICATION));
                if (response.status() == 201) {
                    candidates.add(response.json().get("candidateId").asText());
                }
                return response.status();
            } catch (RuntimeException e) {
                return 0;
            }
        }

        /** n in base 26, five letters: "aaaaa", "aaaab", ... */
        private static String letters(int n) {
            char[] letters = new char[5];
            for (int i = letters.length - 1; i >= 0; i--) {
                letters[i] = (char) ('a' + n % 26);
                n /= 26;
            }
            return new String(letters);
        }
    }

    // ---- 4. start-up ----------------------------------------------------------------------------------------------

    record Startup(
            double contextSeconds,
            double signInSeconds,
            double searchSeconds,
            long heapBefore,
            long heapAfter,
            long maxHeap,
            long searchable,
            long expectedSearchable,
            double atHeadAfter) {}

    /**
     * In this JVM, which has run the application before: its classes are loaded and much of it compiled, so a
     * fresh JVM would take longer. Heap is measured after {@link System#gc()}, before (the benchmark's own
     * leftovers) and after the start.
     */
    private static Startup restart(Path dataDir, Settings settings, long expectedCandidates) {
        long heapBefore = heapUsedAfterGc();
        long started = System.nanoTime();
        try (RunningApplication app = RunningApplication.start(dataDir, Map.of())) {
            double context = secondsSince(started);
            RestartTest.login(app.http(), ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            double signIn = secondsSince(started);
            long heapAfter = heapUsedAfterGc();
            progress(
                    "restarted: context %.1f s, sign-in answered at %.1f s, heap %,d MB",
                    context, signIn, heapAfter / MB);
            Hub hub = new Hub(app, dataDir);
            long searchable = hub.searchableCandidates(settings);
            double search = secondsSince(started);
            progress("candidate search answered at %.1f s", search);
            return new Startup(
                    context,
                    signIn,
                    search,
                    heapBefore,
                    heapAfter,
                    Runtime.getRuntime().maxMemory(),
                    searchable,
                    expectedCandidates,
                    hub.awaitAtHead());
        }
    }

    private static long heapUsedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    // ---- the running application ----------------------------------------------------------------------------------

    /** A read model's count beside what the history says it must hold. */
    record Check(String what, long expected, long actual) {

        boolean holds() {
            return expected == actual;
        }
    }

    /** The running application and what the benchmark asks of it. */
    static final class Hub implements AutoCloseable {

        private final RunningApplication app;
        private final Path dataDir;
        private final HttpClientForTests http;
        private String admin;
        private final String baseUrl;

        Hub(RunningApplication app, Path dataDir) {
            this.app = app;
            this.dataDir = dataDir;
            this.http = app.http();
            this.admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            this.baseUrl = "http://localhost:" + app.bean(Environment.class).getRequiredProperty("local.server.port");
        }

        /**
         * A fresh admin session for the next step, counted among the events it waits for: a session ends after 40
         * minutes without a request, and a replay of a million events takes about that long.
         */
        void signInAgain() {
            admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
        }

        static Hub start(Path dataDir) {
            return new Hub(RunningApplication.start(dataDir, Map.of()), dataDir);
        }

        /** The HTTP client and the admin's current session, for a benchmark's own requests. */
        HttpClientForTests http() {
            return http;
        }

        String admin() {
            return admin;
        }

        <T> T bean(Class<T> type) {
            return app.bean(type);
        }

        DataFiles files() {
            return DataFiles.of(dataDir);
        }

        Map<String, StreamingEventProcessor> processors() {
            Map<String, StreamingEventProcessor> processors = new TreeMap<>();
            bean(EventProcessingConfiguration.class).eventProcessors().forEach((name, processor) -> {
                if (processor instanceof StreamingEventProcessor streaming) {
                    processors.put(name, streaming);
                }
            });
            return processors;
        }

        void stopProcessors() {
            processors().values().forEach(StreamingEventProcessor::shutDown);
        }

        /** Those not running: the replay endpoint starts the ones it resets itself. */
        void startProcessors() {
            processors().values().stream()
                    .filter(processor -> !processor.isRunning())
                    .forEach(StreamingEventProcessor::start);
        }

        long eventCount() {
            return bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        }

        long head() {
            TrackingToken head = bean(EventStore.class).createHeadToken();
            return head == null ? -1 : head.position().orElse(-1);
        }

        /** The lowest position among the processor's segments, once every segment in the token store is claimed. */
        OptionalLong position(StreamingEventProcessor processor, int segments) {
            Map<Integer, EventTrackerStatus> status = processor.processingStatus();
            if (status.size() < segments) {
                return OptionalLong.empty();
            }
            long lowest = Long.MAX_VALUE;
            for (EventTrackerStatus segment : status.values()) {
                OptionalLong position = segment.getCurrentPosition();
                if (position.isEmpty()) {
                    return OptionalLong.empty();
                }
                lowest = Math.min(lowest, position.getAsLong());
            }
            return OptionalLong.of(lowest);
        }

        int segments(String processor) {
            TokenStore tokens = bean(TokenStore.class);
            return bean(TransactionManager.class).fetchInTransaction(() -> tokens.fetchSegments(processor).length);
        }

        boolean atHead() {
            long head = head();
            return processors().entrySet().stream()
                    .allMatch(entry ->
                            position(entry.getValue(), segments(entry.getKey())).orElse(-1) >= head);
        }

        CatchUp awaitHead(String what, long events, Settings settings, Map<String, ProcessorRun> resets) {
            return awaitHead(what, events, settings, resets, Start.now(this));
        }

        /**
         * Until every streaming processor's every segment has reached the head as it is now, polled every
         * {@link #POLL}: when each got there, the largest files seen meanwhile, the dead letters parked on the way,
         * the CPU time spent. Gives up after {@code scale.timeout-minutes}, or when the disk has less than
         * {@code scale.min-free-gb} left (the files grow fast, and other work shares the disk).
         */
        CatchUp awaitHead(String what, long events, Settings settings, Map<String, ProcessorRun> resets, Start start) {
            long started = start.nanos();
            DataFiles before = start.files();
            long head = head();
            Map<String, StreamingEventProcessor> processors = processors();
            Map<String, Integer> segments = new HashMap<>();
            processors.keySet().forEach(name -> segments.put(name, segments(name)));
            Map<String, Double> reached = new TreeMap<>();
            DataFiles largest = before;
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            long lastProgress = System.nanoTime();
            progress("%s: %,d events, head at %,d", what, events, head);
            List<String> stopped = new ArrayList<>();
            while (reached.size() < processors.size() && System.nanoTime() < deadline && stopped.isEmpty()) {
                processors.forEach((name, processor) -> {
                    if (!reached.containsKey(name)
                            && position(processor, segments.get(name)).orElse(-1) >= head) {
                        reached.put(name, secondsSince(started));
                    }
                });
                largest = largest.max(files());
                if (usableSpace() < settings.minFreeBytes()) {
                    stopped.add("less than " + (settings.minFreeBytes() >> 30) + " GB left on the disk");
                }
                if (System.nanoTime() - lastProgress > PROGRESS_EVERY.toNanos()) {
                    lastProgress = System.nanoTime();
                    progress(
                            "  %.0f s: %s; files %,d / %,d MB",
                            secondsSince(started),
                            processors.entrySet().stream()
                                    .filter(entry -> !reached.containsKey(entry.getKey()))
                                    .map(entry -> entry.getKey() + " "
                                            + position(entry.getValue(), segments.get(entry.getKey()))
                                                    .orElse(-1))
                                    .collect(Collectors.joining(", ")),
                            largest.events() / MB,
                            largest.readModels() / MB);
                }
                pause(POLL);
            }
            double seconds = secondsSince(started);
            List<ProcessorRun> runs = processors.keySet().stream()
                    .map(name -> {
                        ProcessorRun reset = resets.get(name);
                        return new ProcessorRun(
                                name,
                                reset == null ? 0 : reset.began(),
                                reset == null ? Double.NaN : reset.resetSeconds(),
                                reached.getOrDefault(name, Double.NaN));
                    })
                    .toList();
            List<String> unfinished = new ArrayList<>(stopped);
            processors.keySet().stream()
                    .filter(name -> !reached.containsKey(name))
                    .map(name -> name + (processors.get(name).isError() ? " (in error)" : ""))
                    .forEach(unfinished::add);
            DataFiles after = files();
            progress(
                    "%s: done in %.1f s%s; files %,d / %,d MB",
                    what,
                    seconds,
                    unfinished.isEmpty() ? "" : ", unfinished: " + unfinished,
                    after.events() / MB,
                    after.readModels() / MB);
            return new CatchUp(
                    what,
                    events,
                    seconds,
                    runs,
                    before,
                    largest.max(after),
                    after,
                    deadLetters(),
                    unfinished,
                    start.cpuSince(),
                    start.machineSince(),
                    loadAverage());
        }

        private long usableSpace() {
            try {
                return Files.getFileStore(dataDir).getUsableSpace();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Until every processor has claimed its segments and stands at the head, at most a minute; answers when. */
        double awaitAtHead() {
            long started = System.nanoTime();
            while (!atHead()) {
                if (System.nanoTime() - started > CLAIMS_AT_MOST.toNanos()) {
                    return Double.NaN;
                }
                pause(POLL);
            }
            return secondsSince(started);
        }

        void awaitTotal(String path, long total, Settings settings) {
            long deadline = System.nanoTime() + settings.timeout().toNanos();
            while (total(path) < total) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(path + " never showed " + total);
                }
                pause(Duration.ofMillis(100));
            }
        }

        long total(String path) {
            return http.get(path, admin).json().path("total").asLong();
        }

        /** How many candidates a search finds, once it answers (503 while the index still loads after a start). */
        long searchableCandidates(Settings settings) {
            return ScaleBenchmark.searchableCandidates(http, admin, settings.timeout());
        }

        long deadLetters() {
            try {
                return bean(JdbcTemplate.class).queryForObject("SELECT COUNT(*) FROM dead_letter_entry", Long.class);
            } catch (RuntimeException e) {
                return 0; // no table: no processor has parked anything
            }
        }

        /** What the read models hold beside what the history (and the burst) put there. */
        List<Check> checks(Tally tally, long burst) {
            MongoDatabase readStore = bean(MongoDatabase.class);
            JdbcTemplate jdbc = bean(JdbcTemplate.class);
            return List.of(
                    new Check(
                            "candidates (portal)",
                            tally.payloads("CandidateRegistered") + burst,
                            readStore.getCollection("candidates").countDocuments()),
                    new Check(
                            "candidate histories (portal)",
                            tally.payloads("CandidateRegistered") + burst,
                            readStore.getCollection("candidate_histories").countDocuments()),
                    new Check(
                            "attempts (assessment)",
                            tally.payloads("AttemptOpened"),
                            readStore.getCollection("attempts").countDocuments()),
                    new Check(
                            "claims (certification)",
                            tally.payloads("CertificateClaimed"),
                            readStore.getCollection("claims").countDocuments()),
                    new Check(
                            "certificates (certification)",
                            tally.payloads("CertificateIssued"),
                            readStore.getCollection("certificates").countDocuments()),
                    new Check(
                            "audit log rows (audit)",
                            eventCount(),
                            jdbc.queryForObject("SELECT COUNT(*) FROM audit_log", Long.class)),
                    new Check("dead letters", 0, deadLetters()));
        }

        /**
         * A centre coordinator of the centre, created, activated through the link the outbox holds and signed in, as
         * the generated history's registrars are: the same actor, so the same audit metadata.
         */
        String coordinator(String centreId) {
            String email = "burst-coordinator@burst.example";
            var created = http.post(
                    "/api/centres/" + centreId + "/users",
                    admin,
                    Map.of(
                            "name",
                            "Burst Coordinator",
                            "email",
                            email,
                            "roles",
                            List.of(Role.CENTRE_COORDINATOR.name())));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            var activated = http.post(
                    "/api/auth/activate",
                    null,
                    Map.of(
                            "token",
                            Outbox.token(http, admin, dataDir, email),
                            "password",
                            ApplicationTest.GOOD_PASSWORD));
            assertThat(activated.status()).as(activated.toString()).isEqualTo(204);
            return RestartTest.login(http, created.json().get("pin").asText(), ApplicationTest.GOOD_PASSWORD);
        }

        /** A new centre approved through HTTP, so that the command side's directory knows it. */
        String approvedCentre() {
            var created = http.post(
                    "/api/centres",
                    admin,
                    Map.of(
                            "name",
                            "Burst centre",
                            "address",
                            "1 Bench Street",
                            "contactEmail",
                            "office@burst.example"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("centreId").asText();
            var approved = http.post(
                    "/api/centres/" + id + "/approve",
                    admin,
                    Map.of("qualificationCodes", List.of(BURST_QUALIFICATION), "directClaimStatus", false));
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            return id;
        }

        JsonNode getJson(String path) {
            var response = http.get(path, admin);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return response.json();
        }

        /** A POST that may take minutes (a reset empties a read model of a million rows in the request). */
        void postLong(String path, int expected) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofHours(2))
                    .header("Authorization", "Bearer " + admin)
                    .POST(HttpRequest.BodyPublishers.noBody())
                    .build();
            try {
                HttpResponse<String> response =
                        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode())
                        .as(path + ": " + response.body())
                        .isEqualTo(expected);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        TableSize tableSize(String table) {
            JdbcTemplate jdbc = bean(JdbcTemplate.class);
            return new TableSize(
                    table.toLowerCase(Locale.ROOT),
                    jdbc.queryForObject("SELECT COUNT(*) FROM \"" + table + "\"", Long.class),
                    jdbc.queryForObject("SELECT DISK_SPACE_USED(?)", Long.class, table));
        }

        /** Every table of the relational database with its rows and the space H2 says it takes, biggest first. */
        List<TableSize> tableSizes() {
            return bean(JdbcTemplate.class)
                    .queryForList(
                            "SELECT table_name FROM information_schema.tables"
                                    + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'",
                            String.class)
                    .stream()
                    .map(this::tableSize)
                    .sorted(Comparator.comparingLong(TableSize::bytes).reversed())
                    .toList();
        }

        /** Every read-store collection with its documents and size, as the store's collStats says. */
        List<CollectionSize> collectionSizes() {
            MongoDatabase database = bean(MongoDatabase.class);
            List<CollectionSize> sizes = new ArrayList<>();
            for (String name : database.listCollectionNames()) {
                Document stats = database.runCommand(new Document("collStats", name));
                sizes.add(new CollectionSize(
                        name,
                        ((Number) stats.getOrDefault("count", 0)).longValue(),
                        ((Number) stats.getOrDefault("size", 0)).longValue()));
            }
            sizes.sort(Comparator.comparingLong(CollectionSize::bytes).reversed());
            return sizes;
        }

        double timedClose() {
            long started = System.nanoTime();
            close();
            return secondsSince(started);
        }

        @Override
        public void close() {
            app.close();
        }
    }

    // ---- the report -----------------------------------------------------------------------------------------------

    /** The figures as markdown, written after every step so that a later failure keeps the earlier ones. */
    private static final class Report {

        private final StringBuilder md = new StringBuilder("# Scale benchmark\n\n");
        final List<String> problems = new ArrayList<>();
        double closeSeconds = Double.NaN;

        Report(Settings settings, Machine machine) {
            md.append(String.format(
                            Locale.ROOT,
                            "Machine: %d cores, %s, benchmark JVM max heap %,d MB; load average "
                                    + "%.2f at the start. Embedded default store (H2 file event store, in-process Mongo-wire "
                                    + "read store); the application runs in the benchmark's JVM.%n%n",
                            machine.cores(),
                            machine.jvm(),
                            machine.maxHeapBytes() / MB,
                            machine.loadAverage()))
                    .append(settings.markdown());
        }

        void generation(Generation g) {
            Tally t = g.tally();
            md.append("## 1. The history\n\n")
                    .append(String.format(
                            Locale.ROOT,
                            "%,d events appended through the "
                                    + "application's `EventStorageEngine` (%,d per transaction) while its processors were "
                                    + "stopped, in **%.1f s (%,.0f events/s)**, of which %.1f s inside the appends "
                                    + "(serialising and inserting) and the rest building the events. %,d events in the store "
                                    + "with the application's own first-start events.%n%n",
                            t.events(),
                            APPEND_BATCH,
                            g.seconds(),
                            t.events() / g.seconds(),
                            g.appendSeconds(),
                            g.storedEvents()))
                    .append(String.format(
                            Locale.ROOT,
                            "%,d centres, %,d centre users, %,d candidates (%,d amended), "
                                    + "%,d attempts (%,d answers, %,d passed of %,d submitted), %,d claims "
                                    + "(%,d issued, %,d rejected), %,d sign-ins.%n%n",
                            g.centres(),
                            g.users(),
                            t.payloads("CandidateRegistered"),
                            t.payloads("CandidateNameAmended")
                                    + t.payloads("CandidateDateOfBirthAmended")
                                    + t.payloads("CandidateUlnAmended"),
                            t.payloads("AttemptOpened"),
                            t.payloads("AnswerChosen"),
                            g.passed(),
                            t.payloads("AttemptSubmitted"),
                            t.payloads("CertificateClaimed"),
                            t.payloads("CertificateIssued"),
                            t.payloads("ClaimRejected"),
                            t.payloads("UserSignedIn")))
                    .append("| event | count |\n|---|---|\n");
            t.byPayload().entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %,d |%n", e.getKey(), e.getValue())));
            md.append(String.format(
                    Locale.ROOT,
                    "%nData files after it: %s. The event table: %,d rows, %,d MB "
                            + "(H2's `DISK_SPACE_USED`). Reading the whole store once through Axon's `EventStore` from "
                            + "the first event, handling nothing: %.1f s (%,.0f events/s), a floor under each "
                            + "processor's catch-up.%n%n",
                    files(g.files()),
                    g.eventTable().rows(),
                    g.eventTable().bytes() / MB,
                    g.readOnceSeconds(),
                    g.storedEvents() / g.readOnceSeconds()));
            write();
        }

        void replay(CatchUp replay, RawUpserts raw, CatchUp portalAlone, Tally tally, List<Check> checks) {
            md.append("## 2. Catching up from zero over the history\n\n")
                    .append("Straight after the appends, the processors still stopped: `POST /api/admin/processors/"
                            + "{name}/replay` for every replayable processor in turn (each empties its read model in "
                            + "the request and starts from the first event), then `certification-policy`, which "
                            + "sends commands and is never replayed, started where it stood (before the history). "
                            + "Files *before* are as the appends left them.\n\n");
            catchUpFigures(replay);
            ProcessorRun portal = replay.processor(PORTAL);
            long documents = 2 * tally.portalEvents();
            double portalPerSecond = documents / portal.seconds();
            double ratio = portalPerSecond / raw.perSecond();
            double alonePerSecond = documents / portalAlone.processor(PORTAL).seconds();
            md.append(String.format(
                            Locale.ROOT,
                            "**Portal projection against raw upserts:** the portal handled "
                                    + "%,d candidate events, writing %,d documents (candidate and history) in %.1f s: "
                                    + "**%,.0f documents/s** while the other processors replayed beside it. Raw: %,d "
                                    + "upserts of %,d documents copied from the portal's candidates, 1,000 to a bulk write, "
                                    + "into a scratch collection of the same read store, alone, afterwards: %.1f s, "
                                    + "**%,.0f documents/s**. Projection/raw: **%s** (target ≥ %.0f %%: %s).%n%n",
                            tally.portalEvents(),
                            documents,
                            portal.seconds(),
                            portalPerSecond,
                            raw.documents(),
                            raw.distinct(),
                            raw.seconds(),
                            raw.perSecond(),
                            percent(ratio),
                            TARGET_PROJECTION_OF_RAW * 100,
                            met(ratio >= TARGET_PROJECTION_OF_RAW)))
                    .append(String.format(
                            Locale.ROOT,
                            "The portal replayed again alone (the others at the head): "
                                    + "%.1f s, %,.0f documents/s, %s of raw; the whole store read again for its %,d "
                                    + "events.%n%n",
                            portalAlone.processor(PORTAL).seconds(),
                            alonePerSecond,
                            percent(alonePerSecond / raw.perSecond()),
                            tally.portalEvents()));
            cpu(portalAlone);
            checks(checks);
            write();
        }

        private void catchUpFigures(CatchUp run) {
            if (!run.unfinished().isEmpty()) {
                problems.add(run.what() + ": unfinished " + run.unfinished());
            }
            md.append(String.format(
                            Locale.ROOT,
                            "**%,d events in %.1f s: %,.0f events/s** until every processor's "
                                    + "token reached the head%s.%n%n",
                            run.events(),
                            run.seconds(),
                            run.eventsPerSecond(),
                            run.unfinished().isEmpty() ? "" : " (**unfinished**: " + run.unfinished() + ")"))
                    .append("| data file | before | largest during | after | after/before | target ≤ 3× |\n")
                    .append("|---|---|---|---|---|---|\n")
                    .append(fileRow(
                            EVENTS_FILE,
                            run.before().events(),
                            run.largest().events(),
                            run.after().events()))
                    .append(fileRow(
                            READ_MODELS_FILE,
                            run.before().readModels(),
                            run.largest().readModels(),
                            run.after().readModels()))
                    .append("\n| processor | reset request (s) | began (s) | reached the head (s) | took (s) | "
                            + "events/s |\n|---|---|---|---|---|---|\n");
            for (ProcessorRun processor : run.processors()) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %s | %.1f | %.1f | %.1f | %,.0f |%n",
                        processor.name(),
                        Double.isNaN(processor.resetSeconds())
                                ? "—"
                                : String.format(Locale.ROOT, "%.1f", processor.resetSeconds()),
                        processor.began(),
                        processor.reached(),
                        processor.seconds(),
                        run.events() / processor.seconds()));
            }
            md.append(String.format(
                    Locale.ROOT,
                    "%nDead letters parked: %,d. Load average at the end: %.2f.%n%n",
                    run.deadLetters(),
                    run.loadAverage()));
            cpu(run);
        }

        /** The thread groups that took the most CPU, beside what the machine's cores had in that time. */
        private void cpu(CatchUp run) {
            double available = run.seconds() * Runtime.getRuntime().availableProcessors();
            md.append(run.machine().markdown(run.seconds()))
                    .append(" CPU time by thread group:\n\n")
                    .append("| threads | CPU s | share of the cores |\n|---|---|---|\n");
            run.cpu().stream()
                    .limit(12)
                    .forEach(share -> md.append(String.format(
                            Locale.ROOT,
                            "| `%s` | %.1f | %s |%n",
                            share.threads(),
                            share.seconds(),
                            percent(share.seconds() / available))));
            md.append('\n');
        }

        /** Growth against a file that held next to nothing before says nothing: no verdict then. */
        private static String fileRow(String file, long before, long largest, long after) {
            double growth = ratio(after, before);
            return String.format(
                    Locale.ROOT,
                    "| %s | %,d MB | %,d MB | %,d MB | %s | %s |%n",
                    file,
                    before / MB,
                    largest / MB,
                    after / MB,
                    before < MB ? "—" : String.format(Locale.ROOT, "%.2f×", growth),
                    before < MB ? "n/a (empty before)" : met(growth <= TARGET_GROWTH));
        }

        private void checks(List<Check> checks) {
            md.append("| read model | expected | holds | |\n|---|---|---|---|\n");
            for (Check check : checks) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %,d | %s |%n",
                        check.what(),
                        check.expected(),
                        check.actual(),
                        check.holds() ? "ok" : "**differs**"));
                if (!check.holds()) {
                    problems.add(check.what() + ": expected " + check.expected() + ", found " + check.actual());
                }
            }
            md.append('\n');
        }

        void burst(Burst burst, Set<String> generatedKeys, List<Check> checks) {
            double visibleRate = burst.accepted() / burst.visibleAfterStart();
            md.append(String.format(
                            Locale.ROOT,
                            "## 3. A burst of %,d registrations on the caught-up application%n%n",
                            burst.sent()))
                    .append(String.format(
                            Locale.ROOT,
                            "%d threads, each `POST /api/centres/{id}/candidates` as the "
                                    + "centre's coordinator, one at a time, at a centre created and approved through "
                                    + "HTTP. "
                                    + "%,d accepted (failures: %s) in **%.1f s (%,.0f registrations/s)**. The portal's "
                                    + "list showed all of them **%.1f s after the first was sent, %.1f s after the "
                                    + "last was answered**; every processor had reached the head %.1f s after the "
                                    + "last.%n%n",
                            burst.clients(),
                            burst.accepted(),
                            burst.failures().isEmpty()
                                    ? "none"
                                    : burst.failures().toString(),
                            burst.sendSeconds(),
                            burst.accepted() / burst.sendSeconds(),
                            burst.visibleAfterStart(),
                            burst.visibleAfterLast(),
                            burst.allAfterLast()))
                    .append(String.format(
                            Locale.ROOT,
                            "Raw baseline: %,d documents copied from the portal's "
                                    + "candidates upserted 1,000 to a bulk write into a scratch collection of the same "
                                    + "read store: **%.2f s (%,.0f documents/s)**. The portal writes two documents per "
                                    + "registration (candidate and history): %,d documents shown in %.1f s from the "
                                    + "first request, %,.0f documents/s, %s of raw; its lag after the last answer, "
                                    + "%.1f s, is %.1f× the raw upserts' time.%n%n",
                            burst.raw().documents(),
                            burst.raw().seconds(),
                            burst.raw().perSecond(),
                            2L * burst.accepted(),
                            burst.visibleAfterStart(),
                            2 * visibleRate,
                            percent(2 * visibleRate / burst.raw().perSecond()),
                            burst.visibleAfterLast(),
                            burst.visibleAfterLast() / burst.raw().seconds()))
                    .append(String.format(
                            Locale.ROOT,
                            "Metadata keys of a generated registration: %s; of one the "
                                    + "application wrote in the burst: %s (%s).%n%n",
                            generatedKeys,
                            burst.applicationMetadataKeys(),
                            generatedKeys.equals(burst.applicationMetadataKeys()) ? "the same" : "**they differ**"));
            if (!generatedKeys.equals(burst.applicationMetadataKeys())) {
                problems.add("metadata keys differ: generated " + generatedKeys + ", application "
                        + burst.applicationMetadataKeys());
            }
            checks(checks);
            write();
        }

        void storage(List<TableSize> tables, List<CollectionSize> collections) {
            md.append("## Where the space is (after the burst)\n\n")
                    .append("| table (events.mv.db) | rows | MB |\n|---|---|---|\n");
            tables.stream()
                    .limit(10)
                    .forEach(t -> md.append(
                            String.format(Locale.ROOT, "| %s | %,d | %,d |%n", t.table(), t.rows(), t.bytes() / MB)));
            md.append("\n| collection (readmodels.mv.db) | documents | MB (collStats size) |\n|---|---|---|\n");
            collections.stream()
                    .limit(12)
                    .forEach(c -> md.append(String.format(
                            Locale.ROOT,
                            "| %s | %,d | %,.1f |%n",
                            c.collection(),
                            c.documents(),
                            c.bytes() / (double) MB)));
            md.append('\n');
            write();
        }

        void fileFill(FileFill events, FileFill readModels) {
            md.append(String.format(
                    Locale.ROOT,
                    "The application stopped in %.1f s. Its files, opened read-only "
                            + "with H2's MVStore while it was stopped:%n%n| file | MB | fill rate | chunks fill rate "
                            + "|%n|---|---|---|---|%n",
                    closeSeconds));
            for (FileFill file : List.of(events, readModels)) {
                md.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %d %% | %d %% |%n",
                        file.file(),
                        file.bytes() / MB,
                        file.fill(),
                        file.chunksFill()));
            }
            md.append('\n');
            write();
        }

        void startup(Startup s) {
            boolean ready = s.signInSeconds() <= TARGET_READY_SECONDS;
            boolean heap = s.heapAfter() <= TARGET_HEAP_BYTES;
            md.append("## 4. Start-up on the full data directory\n\n")
                    .append(String.format(
                            Locale.ROOT,
                            "Started again in the same JVM (classes loaded, much compiled already: a fresh JVM takes longer). "
                                    + "Context ready in %.1f s; the bootstrap admin's sign-in answered **%.1f s** after the "
                                    + "start (target ≤ %.0f s: %s); candidate search answered %.1f s after it (its index "
                                    + "loads once the application has started). Heap used after `System.gc()`: **%,d MB** (target "
                                    + "≤ %,d MB: %s); %,d MB before the start (the benchmark's own leftovers); max heap "
                                    + "%,d MB. The search index holds %,d candidates (expected %,d); processors %s.%n%n",
                            s.contextSeconds(),
                            s.signInSeconds(),
                            TARGET_READY_SECONDS,
                            met(ready),
                            s.searchSeconds(),
                            s.heapAfter() / MB,
                            TARGET_HEAP_BYTES / MB,
                            met(heap),
                            s.heapBefore() / MB,
                            s.maxHeap() / MB,
                            s.searchable(),
                            s.expectedSearchable(),
                            Double.isNaN(s.atHeadAfter())
                                    ? "**not at the head within a minute**"
                                    : String.format(
                                            Locale.ROOT,
                                            "had claimed their segments, at the head, %.1f s after the " + "sign-in",
                                            s.atHeadAfter())));
            if (s.expectedSearchable() >= 0 && s.searchable() != s.expectedSearchable()) {
                problems.add("search index after restart: " + s.searchable() + " of " + s.expectedSearchable());
            }
            md.append(String.format(Locale.ROOT, "Load average at the end: %.2f.%n", loadAverage()));
            write();
        }

        void write() {
            try {
                Files.writeString(REPORT, md);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            System.out.println(md);
        }

        private static String files(DataFiles files) {
            return String.format(
                    Locale.ROOT,
                    "%s %,d MB, %s %,d MB",
                    EVENTS_FILE,
                    files.events() / MB,
                    READ_MODELS_FILE,
                    files.readModels() / MB);
        }
    }

    // ---- small helpers --------------------------------------------------------------------------------------------

    /** Surefire keeps a test's output until it ends: progress goes to a file as well, to follow a long run. */
    static void progress(String format, Object... args) {
        String line = Instant.now().atZone(ZoneOffset.UTC).toLocalTime().withNano(0) + " "
                + String.format(Locale.ROOT, format, args);
        System.out.println(line);
        try {
            Files.writeString(
                    PROGRESS, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static double ratio(long after, long before) {
        return before == 0 ? Double.POSITIVE_INFINITY : after / (double) before;
    }
}
