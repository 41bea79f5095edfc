package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.assessment.AssessmentRestartTest;
import org.awardinghub.api.files.FileStore;
import org.awardinghub.api.files.SampleFiles;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The postgres profile against a real PostgreSQL: events, tokens, lookup tables, credentials and uploaded files in a
 * fresh database. Runs when {@code AWARDING_TEST_POSTGRES_URL} names a server's maintenance database
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres}); {@code .ci/run} sets it.
 */
@EnabledIfEnvironmentVariable(named = "AWARDING_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresEventStoreTest {

    private static final String SERVER = System.getenv("AWARDING_TEST_POSTGRES_URL");
    private static final String USER = System.getenv().getOrDefault("AWARDING_TEST_POSTGRES_USER", "postgres");

    @TempDir
    Path dataDir;

    private String database;
    private String databaseUrl;

    @BeforeEach
    void createDatabase() throws SQLException {
        database =
                "awarding_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        execute("CREATE DATABASE " + database);
        databaseUrl = SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + database;
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    @Test
    void givenPostgresProfile_whenUsedAndRestarted_thenEventsAndFilesPersistWithBinaryColumnsAndContiguousIndex() {
        Map<String, String> properties =
                Map.of("spring.datasource.url", databaseUrl, "spring.datasource.username", USER);
        String centreId;
        byte[] manual = SampleFiles.pdf("Kept in PostgreSQL");
        String file;
        try (RunningApplication first = RunningApplication.start(dataDir, properties, "postgres")) {
            var http = first.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            var created = http.post(
                    "/api/centres",
                    admin,
                    Map.of(
                            "name",
                            "Postgres Motors",
                            "address",
                            "5 Index Street",
                            "contactEmail",
                            "office@pg.example"));
            assertThat(created.status()).isEqualTo(201);
            centreId = created.json().get("centreId").asText();
            assertThat(http.post(
                                    "/api/centres/" + centreId + "/approve",
                                    admin,
                                    Map.of("qualificationCodes", List.of("LV2-MAINT"), "directClaimStatus", true))
                            .status())
                    .isEqualTo(200);
            assertThat(http.post(
                                    "/api/centres/" + centreId + "/users",
                                    admin,
                                    Map.of(
                                            "name",
                                            "Alex Kay",
                                            "email",
                                            "alex@pg.example",
                                            "roles",
                                            List.of("CENTRE_ADMIN")))
                            .status())
                    .isEqualTo(201);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "APPROVED"
                            .equals(http.get("/api/centres/" + centreId, admin)
                                    .json()
                                    .path("status")
                                    .asText()));

            var uploaded = new MultipartForm()
                    .field("title", "Workshop manual")
                    .field("kind", "KEY_DOCUMENT")
                    .file("manual.pdf", manual)
                    .post(http, "/api/library/documents", admin);
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
            file = "/api/library/documents/" + uploaded.json().get("documentId").asText() + "/versions/1/file";

            JdbcTemplate jdbc = first.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT current_database()", String.class))
                    .isEqualTo(database);
            SchemaHistory.assertEveryTableMigrated(jdbc);
            assertThat(jdbc.queryForList("SELECT sha256 FROM stored_file", String.class))
                    .as("the postgres profile keeps files in the database, beside the events")
                    .containsExactly(FileStore.sha256(manual));
            assertThat(jdbc.queryForList(
                            "SELECT data_type FROM information_schema.columns "
                                    + "WHERE table_name IN ('domain_event_entry', 'token_entry') "
                                    + "AND column_name IN ('payload', 'meta_data', 'token')",
                            String.class))
                    .as("binary columns are bytea, not large objects")
                    .isNotEmpty()
                    .containsOnly("bytea");
        }

        try (RunningApplication second = RunningApplication.start(dataDir, properties, "postgres")) {
            var http = second.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            assertThat(http.get("/api/centres/" + centreId, admin)
                            .json()
                            .get("status")
                            .asText())
                    .isEqualTo("APPROVED");
            assertThat(http.post("/api/centres/" + centreId + "/suspend", admin, Map.of("reason", "After restart"))
                            .status())
                    .isEqualTo(200);

            HttpResponse<byte[]> download = http.bytes(file, admin);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(manual);

            JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
            List<Long> positions =
                    jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
            assertThat(positions.get(positions.size() - 1) - positions.get(0) + 1)
                    .as("no jump in the global index after a restart")
                    .isEqualTo(positions.size());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class))
                    .as("no large objects left behind")
                    .isZero();
        }
    }

    /**
     * The dead-letter queue's own storage on PostgreSQL: a letter is written (bytea, no large object), listed and
     * retried. The letter is parked here as a failing handler would park it;
     * {@link org.awardinghub.api.operations.DeadLetterTest} makes a real projection fail on the embedded default. On
     * the way, a record's state is read from the same bytea columns.
     */
    @Test
    void givenPostgresProfile_whenAnEventIsParked_thenItIsListedAndARetryClearsIt() {
        Map<String, String> properties =
                Map.of("spring.datasource.url", databaseUrl, "spring.datasource.username", USER);
        try (RunningApplication app = RunningApplication.start(dataDir, properties, "postgres")) {
            var http = app.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            String centreId = http.post(
                            "/api/centres",
                            admin,
                            Map.of(
                                    "name",
                                    "Parked Motors",
                                    "address",
                                    "6 Letter Street",
                                    "contactEmail",
                                    "office@parked.example"))
                    .json()
                    .get("centreId")
                    .asText();
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            http.get("/api/centres/" + centreId, admin).status() == 200); // the hub projection has it
            var state = http.get("/api/audit/records/centre/" + centreId + "/state", admin);
            assertThat(state.status())
                    .as("state read from the bytea columns: %s", state)
                    .isEqualTo(200);
            assertThat(state.json().get("sequence").asLong()).isZero();
            assertThat(state.json().get("state").toString()).contains("Parked Motors");
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            long position = jdbc.queryForObject(
                    "SELECT global_index FROM domain_event_entry "
                            + "WHERE aggregate_identifier = ? AND sequence_number = 0",
                    Long.class,
                    centreId);
            DomainEventMessage<?> applied =
                    app.bean(EventStore.class).readEvents(centreId).next();
            var queue = app.bean(EventProcessingConfiguration.class)
                    .deadLetterQueue("hub")
                    .orElseThrow();
            app.bean(TransactionManager.class)
                    .executeInTransaction(() -> queue.enqueue(
                            centreId,
                            new GenericDeadLetter<>(
                                    centreId,
                                    new GenericTrackedDomainEventMessage<>(
                                            new GlobalSequenceTrackingToken(position), applied),
                                    new IllegalStateException("parked by the test"))));

            JsonNode hub = null;
            for (JsonNode candidate : http.get("/api/admin/dead-letters", admin).json()) {
                if ("hub".equals(candidate.get("processor").asText())) {
                    hub = candidate;
                }
            }
            assertThat(hub).isNotNull();
            assertThat(hub.get("deadLetters").asLong()).isEqualTo(1);
            JsonNode letter = hub.get("letters").get(0);
            assertThat(letter.get("sequenceIdentifier").asText()).isEqualTo(centreId);
            assertThat(letter.get("eventType").asText()).isEqualTo("CentreApplied");
            assertThat(letter.get("globalPosition").asLong()).isEqualTo(position);
            assertThat(letter.get("cause").get("message").asText()).isEqualTo("parked by the test");
            assertThat(jdbc.queryForList(
                            "SELECT data_type FROM information_schema.columns "
                                    + "WHERE table_name = 'dead_letter_entry' AND column_name IN ('payload', 'meta_data', 'token', "
                                    + "'diagnostics')",
                            String.class))
                    .as("bytea, not large objects")
                    .hasSize(4)
                    .containsOnly("bytea");

            var retry = http.post("/api/admin/dead-letters/hub/retry", admin, Map.of());
            assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
            assertThat(retry.json().get("sequencesCleared").asInt()).isEqualTo(1);
            assertThat(retry.json().get("remainingDeadLetters").asLong()).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dead_letter_entry", Long.class))
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class))
                    .as("no large objects left behind")
                    .isZero();
        }
    }

    @Test
    void givenPostgresProfile_whenAnAttemptOutlivesARestart_thenItsPersistentTimeLimitSubmitsIt() {
        AssessmentRestartTest.sitThenRestartAfterTheEndTime(
                dataDir, Map.of("spring.datasource.url", databaseUrl, "spring.datasource.username", USER), "postgres");
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER, USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
