package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.Migrations;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.ScratchPostgres;
import org.awardinghub.api.files.FileStore;
import org.awardinghub.api.files.SampleFiles;
import org.awardinghub.events.privacy.PersonalDataSealingRequested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * An installation of the last release before Flyway, with data in it, upgraded by this release's first start
 * (ADR 0146): the database is baselined at version 0, the migrations take over its tables with every row, Hibernate
 * validates Axon's, and everything is found: the events (the read models, deleted with the read store, are rebuilt
 * from them), sign-in with the passwords set before, a session signed in before, an access key issued before, the
 * files, the audit chain as sealed before. The database then has the schema a new one has, and every table is in
 * Flyway's history. On the embedded H2 database, and on PostgreSQL when {@code AWARDING_TEST_POSTGRES_URL} is set.
 */
class PreviousReleaseUpgradeTest {

    /** The records of the previous release: not one row of them may be lost or added by the upgrade itself. */
    private static final List<String> RECORDS = List.of(
            "domain_event_entry",
            "credential",
            "user_session",
            "user_directory",
            "centre_directory",
            "candidate_directory",
            "assessment_attempts",
            "attempt_access_keys",
            "scheduled_tasks",
            "audit_log",
            "report_attempts",
            "personnel_users");

    @TempDir
    Path dataDir;

    @Test
    void givenAnEmbeddedDatabaseOfThePreviousRelease_whenStartedByThisRelease_thenEverythingIsFound() {
        upgrade(
                Map.of(),
                false,
                () -> new DriverManagerDataSource(
                        "jdbc:h2:mem:fresh-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "AWARDING_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
    void givenAPostgresDatabaseOfThePreviousRelease_whenStartedByThisRelease_thenEverythingIsFound()
            throws SQLException {
        try (ScratchPostgres previous = ScratchPostgres.create("awarding_upgrade_");
                ScratchPostgres fresh = ScratchPostgres.create("awarding_fresh_")) {
            upgrade(
                    previous.properties(),
                    true,
                    () -> new DriverManagerDataSource(fresh.url(), ScratchPostgres.USER, ""),
                    "postgres");
        }
    }

    interface FreshDatabase {
        DriverManagerDataSource open();
    }

    private void upgrade(Map<String, String> database, boolean databaseFiles, FreshDatabase fresh, String... profiles) {
        Map<String, Long> records;
        String centreId;
        String sessionBefore;
        AssessmentSteps.Staff coordinator;
        AssessmentSteps.Candidate waiting;
        String accessKey;
        String assessmentCode;
        String file;
        String fileSha256;
        JsonNode seal;
        try (RunningApplication previous =
                RunningApplication.start(dataDir, PreviousRelease.settings(database, databaseFiles), profiles)) {
            JdbcTemplate jdbc = previous.bean(JdbcTemplate.class);
            assertThat(SchemaHistory.tables(jdbc))
                    .as("the previous release's schema, without Flyway")
                    .contains("domain_event_entry", "token_entry", "credential", "audit_log");
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) = ?",
                            Long.class,
                            SchemaHistory.HISTORY))
                    .isZero();
            HttpClientForTests http = previous.http();
            sessionBefore = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            AssessmentSteps steps = new AssessmentSteps(http, sessionBefore, dataDir);
            AssessmentSteps.Qualification qualification = steps.publish(30);
            assessmentCode = qualification.assessmentCode();
            centreId = steps.centre(qualification.code(), true);
            coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
            String invigilator = steps.user(centreId, "INVIGILATOR").token();
            AssessmentSteps.Candidate sat = steps.register(coordinator.token(), centreId, qualification.code());
            steps.sit(invigilator, sat, assessmentCode, AssessmentSteps.QUESTIONS);
            waiting = steps.register(coordinator.token(), centreId, qualification.code());
            accessKey = steps.opened(invigilator, waiting.candidateId(), assessmentCode)
                    .get("accessKey")
                    .asText();
            var document = new MultipartForm()
                    .field("title", "Manual of the previous release")
                    .field("kind", "KEY_DOCUMENT")
                    .file("manual.pdf", SampleFiles.pdf("Kept across the upgrade"))
                    .post(http, "/api/library/documents", sessionBefore);
            assertThat(document.status()).as(document.toString()).isEqualTo(201);
            file = "/api/library/documents/" + document.json().get("documentId").asText() + "/versions/1/file";
            fileSha256 = document.json().get("sha256").asText();
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT COALESCE(MAX(position), -1) FROM audit_chain_head", Long.class)
                            .equals(jdbc.queryForObject(
                                    "SELECT MAX(global_index) FROM domain_event_entry", Long.class)));
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM report_attempts", Long.class) == 2);
            seal = http.get("/api/audit/seal", sessionBefore).json();
            records = counts(jdbc);
        }
        // The read models go with the read store: this release rebuilds them from the events it finds.
        delete(dataDir.resolve(EmbeddedReadStore.FILE));

