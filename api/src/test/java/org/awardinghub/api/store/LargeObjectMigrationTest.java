package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An embedded database written by a release before {@link VarbinaryH2Dialect}, whose Axon tables keep payloads,
 * metadata and tokens as H2 large objects (BLOB), is converted to VARBINARY by migration 1.1 ({@link
 * H2LargeObjectMigration}) at the first start under Flyway, and everything in it is still there.
 */
class LargeObjectMigrationTest {

    private static final String BLOB_COLUMNS = "SELECT COUNT(*) FROM information_schema.columns"
            + " WHERE table_schema = 'PUBLIC' AND data_type = 'BINARY LARGE OBJECT'";
    private static final String EVENT_PAYLOAD_TYPE = "SELECT data_type FROM information_schema.columns"
            + " WHERE table_name = 'DOMAIN_EVENT_ENTRY' AND column_name = 'PAYLOAD'";

    @TempDir
    Path dataDir;

    @Test
    void givenADatabaseOfLargeObjects_whenStartedByThisRelease_thenConvertedWithEverythingStillThere() {
        String centreId;
        long events;
        Map<String, String> beforeVarbinary = new HashMap<>(PreviousRelease.settings(Map.of(), false));
        beforeVarbinary.put("spring.jpa.database-platform", "org.hibernate.dialect.H2Dialect");
        try (RunningApplication previous = RunningApplication.start(dataDir, beforeVarbinary)) {
            JdbcTemplate jdbc = previous.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(EVENT_PAYLOAD_TYPE, String.class)).isEqualTo("BINARY LARGE OBJECT");
            var http = previous.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            centreId = http.post(
                            "/api/centres",
                            admin,
                            Map.of(
                                    "name",
                                    "Blob Motors",
                                    "address",
                                    "1 Old Road",
                                    "contactEmail",
                                    "office@blob.example"))
                    .json()
                    .get("centreId")
                    .asText();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> http.get("/api/centres/" + centreId, admin).status() == 200);
            events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        }

        try (RunningApplication current = RunningApplication.start(dataDir, Map.of())) {
            JdbcTemplate jdbc = current.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject(BLOB_COLUMNS, Long.class))
                    .as("large-object columns left")
                    .isZero();
            assertThat(jdbc.queryForObject(EVENT_PAYLOAD_TYPE, String.class)).isEqualTo("BINARY VARYING");
            assertThat(SchemaHistory.versions(jdbc)).startsWith("0", "1", "1.1");
            var http = current.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            assertThat(http.post(
                                    "/api/centres/" + centreId + "/approve",
                                    admin,
                                    Map.of("qualificationCodes", List.of("LV2-MAINT"), "directClaimStatus", false))
                            .status())
                    .as("a command on a record of the old database")
                    .isEqualTo(200);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> "APPROVED"
                            .equals(http.get("/api/centres/" + centreId, admin)
                                    .json()
                                    .path("status")
                                    .asText()));
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                    .isGreaterThan(events);
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(http.get("/api/audit/verify", admin)
                                    .json()
                                    .path("intact")
                                    .asBoolean())
                            .as("the audit chain over old and new events")
                            .isTrue());
        }
    }
}
