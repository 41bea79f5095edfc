package org.awardinghub.api.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoDatabase;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.RunningApplication;
import org.awardinghub.api.store.RestartTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory of a release that kept files in the read store's GridFS: the first start of this one copies them
 * into the file store, and they download as before.
 */
class FilesFromAnEarlierReleaseTest {

    @TempDir
    Path dataDir;

    @Test
    void givenALibraryFileKeptOnlyInTheReadStore_whenTheApplicationStarts_thenItIsCopiedAndDownloadsWithItsHash()
            throws IOException {
        byte[] bytes = SampleFiles.pdf("Specification kept by an earlier release");
        String sha256 = FileStore.sha256(bytes);
        String documentId;
        try (RunningApplication earlier = RunningApplication.start(dataDir, Map.of())) {
            var http = earlier.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            var uploaded = new MultipartForm()
                    .field("title", "Earlier specification")
                    .field("kind", "KEY_DOCUMENT")
                    .file("spec.pdf", bytes)
                    .post(http, "/api/library/documents", admin);
            assertThat(uploaded.status()).as(uploaded.toString()).isEqualTo(201);
            documentId = uploaded.json().get("documentId").asText();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> http.get("/api/library/documents/" + documentId, admin)
                                    .status()
                            == 200);
            // as the earlier release kept it: in the read store only
            ReadStoreFilesCopyTest.keptTheOldWay(earlier.bean(MongoDatabase.class), sha256, bytes);
        }
        deleteTree(dataDir.resolve("files"));

        try (RunningApplication upgraded = RunningApplication.start(dataDir, Map.of())) {
            var http = upgraded.http();
            String admin = RestartTest.login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);

            HttpResponse<byte[]> download =
                    http.bytes("/api/library/documents/" + documentId + "/versions/1/file", admin);

            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(bytes);
            assertThat(download.headers().firstValue(StoredFiles.SHA256_HEADER)).contains(sha256);
            assertThat(dataDir.resolve("files")
                            .resolve(sha256.substring(0, 2))
                            .resolve(sha256.substring(2, 4))
                            .resolve(sha256))
                    .hasBinaryContent(bytes);
            assertThat(upgraded.bean(MongoDatabase.class).listCollectionNames().into(new ArrayList<>()))
                    .as("the read store holds read models only")
                    .contains("library_documents")
                    .doesNotContain("content.files", "content.chunks");
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
