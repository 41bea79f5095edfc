package org.awardinghub.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded default's files: {@code files/ab/cd/<sha256>} under the data directory, the server user's only. */
class DirectoryFileStoreTest extends FileStoreContract {

    @TempDir
    Path dataDir;

    private Path root;
    private DirectoryFileStore store;

    @BeforeEach
    void open() {
        root = dataDir.resolve("files");
        store = new DirectoryFileStore(root);
    }

    @Override
    FileStore store() {
        return store;
    }

    @Override
    long kept() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    @Override
    void damage(String sha256) throws IOException {
        byte[] bytes = Files.readAllBytes(store.pathOf(sha256));
        bytes[bytes.length / 2] ^= 1;
        Files.write(store.pathOf(sha256), bytes);
    }

    @Test
    void givenAFile_whenStored_thenItIsOneFileNamedByItsHashInTwoLevelsOfFoldersAndNothingIsLeftInTmp()
            throws IOException {
        byte[] bytes = "an evidence photo".getBytes(StandardCharsets.UTF_8);
        String sha256 = FileStore.sha256(bytes);

        store.store(bytes);

        Path file = root.resolve(sha256.substring(0, 2))
                .resolve(sha256.substring(2, 4))
                .resolve(sha256);
        assertThat(file).hasBinaryContent(bytes);
        try (Stream<Path> temporary = Files.list(root.resolve("tmp"))) {
            assertThat(temporary).isEmpty();
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            for (Path folder :
                    new Path[] {root, file.getParent(), file.getParent().getParent()}) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                        .as(folder.toString())
                        .isEqualTo("rwx------");
            }
        }
    }

    @Test
    void givenAPartLeftByAStopMidWrite_whenTheStoreOpens_thenItIsDeletedAndNothingElse() throws IOException {
        byte[] bytes = "kept before the stop".getBytes(StandardCharsets.UTF_8);
        store.store(bytes);
        Path part = Files.write(root.resolve("tmp").resolve("half-written.part"), new byte[] {1, 2, 3});

        DirectoryFileStore reopened = new DirectoryFileStore(root);

        assertThat(part).doesNotExist();
        try (InputStream read = reopened.open(FileStore.sha256(bytes)).orElseThrow()) {
            assertThat(read.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void givenAFileCutShort_whenTheSameBytesAreStoredAgain_thenItIsWrittenWholeAgain() throws IOException {
        byte[] bytes = SampleFiles.pdf("Wheel alignment record");
        String sha256 = store.store(bytes).sha256();
        Files.write(store.pathOf(sha256), new byte[] {'%', 'P', 'D', 'F'});

        store.store(bytes);

        assertThat(store.pathOf(sha256)).hasBinaryContent(bytes);
    }
}
