package org.awardinghub.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.store.RestartTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An erased candidate's key is gone from a backup taken after the erasure (docs/operations.md, Backups): the
 * embedded default's backup is a copy of {@code events.mv.db} with the application stopped, and the key's bytes are
 * nowhere in that file, although H2 keeps old versions of what it stores until it compacts the file.
 */
class ErasedKeyBackupTest {

    @TempDir
    Path dataDir;

    @Test
    void givenAnErasedCandidate_whenTheApplicationStops_thenTheEventsDatabaseHoldsNoTraceOfTheirKey()
            throws IOException {
        String material;
        String kept;
        // H2 compacts its file for at most 200 ms when it closes: none at all here, as in a large database
        String noCompactionOnClose = "jdbc:h2:file:" + dataDir.resolve("events")
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;AUTO_RECONNECT=FALSE;MAX_COMPACT_TIME=0";
        try (RunningApplication app =
                RunningApplication.start(dataDir, Map.of("spring.datasource.url", noCompactionOnClose))) {
            HttpClientForTests http = app.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            AssessmentSteps steps = new AssessmentSteps(http, admin, dataDir);
            String code = steps.publish(30).code();
            String centreId = steps.centre(code, true);
            String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
            String candidateId = steps.register(coordinator, centreId, code).candidateId();
            String another = steps.register(coordinator, centreId, code).candidateId();
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            material = key(jdbc, candidateId);
            kept = key(jdbc, another);
            var erased = http.post(
                    "/api/candidates/" + candidateId + "/erasure",
                    admin,
                    Map.of("reason", "The learner asked", "legalBasis", "UK GDPR Art. 17(1)(a)"));
            assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        }
        byte[] backup = Files.readAllBytes(dataDir.resolve("events.mv.db"));
        assertThat(contains(backup, kept.getBytes(StandardCharsets.US_ASCII)))
                .as("the key of a candidate not erased is in the backup, as it must be")
                .isTrue();
        assertThat(contains(backup, material.getBytes(StandardCharsets.US_ASCII)))
                .as("the key as stored")
                .isFalse();
        assertThat(contains(backup, Base64.getDecoder().decode(material)))
                .as("the key's bytes")
                .isFalse();
    }

    private static String key(JdbcTemplate jdbc, String candidateId) {
        List<String> keys = jdbc.queryForList(
                "SELECT key_material FROM personal_data_keys WHERE subject_id = ?", String.class, candidateId);
        assertThat(keys).hasSize(1);
        return keys.get(0);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
