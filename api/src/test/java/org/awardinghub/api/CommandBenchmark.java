package org.awardinghub.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.awardinghub.api.BenchmarkFigures.met;
import static org.awardinghub.api.BenchmarkFigures.percent;
import static org.awardinghub.api.BenchmarkFigures.secondsSince;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.awardinghub.api.store.RestartTest;
import org.awardinghub.command.candidate.AmendCandidate;
import org.awardinghub.command.candidate.CandidateField;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;

/**
 * How fast the command side records, each figure beside a baseline measured in the same run on the same database:
 * <ol>
 *   <li>registrations and amendments through HTTP from {@value #CLIENTS} clients, against raw inserts of
 *       event-shaped rows from as many threads through the application's own {@link DataSource};</li>
 *   <li>single amendments of a candidate with {@value #SHORT_EVENTS} events against one with 10,000
 *       ({@code -Dcommands.long-events}), which snapshots should make about as fast;</li>
 *   <li>a 10,000-line CSV bulk registration, the first one after start and a second, against raw inserts of as
 *       many rows from one thread.</li>
 * </ol>
 * On the embedded default, and on PostgreSQL when {@code AWARDING_TEST_POSTGRES_URL} names a server's maintenance
 * database (a fresh database is created and dropped); {@code -Dcommands.stores=embedded,postgres} chooses. Not part
 * of the test suite; run it with
 * {@code mvn -B -pl api -am verify -Dbenchmark=true -Dtest=CommandBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * ({@code -Dcommands.seconds=5 -Dcommands.long-events=1000} for a quick run; also {@code commands.warm-up-seconds},
 * default 5, and {@code commands.bulk-lines}, default 10,000). It writes its figures to
 * {@code api/target/command-benchmark.md} and prints them (in the surefire output file). The targets are stated beside the figures, not asserted: a figure below
 * its target is a finding to report, not a broken build.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class CommandBenchmark {

    static {
        RunningApplication.withoutAssertions();
    }

    private static final int CLIENTS = 16;
    private static final int CENTRES_FOR_CLIENTS = 4;
    private static final int SHORT_EVENTS = 10;
    private static final int TIMED_AMENDMENTS = 200;
    private static final int WARM_UP_AMENDMENTS = 50;
    private static final String QUALIFICATION = "LV2-MAINT";
    private static final String PASSWORD = ApplicationTest.GOOD_PASSWORD;
    private static final String REASON = "Corrected from the learner's passport";
    private static final Pattern TOKEN_LINK = Pattern.compile("\\?token=([A-Za-z0-9_-]+)");
    /** One first name per client: with a last name drawn from the client's own counter, no registration is a duplicate. */
    private static final String[] FIRST_NAMES = {
        "Oliver", "Amelia", "Jack", "Isla", "Harry", "Ava", "George", "Mia", "Noah", "Zoë", "Józef", "Siobhán", "Chloé",
        "Rhys", "Aoife", "Priya"
    };
    /** Amended values, never a registered one, so that every amendment changes the record and records an event. */
    private static final String[] AMENDED_FIRST = {"Alexander", "Alexandra"};

    private static final String[] AMENDED_LAST = {"Corrected", "Correction"};
    private static final double TARGET_COMMANDS_OF_RAW = 0.25;
    private static final double AMBITION_COMMANDS_OF_RAW = 0.50;
    private static final double TARGET_LONG_OF_SHORT = 2.0;
    private static final double TARGET_BULK_SECONDS = 15.0;

    // ---- settings and results ---------------------------------------------------------------------------------

    private enum Store {
        EMBEDDED("embedded", "H2 file event store, in-process Mongo-wire read store"),
        POSTGRES("postgres", "PostgreSQL event store in a fresh database, in-process Mongo-wire read store");

        final String key;
        final String description;

        Store(String key, String description) {
            this.key = key;
            this.description = description;
        }

        static Store of(String key) {
            return Arrays.stream(values())
                    .filter(s -> s.key.equals(key.strip()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("commands.stores: unknown store " + key));
        }
    }

    private record Settings(int seconds, int warmUpSeconds, int longEvents, int bulkLines, List<Store> stores) {

        static Settings fromSystemProperties() {
            String defaultStores = !ScratchPostgres.available() ? "embedded" : "embedded,postgres";
            List<Store> stores = Arrays.stream(
                            System.getProperty("commands.stores", defaultStores).split(","))
                    .map(Store::of)
                    .toList();
            if (stores.contains(Store.POSTGRES) && !ScratchPostgres.available()) {
                throw new IllegalStateException("The postgres store needs AWARDING_TEST_POSTGRES_URL");
            }
            return new Settings(
                    Integer.getInteger("commands.seconds", 20),
                    Integer.getInteger("commands.warm-up-seconds", 5),
                    Integer.getInteger("commands.long-events", 10_000),
                    Integer.getInteger("commands.bulk-lines", 10_000),
                    stores);
        }

        Duration measured() {
            return Duration.ofSeconds(seconds);
        }

        Duration warmUp() {
            return Duration.ofSeconds(warmUpSeconds);
        }
    }

    private record Machine(int cores, String jvm, long maxHeapBytes, double loadAverage) {

        static Machine current() {
            return new Machine(
                    Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.vm.name") + " " + Runtime.version(),
                    Runtime.getRuntime().maxMemory(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** Times in milliseconds, sorted; nearest-rank percentiles as the other benchmarks take them. */
    private record Latencies(double[] sorted) {

        static Latencies of(List<Double> ms) {
            return new Latencies(
                    ms.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        }

        double percentile(int p) {
            return sorted.length == 0
                    ? Double.NaN
                    : sorted[Math.max(0, Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1))];
        }

        double max() {
            return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
        }
    }

    /** What a load of many clients did in its measured window: every operation begun in it, until the last ended. */
    private record Load(String name, int operations, double seconds, Latencies ms, Map<Integer, Integer> failures) {

        double perSecond() {
            return operations / seconds;
        }

        String failureText() {
            return failures.isEmpty()
                    ? "none"
                    : failures.entrySet().stream()
                            .map(e -> e.getValue() + " × " + (e.getKey() == 0 ? "no answer" : e.getKey()))
                            .collect(Collectors.joining(", "));
        }
    }

    private record CommandFigures(
            Load rawBeforeRegistrations,
            Load registrations,
            double registrationsVisibleAfter,
            Load rawBeforeAmendments,
            Load amendments) {}

    private record AggregateFigures(int longEvents, double buildLongSeconds, Latencies shortMs, Latencies longMs) {}

    private record Bulk(
            String file, int lines, int accepted, int rejected, double answerSeconds, double visibleSeconds) {}

    private record RawRows(int rows, double seconds) {

        double perSecond() {
            return rows / seconds;
        }
    }

    private record BulkFigures(Bulk first, Bulk second, RawRows raw) {}

    private record StoreFigures(
            Store store,
            String database,
            String payloadColumn,
            String pool,
            double startupSeconds,
            BulkFigures bulk,
            CommandFigures commands,
            AggregateFigures aggregates) {}

    /** One client's one operation: answers the HTTP status (200 for a raw insert); the n-th of this client. */
    @FunctionalInterface
    private interface Operation {
        int perform(int client, int n);
    }

    // ---- the benchmark ----------------------------------------------------------------------------------------

    @Test
    void commandsOnEachStore() throws Exception {
        Settings settings = Settings.fromSystemProperties();
        Machine machine = Machine.current();
        List<StoreFigures> figures = new ArrayList<>();
        for (Store store : settings.stores()) {
            figures.add(measure(store, settings));
        }
        String report = report(machine, Machine.current().loadAverage(), settings, figures);
        Files.writeString(Path.of("target", "command-benchmark.md"), report);
        System.out.println(report);
    }

    private static StoreFigures measure(Store store, Settings settings) throws IOException, SQLException {
        Path dataDir = Files.createDirectories(
                Path.of("target", "command-benchmark-data", store.key).toAbsolutePath());
        FileSystemUtils.deleteRecursively(dataDir);
        // Closed in reverse: the application first, then its database is dropped.
        try (ScratchPostgres database = store == Store.POSTGRES ? ScratchPostgres.create("awarding_bench_") : null) {
            Map<String, String> properties = database == null ? Map.of() : database.properties();
            String[] profiles = database == null ? new String[0] : new String[] {"postgres"};
            long started = System.nanoTime();
            try (RunningApplication app = RunningApplication.start(dataDir, properties, profiles)) {
                return new Run(app, settings).measure(store, secondsSince(started));
            }
        }
    }

    /** One store's run against one freshly started application. */
    private static final class Run {

        private final RunningApplication app;
        private final Settings settings;
        private final HttpClientForTests http;
        private final DataSource dataSource;
        private final String admin;
        private final String baseUrl;

        Run(RunningApplication app, Settings settings) {
            this.app = app;
            this.settings = settings;
            this.http = app.http();
            this.dataSource = app.bean(DataSource.class);
            this.admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            this.baseUrl = "http://localhost:" + app.bean(Environment.class).getProperty("local.server.port");
        }

        StoreFigures measure(Store store, double startupSeconds) throws SQLException {
            // The bulk file goes first so that it is the first registration the server sees: it pays for the JIT.
            BulkFigures bulk = bulkRegistration();
            CommandFigures commands =
                    commandLoads(bulk.first().accepted() + bulk.second().accepted());
            AggregateFigures aggregates = aggregateLoading();
            return new StoreFigures(
                    store,
                    databaseProduct(),
                    payloadColumnType(),
                    poolSize(),
                    startupSeconds,
                    bulk,
                    commands,
                    aggregates);
        }

        // ---- 3. bulk registration ----

        private BulkFigures bulkRegistration() throws SQLException {
            Bulk first = bulkFile("first after start", approvedCentre("Bulk centre A"), 0);
            Bulk second = bulkFile("second", approvedCentre("Bulk centre B"), 1);
            awaitProjections();
            return new BulkFigures(first, second, rawRows(settings.bulkLines()));
        }

        private Bulk bulkFile(String name, String centreId, int file) {
            String csv = csv(settings.bulkLines(), file);
            long started = System.nanoTime();
            JsonNode answer = postCsv("/api/centres/" + centreId + "/candidates/bulk", csv);
            double answered = secondsSince(started);
            int accepted = answer.get("accepted").size();
            awaitCandidates("/api/centres/" + centreId + "/candidates?size=1", accepted);
            return new Bulk(
                    name,
                    settings.bulkLines(),
                    accepted,
                    answer.get("rejected").size(),
                    answered,
                    secondsSince(started));
        }

        /**
         * Sent here rather than through {@link HttpClientForTests}, whose requests give up after 60 s: a cold server
         * on a busy machine may take longer than that, and the time it takes is the figure wanted.
         */
        private JsonNode postCsv(String path, String csv) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofMinutes(10))
                    .header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "text/csv; charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(csv))
                    .build();
            try {
                HttpResponse<String> response =
                        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                return new ObjectMapper().readTree(response.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        /** One thread, one row per commit: the bulk file's sequential counterpart. */
        private RawRows rawRows(int rows) throws SQLException {
            try (RawEventTable table = RawEventTable.create(dataSource)) {
                long started = System.nanoTime();
                for (int n = 0; n < rows; n++) {
                    table.insert(0, n);
                }
                return new RawRows(rows, secondsSince(started));
            }
        }

        // ---- 1. commands from many clients ----

        private CommandFigures commandLoads(int candidatesSoFar) throws SQLException {
            List<String> centres = new ArrayList<>();
            for (int c = 0; c < CENTRES_FOR_CLIENTS; c++) {
                centres.add(approvedCentre("Client centre " + c));
            }
            List<Client> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                String centreId = centres.get(c % centres.size());
                clients.add(new Client(app.http(), centreId, coordinator(centreId, c)));
            }
            awaitProjections();
            Load rawBeforeRegistrations = rawLoad("raw inserts, before the registrations");
            Load registrations =
                    load("registrations", settings, (c, n) -> clients.get(c).register(c, n));

            long ended = System.nanoTime();
            int registered = clients.stream()
                    .mapToInt(client -> client.candidates.size())
                    .sum();
            awaitCandidates("/api/candidates?size=1", candidatesSoFar + registered);
            double visibleAfter = secondsSince(ended);
            awaitProjections();

            Load rawBeforeAmendments = rawLoad("raw inserts, before the amendments");
            Load amendments =
                    load("amendments", settings, (c, n) -> clients.get(c).amend(n));
            return new CommandFigures(
                    rawBeforeRegistrations, registrations, visibleAfter, rawBeforeAmendments, amendments);
        }

        private Load rawLoad(String name) throws SQLException {
            try (RawEventTable table = RawEventTable.create(dataSource)) {
                return load(name, settings, table::insertAnswering);
            }
        }

        /** A centre coordinator with an account activated through the outbox's link, signed in: answers the token. */
        private String coordinator(String centreId, int client) {
            String email = "coordinator-" + client + "-" + unique() + "@bench.example";
            var created = http.post(
                    "/api/centres/" + centreId + "/users",
                    admin,
                    Map.of("name", "Client Coordinator", "email", email, "roles", List.of("CENTRE_COORDINATOR")));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            var activated = http.post(
                    "/api/auth/activate",
                    null,
                    Map.of("token", Outbox.token(http, admin, app.dataDir(), email), "password", PASSWORD));
            assertThat(activated.status()).as(activated.toString()).isEqualTo(204);
            return RestartTest.login(http, created.json().get("pin").asText(), PASSWORD);
        }

        // ---- 2. loading a short and a long aggregate ----

        private AggregateFigures aggregateLoading() {
            String centreId = approvedCentre("Aggregate centre");
            AmendedRecord shortOne = new AmendedRecord(register(centreId, "Robin", "Short"));
            AmendedRecord longOne = new AmendedRecord(register(centreId, "Robin", "Long"));
            CommandGateway gateway = app.bean(CommandGateway.class);
            shortOne.amendThroughGateway(gateway, SHORT_EVENTS - 1);
            long building = System.nanoTime();
            // One thread: commands on one aggregate are handled one at a time anyway, and in order.
            longOne.amendThroughGateway(gateway, settings.longEvents() - 1);
            double buildSeconds = secondsSince(building);
            awaitProjections();

            List<Double> shortMs = new ArrayList<>();
            List<Double> longMs = new ArrayList<>();
            // In turn, so that both see the same JIT, caches and background work.
            for (int i = 0; i < WARM_UP_AMENDMENTS + TIMED_AMENDMENTS; i++) {
                double shortTook = shortOne.amendThroughHttp(http, admin);
                double longTook = longOne.amendThroughHttp(http, admin);
                if (i >= WARM_UP_AMENDMENTS) {
                    shortMs.add(shortTook);
                    longMs.add(longTook);
                }
            }
            return new AggregateFigures(
                    settings.longEvents(), buildSeconds, Latencies.of(shortMs), Latencies.of(longMs));
        }

        private String register(String centreId, String firstName, String lastName) {
            var registered =
                    http.post("/api/centres/" + centreId + "/candidates", admin, registration(firstName, lastName));
            assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
            return registered.json().get("candidateId").asText();
        }

        // ---- shared steps ----

        private String approvedCentre(String name) {
            var created = http.post(
                    "/api/centres",
                    admin,
                    Map.of(
                            "name",
                            name,
                            "address",
                            "1 Bench Street",
                            "contactEmail",
                            "office@" + unique() + ".example"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.json().get("centreId").asText();
            var approved = http.post(
                    "/api/centres/" + id + "/approve",
                    admin,
                    Map.of("qualificationCodes", List.of(QUALIFICATION), "directClaimStatus", false));
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            return id;
        }

        private void awaitCandidates(String path, int total) {
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> http.get(path, admin).json().path("total").asInt() == total);
        }

        /**
         * Until every streaming projection has handled every event recorded so far, so that one part's backlog does
         * not slow the next part's baseline or commands.
         */
        private void awaitProjections() {
            TrackingToken head = app.bean(EventStore.class).createHeadToken();
            long last = head == null ? -1 : head.position().orElse(-1);
            var processors = app.bean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                    .filter(StreamingEventProcessor.class::isInstance)
                    .map(StreamingEventProcessor.class::cast)
                    .toList();
            await().atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> processors.stream()
                            .allMatch(p -> p.processingStatus().values().stream()
                                    .allMatch(status ->
                                            status.getCurrentPosition().orElse(-1) >= last)));
        }

        private String databaseProduct() throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                var meta = connection.getMetaData();
                return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            }
        }

        /** The raw inserts share the commands' pool: its size bounds both. */
        private String poolSize() {
            return dataSource instanceof HikariDataSource hikari ? String.valueOf(hikari.getMaximumPoolSize()) : "?";
        }

        /** What the application's event store keeps a payload in: the cost of a large object is part of a command. */
        private String payloadColumnType() throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    var result = statement.executeQuery("SELECT data_type FROM information_schema.columns WHERE "
                            + "LOWER(table_name) = 'domain_event_entry' AND LOWER(column_name) = 'payload'")) {
                return result.next() ? result.getString(1) : "?";
            }
        }
    }

    /** One of the clients: a coordinator at a centre, with the candidates it registered, to amend afterwards. */
    private static final class Client {

        private final HttpClientForTests http;
        private final String centreId;
        private final String token;
        private final List<String> candidates = new ArrayList<>();

        Client(HttpClientForTests http, String centreId, String token) {
            this.http = http;
            this.centreId = centreId;
            this.token = token;
        }

        int register(int client, int n) {
            var response = http.post(
                    "/api/centres/" + centreId + "/candidates", token, registration(FIRST_NAMES[client], letters(n)));
            if (response.status() == 201) {
                candidates.add(response.json().get("candidateId").asText());
            }
            return response.status();
        }

        /** Its candidates in turn; each round amends every one of them once more. */
        int amend(int n) {
            String candidateId = candidates.get(n % candidates.size());
            Amendment amendment = Amendment.nth(n / candidates.size());
            return http.post("/api/candidates/" + candidateId + "/amendments", token, amendment.body())
                    .status();
        }
    }

    /** A candidate amended over and over, one amendment (and event) after another. */
    private static final class AmendedRecord {

        private final String candidateId;
        private int amendments;

        AmendedRecord(String candidateId) {
            this.candidateId = candidateId;
        }

        void amendThroughGateway(CommandGateway gateway, int count) {
            for (int i = 0; i < count; i++) {
                Amendment amendment = Amendment.nth(amendments++);
                gateway.sendAndWait(
                        new AmendCandidate(candidateId, amendment.field(), amendment.value(), REASON, true));
            }
        }

        /** Answers how long the amendment took, at the client. */
        double amendThroughHttp(HttpClientForTests http, String token) {
            long started = System.nanoTime();
            var response = http.post(
                    "/api/candidates/" + candidateId + "/amendments",
                    token,
                    Amendment.nth(amendments++).body());
            double ms = (System.nanoTime() - started) / 1e6;
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            return ms;
        }
    }

    /**
     * The n-th amendment of a record: first name and last name in turn, each to the value it does not have now, so
     * that every amendment records an event. The ULN is left alone: its check digit would only add a rule to pass.
     */
    private record Amendment(CandidateField field, String value) {

        static Amendment nth(int n) {
            int turn = (n / 2) % 2;
            return n % 2 == 0
                    ? new Amendment(CandidateField.FIRST_NAME, AMENDED_FIRST[turn])
                    : new Amendment(CandidateField.LAST_NAME, AMENDED_LAST[turn]);
        }

        Map<String, String> body() {
            return Map.of("field", field.name(), "value", value, "reason", REASON);
        }
    }

    /**
     * A scratch table of event-shaped rows in the application's own database, as its event store writes them: an
     * event id, an aggregate id and sequence (unique together), a type, a timestamp, a JSON payload of about
     * 600 bytes and metadata of about 400, in plain binary columns; dropped on close.
     */
    private static final class RawEventTable implements AutoCloseable {

        private static final String TABLE = "benchmark_raw_event";
        private static final byte[] PAYLOAD = json(600);
        private static final byte[] METADATA = json(400);

        private final DataSource dataSource;
        private final String run = UUID.randomUUID().toString();

        private RawEventTable(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        static RawEventTable create(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                String binary =
                        connection.getMetaData().getDatabaseProductName().equals("PostgreSQL") ? "BYTEA" : "VARBINARY";
                statement.execute("DROP TABLE IF EXISTS " + TABLE);
                statement.execute("CREATE TABLE " + TABLE + " (event_id VARCHAR(36) PRIMARY KEY, "
                        + "aggregate_id VARCHAR(80) NOT NULL, sequence_number BIGINT NOT NULL, "
                        + "payload_type VARCHAR(255) NOT NULL, time_stamp VARCHAR(40) NOT NULL, payload " + binary
                        + " NOT NULL, meta_data " + binary + ", UNIQUE (aggregate_id, sequence_number))");
            }
            return new RawEventTable(dataSource);
        }

        /** The client's n-th row, in a transaction of its own, on a connection borrowed for it as a command does. */
        void insert(int client, int n) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + TABLE
                        + " (event_id, aggregate_id, sequence_number, payload_type, time_stamp, payload, meta_data) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, UUID.randomUUID().toString());
                    insert.setString(2, run + "-" + client);
                    insert.setLong(3, n);
                    insert.setString(4, "org.awardinghub.events.candidate.CandidateAmended");
                    insert.setString(5, Instant.now().toString());
                    insert.setBytes(6, PAYLOAD);
                    insert.setBytes(7, METADATA);
                    insert.executeUpdate();
                }
                connection.commit();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        int insertAnswering(int client, int n) {
            insert(client, n);
            return 200;
        }

        @Override
        public void close() throws SQLException {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS " + TABLE);
            }
        }

        /** A JSON object of exactly this many bytes. */
        private static byte[] json(int bytes) {
            String start = "{\"candidateId\":\"" + UUID.randomUUID() + "\",\"text\":\"";
            return (start + "x".repeat(bytes - start.length() - 2) + "\"}").getBytes(StandardCharsets.UTF_8);
        }
    }

    // ---- running a load ---------------------------------------------------------------------------------------

    /**
     * {@value #CLIENTS} threads perform operations back to back, each waiting for its answer: first for the warm-up
     * (not counted: the JIT, the pools and the caches settle), then for the measured seconds. An operation that
     * throws counts as one with no answer (status 0).
     */
    private static Load load(String name, Settings settings, Operation operation) {
        long start = System.nanoTime() + Duration.ofMillis(100).toNanos();
        long measuredFrom = start + settings.warmUp().toNanos();
        long measuredTo = measuredFrom + settings.measured().toNanos();
        List<ClientTimes> times = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            ClientTimes own = new ClientTimes();
            times.add(own);
            int client = c;
            threads.add(new Thread(() -> own.run(client, operation, start, measuredFrom, measuredTo), name + "-" + c));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        List<Double> ms = new ArrayList<>();
        Map<Integer, Integer> failures = new TreeMap<>();
        long lastEnded = measuredFrom;
        for (ClientTimes own : times) {
            ms.addAll(own.ms);
            own.failures.forEach((status, count) -> failures.merge(status, count, Integer::sum));
            lastEnded = Math.max(lastEnded, own.lastEnded);
        }
        return new Load(name, ms.size(), (lastEnded - measuredFrom) / 1e9, Latencies.of(ms), failures);
    }

    /** One client thread's own record of a load: no sharing, so no contention in the measuring itself. */
    private static final class ClientTimes {

        private final List<Double> ms = new ArrayList<>();
        private final Map<Integer, Integer> failures = new TreeMap<>();
        private long lastEnded;

        void run(int client, Operation operation, long start, long measuredFrom, long measuredTo) {
            while (System.nanoTime() < start) {
                Thread.onSpinWait();
            }
            for (int n = 0; System.nanoTime() < measuredTo; n++) {
                long began = System.nanoTime();
                int status = statusOf(operation, client, n);
                long ended = System.nanoTime();
                if (began >= measuredFrom) {
                    ms.add((ended - began) / 1e6);
                    lastEnded = ended;
                    if (status < 200 || status > 299) {
                        failures.merge(status, 1, Integer::sum);
                    }
                }
            }
        }

        private static int statusOf(Operation operation, int client, int n) {
            try {
                return operation.perform(client, n);
            } catch (RuntimeException e) {
                return 0;
            }
        }
    }

    // ---- the report -------------------------------------------------------------------------------------------

    /** The load average at the start and at the end: other work on the machine moves every figure. */
    private static String report(
            Machine machine, double loadAverageAtEnd, Settings settings, List<StoreFigures> figures) {
        StringBuilder md = new StringBuilder("# Command benchmark\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "Machine: %d cores, %s, max heap %.1f GiB; load average %.2f at "
                                + "the start, %.2f at the end. %d clients; loads measured for %d s after a %d s warm-up. "
                                + "Every figure beside a baseline taken in the same run on the same database.%n%n",
                        machine.cores(),
                        machine.jvm(),
                        machine.maxHeapBytes() / (double) (1L << 30),
                        machine.loadAverage(),
                        loadAverageAtEnd,
                        CLIENTS,
                        settings.seconds(),
                        settings.warmUpSeconds()));
        figures.forEach(store -> storeSection(md, store));
        summary(md, figures);
        return md.toString();
    }

    private static void storeSection(StringBuilder md, StoreFigures store) {
        md.append("## ")
                .append(store.store().key)
                .append(": ")
                .append(store.store().description)
                .append("\n\n")
                .append(String.format(
                        Locale.ROOT,
                        "%s; the event store's payload column: %s; connection pool: %s. "
                                + "Application started in %.1f s.%n%n",
                        store.database(),
                        store.payloadColumn(),
                        store.pool(),
                        store.startupSeconds()));
        commandSection(md, store.commands());
        aggregateSection(md, store.aggregates());
        bulkSection(md, store.bulk());
    }

    private static void commandSection(StringBuilder md, CommandFigures commands) {
        md.append("### 1. Commands from ")
                .append(CLIENTS)
                .append(" clients through HTTP\n\n")
                .append("Each client a centre coordinator at one of ")
                .append(CENTRES_FOR_CLIENTS)
                .append(
                        " centres, one request at a time. Registrations: one candidate each. Amendments: each client's ")
                .append("own candidates in turn, first name and last name alternately, each with a reason. Raw: one ")
                .append("event-shaped row per commit into a scratch table, through the application's connection ")
                .append("pool, from as many threads, measured right before.\n\n")
                .append("| load | done | per s | p50 ms | p95 ms | p99 ms | max ms | non-2xx | commands/raw |\n")
                .append("|---|---|---|---|---|---|---|---|---|\n")
                .append(loadRow(commands.rawBeforeRegistrations(), null))
                .append(loadRow(commands.registrations(), commands.rawBeforeRegistrations()))
                .append(loadRow(commands.rawBeforeAmendments(), null))
                .append(loadRow(commands.amendments(), commands.rawBeforeAmendments()))
                .append(String.format(
                        Locale.ROOT,
                        "%nTarget: commands/raw ≥ %.0f %% (ambition %.0f %%): "
                                + "registrations %s, amendments %s. The read models showed every registration %.1f s after "
                                + "the load ended.%n%n",
                        TARGET_COMMANDS_OF_RAW * 100,
                        AMBITION_COMMANDS_OF_RAW * 100,
                        verdict(commands.registrations(), commands.rawBeforeRegistrations()),
                        verdict(commands.amendments(), commands.rawBeforeAmendments()),
                        commands.registrationsVisibleAfter()));
    }

    private static String loadRow(Load load, Load raw) {
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %.1f | %.1f | %.1f | %.1f | %.1f | %s | %s |%n",
                load.name(),
                load.operations(),
                load.perSecond(),
                load.ms().percentile(50),
                load.ms().percentile(95),
                load.ms().percentile(99),
                load.ms().max(),
                load.failureText(),
                raw == null ? "(baseline)" : percent(load.perSecond() / raw.perSecond()));
    }

    private static String verdict(Load commands, Load raw) {
        double ratio = commands.perSecond() / raw.perSecond();
        return percent(ratio)
                + (ratio >= AMBITION_COMMANDS_OF_RAW
                        ? " (ambition met)"
                        : ratio >= TARGET_COMMANDS_OF_RAW ? " (met)" : " (**missed**)");
    }

    private static void aggregateSection(StringBuilder md, AggregateFigures aggregates) {
        md.append("### 2. Amending a candidate with ")
                .append(SHORT_EVENTS)
                .append(String.format(Locale.ROOT, " and with %,d events%n%n", aggregates.longEvents()))
                .append(String.format(
                        Locale.ROOT,
                        "The long one built through the application's CommandGateway "
                                + "from one thread: %,d amendments in %.1f s (%.2f ms each). Then %d single amendments of "
                                + "each through HTTP, in turn, after %d warm-up ones each; every one records an event, so by "
                                + "the end the short one has %d events (snapshots every 100 events by default).%n%n",
                        aggregates.longEvents() - 1,
                        aggregates.buildLongSeconds(),
                        aggregates.buildLongSeconds() * 1000 / (aggregates.longEvents() - 1),
                        TIMED_AMENDMENTS,
                        WARM_UP_AMENDMENTS,
                        SHORT_EVENTS + WARM_UP_AMENDMENTS + TIMED_AMENDMENTS))
                .append("| candidate | p50 ms | p95 ms | p99 ms | max ms |\n|---|---|---|---|---|\n")
                .append(latencyRow(SHORT_EVENTS + " events (baseline)", aggregates.shortMs()))
                .append(latencyRow(
                        String.format(Locale.ROOT, "%,d events", aggregates.longEvents()), aggregates.longMs()))
                .append(String.format(
                        Locale.ROOT,
                        "| ratio long/short | %.2f | %.2f | %.2f | %.2f |%n%n",
                        ratio(aggregates, 50),
                        ratio(aggregates, 95),
                        ratio(aggregates, 99),
                        aggregates.longMs().max() / aggregates.shortMs().max()))
                .append(String.format(
                        Locale.ROOT,
                        "Target: long/short ≤ %.0f: p50 %s, p99 %s.%n%n",
                        TARGET_LONG_OF_SHORT,
                        met(ratio(aggregates, 50) <= TARGET_LONG_OF_SHORT),
                        met(ratio(aggregates, 99) <= TARGET_LONG_OF_SHORT)));
    }

    private static double ratio(AggregateFigures aggregates, int p) {
        return aggregates.longMs().percentile(p) / aggregates.shortMs().percentile(p);
    }

    private static String latencyRow(String name, Latencies ms) {
        return String.format(
                Locale.ROOT,
                "| %s | %.1f | %.1f | %.1f | %.1f |%n",
                name,
                ms.percentile(50),
                ms.percentile(95),
                ms.percentile(99),
                ms.max());
    }

    private static void bulkSection(StringBuilder md, BulkFigures bulk) {
        md.append(String.format(
                        Locale.ROOT,
                        "### 3. Bulk registration, %,d-line CSV files%n%n",
                        bulk.raw().rows()))
                .append("The first is the first registration the freshly started server sees (only the admin's ")
                .append("sign-in and the two centres' creation and approval come before it); the second follows at ")
                .append("another centre. Raw: as many event-shaped rows from one thread, one per commit.\n\n")
                .append("| file | accepted | rejected | answered (s) | lines/s | read model shows them (s) | "
                        + "lines/raw rows | target ≤ 15 s |\n|---|---|---|---|---|---|---|---|\n")
                .append(bulkRow(bulk.first(), bulk.raw()))
                .append(bulkRow(bulk.second(), bulk.raw()))
                .append(String.format(
                        Locale.ROOT,
                        "| raw rows (baseline) | %,d | | %.2f | %.0f | | | |%n%n",
                        bulk.raw().rows(),
                        bulk.raw().seconds(),
                        bulk.raw().perSecond()));
    }

    private static String bulkRow(Bulk file, RawRows raw) {
        double perSecond = file.lines() / file.answerSeconds();
        return String.format(
                Locale.ROOT,
                "| %s | %,d | %,d | %.2f | %.0f | %.1f | %s | %s |%n",
                file.file(),
                file.accepted(),
                file.rejected(),
                file.answerSeconds(),
                perSecond,
                file.visibleSeconds(),
                percent(perSecond / raw.perSecond()),
                met(file.answerSeconds() <= TARGET_BULK_SECONDS));
    }

    private static void summary(StringBuilder md, List<StoreFigures> figures) {
        md.append("## Summary\n\n| figure | target | ")
                .append(figures.stream().map(f -> f.store().key).collect(Collectors.joining(" | ")))
                .append(" |\n|---|---|")
                .append("---|".repeat(figures.size()))
                .append('\n');
        summaryRow(
                md,
                figures,
                "registrations/raw",
                "≥ 25 % (50 %)",
                f -> percent(f.commands().registrations().perSecond()
                        / f.commands().rawBeforeRegistrations().perSecond()));
        summaryRow(
                md,
                figures,
                "amendments/raw",
                "≥ 25 % (50 %)",
                f -> percent(f.commands().amendments().perSecond()
                        / f.commands().rawBeforeAmendments().perSecond()));
        summaryRow(
                md,
                figures,
                "amending long/short, p50 / p99",
                "≤ 2",
                f -> String.format(Locale.ROOT, "%.2f / %.2f", ratio(f.aggregates(), 50), ratio(f.aggregates(), 99)));
        summaryRow(
                md,
                figures,
                "bulk file, first / second (s)",
                "≤ 15 s",
                f -> String.format(
                        Locale.ROOT,
                        "%.2f / %.2f",
                        f.bulk().first().answerSeconds(),
                        f.bulk().second().answerSeconds()));
        md.append('\n');
    }

    private static void summaryRow(
            StringBuilder md,
            List<StoreFigures> figures,
            String name,
            String target,
            Function<StoreFigures, String> cell) {
        md.append("| ")
                .append(name)
                .append(" | ")
                .append(target)
                .append(" | ")
                .append(figures.stream().map(cell).collect(Collectors.joining(" | ")))
                .append(" |\n");
    }

    // ---- small helpers ----------------------------------------------------------------------------------------

    private static Map<String, Object> registration(String firstName, String lastName) {
        return Map.of(
                "firstName",
                firstName,
                "lastName",
                lastName,
                "dateOfBirth",
                "2001-02-03",
                "qualificationCode",
                QUALIFICATION);
    }

    /** Distinct people: a name may hold no digit, so the line number is spelt in letters. */
    private static String csv(int lines, int file) {
        StringBuilder csv = new StringBuilder("firstName,lastName,dateOfBirth,uln,qualificationCode,startDate\n");
        LocalDate start = LocalDate.now().minusDays(30);
        for (int line = 0; line < lines; line++) {
            csv.append(FIRST_NAMES[(line + file) % FIRST_NAMES.length])
                    .append(',')
                    .append(letters(line))
                    .append(",2001-02-03,,")
                    .append(QUALIFICATION)
                    .append(',')
                    .append(start)
                    .append('\n');
        }
        return csv.toString();
    }

    /** n in base 26, five letters, the first a capital: "Aaaaa", "Aaaab", ... (11.8 million of them). */
    private static String letters(int n) {
        char[] letters = new char[5];
        for (int i = letters.length - 1; i >= 0; i--) {
            letters[i] = (char) ('a' + n % 26);
            n /= 26;
        }
        letters[0] = Character.toUpperCase(letters[0]);
        return new String(letters);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
