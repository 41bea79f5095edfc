package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.files.FileStore;
import org.awardinghub.api.files.SampleFiles;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The backup of the embedded default is the events' database and the files, and nothing else (docs/operations.md):
 * restored alone into an empty data directory, the application rebuilds every read model from the events, the audit
 * chain verifies as it did, and every file downloads with the SHA-256 its record names.
 */
class BackupRestoreTest {

    /** Processors with no read model in the read store: relational ones, beside their tokens, and those of no model. */
    private static final Set<String> NOT_IN_THE_READ_STORE = Set.of(
            "audit",
            "reports",
            "personnel",
            "returns",
            "privacy",
            "certification-policy",
            "notifications",
            "command-lookups");

    @TempDir
    Path original;

    @TempDir
    Path restored;

    /** A file the records name: where to download it and the hash it must have. */
    record RecordedFile(String path, String sha256) {}

    @Test
    void givenOnlyEventsAndFilesRestored_whenStarted_thenReadModelsRebuiltChainIntactAndEveryFileWhole()
            throws IOException {
        String candidateId;
        String portfolio;
        String documentId;
        List<RecordedFile> files;
        JsonNode seal;
        try (RunningApplication before = RunningApplication.start(original, Map.of())) {
            assertThat(before.bean(EventProcessingConfiguration.class)
                            .eventProcessors()
                            .keySet())
                    .as("every processor is known to write to the read store or not")
                    .containsExactlyInAnyOrderElementsOf(union(NewReadStoreRebuild.READ_STORE_PROCESSORS));
            HttpClientForTests http = before.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            AssessmentSteps steps = new AssessmentSteps(http, admin, original);
            String code = steps.publishWithPortfolio();
            String centreId = steps.centre(code, true);
            String coordinator = steps.user(centreId, "CENTRE_COORDINATOR").token();
            candidateId = steps.register(coordinator, centreId, code).candidateId();
            portfolio = "/api/candidates/" + candidateId + "/portfolio";
            String learner = steps.candidateAccount(coordinator, candidateId).token();
            var evidence = http.postMultipart(
                    portfolio + "/evidence",
                    learner,
                    Map.of("unitCode", code + "-P1", "criteria", "1.1", "description", "Brake inspection"),
                    "inspection.pdf",
                    SampleFiles.pdf("Brake inspection sheet, restored"));
            assertThat(evidence.status()).as(evidence.toString()).isEqualTo(201);
            var document = new MultipartForm()
                    .field("title", "Restore manual")
                    .field("kind", "KEY_DOCUMENT")
                    .file("manual.pdf", SampleFiles.pdf("Restore manual"))
                    .post(http, "/api/library/documents", admin);
            assertThat(document.status()).as(document.toString()).isEqualTo(201);
            documentId = document.json().get("documentId").asText();

            JsonNode version = http.awaitJson(
                            portfolio, admin, json -> json.path("evidence").size() == 1)
                    .get("evidence")
                    .get(0);
            http.awaitJson(
                    "/api/library/documents/" + documentId,
                    admin,
                    json -> json.path("currentVersion").asInt() == 1);
            files = List.of(
                    new RecordedFile(
                            portfolio + "/evidence/" + version.get("evidenceId").asText() + "/versions/1/file",
                            version.get("versions").get(0).get("sha256").asText()),
                    new RecordedFile(
                            "/api/library/documents/" + documentId + "/versions/1/file",
                            document.json().get("sha256").asText()));
            JdbcTemplate jdbc = before.bean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jdbc.queryForObject(
                                    "SELECT COALESCE(MAX(position), -1) FROM audit_chain_head", Long.class)
                            .equals(jdbc.queryForObject(
                                    "SELECT MAX(global_index) FROM domain_event_entry", Long.class)));
            seal = http.get("/api/audit/seal", admin).json();
        }

        // the backup: the events' database and the files; not the read store, not the outbox
        Files.copy(original.resolve("events.mv.db"), restored.resolve("events.mv.db"));
        copyTree(original.resolve("files"), restored.resolve("files"));
        assertThat(restored.resolve("readmodels.mv.db")).doesNotExist();

        try (RunningApplication after = RunningApplication.start(restored, Map.of())) {
            HttpClientForTests http = after.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);

            http.awaitJson(
                    "/api/candidates/" + candidateId,
                    admin,
                    json -> candidateId.equals(json.path("candidateId").asText()));
            JsonNode rebuilt = http.awaitJson(
                    portfolio, admin, json -> json.path("evidence").size() == 1);
            assertThat(rebuilt.get("evidence")
                            .get(0)
                            .get("versions")
                            .get(0)
                            .get("sha256")
                            .asText())
                    .isEqualTo(files.get(0).sha256());
            JsonNode library = http.awaitJson(
                    "/api/library/documents/" + documentId,
                    admin,
                    json -> json.path("currentVersion").asInt() == 1);
            assertThat(library.get("versions").get(0).get("sha256").asText())
                    .isEqualTo(files.get(1).sha256());

            JsonNode verified = SealedChain.assertIntactAsSealed(http, admin, seal, "before the backup");
            assertThat(verified.get("firstBreak").isNull()).isTrue();

            for (RecordedFile file : files) {
                HttpResponse<byte[]> download = http.bytes(file.path(), admin);
                assertThat(download.statusCode()).as(file.path()).isEqualTo(200);
                assertThat(FileStore.sha256(download.body())).as(file.path()).isEqualTo(file.sha256());
                assertThat(download.headers().firstValue("X-Content-SHA256")).contains(file.sha256());
            }
        }
    }

    private static Set<String> union(List<String> readStore) {
        Set<String> all = new HashSet<>(readStore);
        all.addAll(NOT_IN_THE_READ_STORE);
        return all;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
