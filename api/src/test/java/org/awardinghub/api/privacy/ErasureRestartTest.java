package org.awardinghub.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.store.RestartTest;
import org.awardinghub.events.PersonalData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An erased candidate stays erased across a stop, a backup and a rebuild from zero (issue 19, ADR 0163): the
 * embedded default's backup is a copy of {@code events.mv.db} taken with the application stopped, and the erased key's
 * bytes are nowhere in that file, although H2 keeps old versions of what it stores until it compacts the file; the
 * read models rebuilt from the first event (the read store deleted) answer exactly as before the stop.
 */
class ErasureRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void givenAnErasedCertificatedCandidate_whenStoppedBackedUpAndRebuilt_thenNoKeyInTheBackupAndTheSameAnswers()
            throws IOException {
        String material;
        String kept;
        Map<String, JsonNode> answers;
        List<String> paths;
        // H2 compacts its file for at most 200 ms when it closes: none at all here, as in a large database
        Map<String, String> noCompactionOnClose = Map.of(
                "spring.datasource.url",
                "jdbc:h2:file:" + dataDir.resolve("events")
                        + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;AUTO_RECONNECT=FALSE;MAX_COMPACT_TIME=0");
        try (RunningApplication app = RunningApplication.start(dataDir, noCompactionOnClose)) {
            HttpClientForTests http = app.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            AssessmentSteps steps = new AssessmentSteps(http, admin, dataDir);
            Qualification qualification = steps.publish(30);
            String centreId = steps.centre(qualification.code(), true);
            String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
            String invigilator = steps.user(centreId, "INVIGILATOR").token();
            Candidate candidate = steps.register(coordinator, centreId, qualification.code());
            String another =
                    steps.register(coordinator, centreId, qualification.code()).candidateId();
            steps.sit(invigilator, candidate, qualification.assessmentCode(), 4);
            var claimed = http.post(
                    "/api/candidates/" + candidate.candidateId() + "/certificate-claims", coordinator, Map.of());
            assertThat(claimed.status()).as(claimed.toString()).isEqualTo(201);
            String claim =
                    "/api/certificate-claims/" + claimed.json().get("claimId").asText();
            String code = http.awaitJson(
                            claim,
                            admin,
                            json -> "ISSUED".equals(json.path("status").asText()))
                    .get("verificationCode")
                    .asText();
            JdbcTemplate jdbc = app.bean(JdbcTemplate.class);
            material = key(jdbc, candidate.candidateId());
            kept = key(jdbc, another);

            var erased = http.post(
                    "/api/candidates/" + candidate.candidateId() + "/erasure",
                    admin,
                    Map.of("reason", "The learner asked", "legalBasis", "UK GDPR Art. 17(1)(a)"));
            assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
            String record = "/api/candidates/" + candidate.candidateId();
            http.awaitJson(
                    record,
                    admin,
                    json -> json.path("certificate").path("erased").asBoolean());
            http.awaitJson(
                    claim,
                    admin,
                    json -> PersonalData.ERASED.equals(json.path("holderName").asText()));
            http.awaitJson(record + "/history", admin, json -> json.toString().contains("CandidateErased"));
            paths = List.of(
                    record,
                    record + "/history",
                    claim,
                    "/api/certificates/"
                            + claimed.json().get("certificateNumber").asText() + "/verify?code=" + code,
                    "/api/centres/" + centreId + "/candidates?q=" + candidate.registrationNumber());
            answers = answers(http, admin, paths);
        }

        byte[] backup = Files.readAllBytes(dataDir.resolve("events.mv.db"));
        assertThat(contains(backup, kept.getBytes(StandardCharsets.US_ASCII)))
                .as("the key of a candidate not erased is in the backup, as it must be")
                .isTrue();
        assertThat(contains(backup, material.getBytes(StandardCharsets.US_ASCII)))
                .as("the erased key as stored")
                .isFalse();
        assertThat(contains(backup, Base64.getDecoder().decode(material)))
                .as("the erased key's bytes")
                .isFalse();

        Files.delete(dataDir.resolve("readmodels.mv.db"));
        try (RunningApplication rebuilt = RunningApplication.start(dataDir, Map.of())) {
            HttpClientForTests http = rebuilt.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            await().atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> assertThat(answers(http, admin, paths))
                            .as("rebuilt from the first event, every answer is as it was")
                            .isEqualTo(answers));
        }
    }

    private static Map<String, JsonNode> answers(HttpClientForTests http, String token, List<String> paths) {
        Map<String, JsonNode> answers = new LinkedHashMap<>();
        for (String path : paths) {
            var response = http.get(path, path.contains("/verify") ? null : token);
            answers.put(path, response.status() == 200 ? response.json() : null);
        }
        return answers;
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
