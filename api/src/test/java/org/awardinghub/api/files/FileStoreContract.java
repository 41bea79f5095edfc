package org.awardinghub.api.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * What every {@link FileStore} does, whichever keeps the bytes: content kept once under its SHA-256, read back
 * exactly, nothing answered for a value that is no address, and content damaged after it was kept never served whole.
 */
abstract class FileStoreContract {

    /** The store under test, over an empty place. */
    abstract FileStore store();

    /** How many contents the store keeps, counted where it keeps them. */
    abstract long kept() throws Exception;

    /** Changes the kept content behind the store's back, as a failing disk or a hand would. */
    abstract void damage(String sha256) throws Exception;

    @Test
    void givenAFile_whenStoredAndRead_thenTheSameBytesUnderTheirHash() throws IOException {
        byte[] bytes = new byte[700_000];
        new Random(7).nextBytes(bytes);

        FileStore.StoredContent stored = store().store(bytes);

        assertThat(stored.sha256()).isEqualTo(FileStore.sha256(bytes)).hasSize(64);
        assertThat(stored.size()).isEqualTo(700_000);
        assertThat(store().exists(stored.sha256())).isTrue();
        try (InputStream read = store().open(stored.sha256()).orElseThrow()) {
            assertThat(read.readAllBytes()).isEqualTo(bytes);
        }
    }

    @Test
    void givenTheSameBytesTwice_whenStored_thenKeptOnce() throws Exception {
        byte[] bytes = "the same evidence".getBytes(StandardCharsets.UTF_8);

        FileStore.StoredContent first = store().store(bytes);
        FileStore.StoredContent second = store().store(bytes);

        assertThat(second).isEqualTo(first);
        assertThat(kept()).isOne();
    }

    @Test
    void givenAnUnknownOrMalformedHash_whenAskedFor_thenNothing() {
        for (String notKept : new String[] {"0".repeat(64), "../etc/passwd", "A".repeat(64), "", null}) {
            assertThat(store().exists(notKept)).as(notKept).isFalse();
            assertThat(store().open(notKept)).as(notKept).isEmpty();
        }
    }

    @Test
    void givenContentDamagedAfterItWasKept_whenRead_thenTheReadFailsAndNeverDeliversItWhole() throws Exception {
        byte[] bytes = SampleFiles.pdf("Brake inspection sheet");
        String sha256 = store().store(bytes).sha256();

        damage(sha256);

        assertThatThrownBy(() -> {
                    try (InputStream read = store().open(sha256).orElseThrow()) {
                        read.readAllBytes();
                    }
                })
                .hasMessageContaining(sha256)
                .hasMessageContaining("no longer hashes to it");
    }

    @Test
    void knownAnswer() {
        assertThat(FileStore.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