        try (RunningApplication current = RunningApplication.start(dataDir, database, profiles)) {
            JdbcTemplate jdbc = current.bean(JdbcTemplate.class);
            Map<String, Long> upgraded = new java.util.HashMap<>(records);
            upgraded.merge("domain_event_entry", 1L, Long::sum);
            assertThat(counts(jdbc))
                    .as("every record of the previous release, and the request to seal its personal data (ADR 0164)")
                    .isEqualTo(upgraded);
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type = ?",
                            Long.class,
                            PersonalDataSealingRequested.class.getName()))
                    .isEqualTo(1);
            assertThat(SchemaHistory.versions(jdbc))
                    .as("baselined below every migration, then migrated")
                    .startsWith("0", "1", "1.1", "2", "3", "4", "5", "6", "7", "8", "9");
            assertThat(jdbc.queryForObject(
                            "SELECT \"type\" FROM " + SchemaHistory.HISTORY_TABLE + " WHERE \"version\" = '0'",
                            String.class))
                    .isEqualTo("BASELINE");
            SchemaHistory.assertEveryTableMigrated(jdbc);
            DriverManagerDataSource created = fresh.open();
            Migrations.apply(created);
            assertThat(SchemaHistory.columns(jdbc))
                    .as("the upgraded schema is the schema of a new database")
                    .containsExactlyInAnyOrderEntriesOf(SchemaHistory.columns(new JdbcTemplate(created)));

            HttpClientForTests http = current.http();
            assertThat(http.get("/api/audit/verify", sessionBefore).status())
                    .as("a session signed in before the upgrade")
                    .isEqualTo(200);
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            String coordinatorNow = RestartTest.login(http, coordinator.pin(), ApplicationTest.GOOD_PASSWORD);
            http.awaitJson(
                    "/api/centres/" + centreId,
                    admin,
                    json -> "APPROVED".equals(json.path("status").asText()));
            http.awaitJson(
                    "/api/candidates/" + waiting.candidateId(),
                    coordinatorNow,
                    json -> waiting.candidateId()
                            .equals(json.path("candidateId").asText()));

            AssessmentSteps steps = new AssessmentSteps(http, admin, dataDir);
            JsonNode started = steps.started(waiting.registrationNumber(), accessKey);
            assertThat(started.get("questions"))
                    .as("an access key issued before the upgrade")
                    .hasSize(4);

            HttpResponse<byte[]> download = http.bytes(file, admin);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(FileStore.sha256(download.body())).isEqualTo(fileSha256);

            SealedChain.assertIntactAsSealed(http, admin, seal, "before the upgrade");

            List<Long> positions =
                    jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
            assertThat(positions.get(positions.size() - 1) - positions.get(0) + 1)
                    .as("the global index goes on after the upgrade without a jump")
                    .isEqualTo(positions.size());
        }
    }

    private static Map<String, Long> counts(JdbcTemplate jdbc) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : RECORDS) {
            counts.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        return counts;
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
