package org.awardinghub.api.files;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Files in the relational database, table {@code stored_file} (migration {@code V8__stored_files.sql}, ADR 0146): with the {@code postgres} profile every node shares them, and one dump of the
 * database holds the events and the files they name. Each insert commits on its own, before the command that names
 * the file, and is read back and hashed before the store answers; a read is hashed before a byte is served. Content
 * is held in memory whole on the way in and out, as the upload already is (25 MB at most).
 */
final class DatabaseFileStore implements FileStore {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFileStore.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DatabaseFileStore(DataSource dataSource, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
    }

    @Override
    public StoredContent store(byte[] bytes) {
        String sha256 = FileStore.sha256(bytes);
        if (!exists(sha256)) {
            try {
                jdbc.update(
                        "INSERT INTO stored_file (sha256, size, content, stored_at) VALUES (?, ?, ?, ?)",
                        sha256,
                        (long) bytes.length,
                        bytes,
                        clock.millis());
            } catch (DuplicateKeyException storedMeanwhile) {
                // the same bytes uploaded at the same moment, by another request or node: kept once
            }
            if (!read(sha256).map(kept -> FileStore.sha256(kept).equals(sha256)).orElse(false)) {
                throw new DamagedContent(sha256, "just written to stored_file");
            }
        }
        return new StoredContent(sha256, bytes.length);
    }

    @Override
    public boolean exists(String sha256) {
        return FileStore.isAddress(sha256)
                && !jdbc.queryForList("SELECT 1 FROM stored_file WHERE sha256 = ?", Integer.class, sha256)
                        .isEmpty();
    }

    @Override
    public Optional<InputStream> open(String sha256) {
        if (!FileStore.isAddress(sha256)) {
            return Optional.empty();
        }
        return read(sha256).map(content -> {
            String read = FileStore.sha256(content);
            if (!read.equals(sha256)) {
                DamagedContent damaged = new DamagedContent(sha256, "in stored_file");
                LOG.error("{}: it hashes to {}; restore the row from a backup", damaged.getMessage(), read);
                throw damaged;
            }
            return new ByteArrayInputStream(content);
        });
    }

    @Override
    public String describe() {
        return "the table stored_file";
    }

    private Optional<byte[]> read(String sha256) {
        List<byte[]> found =
                jdbc.query("SELECT content FROM stored_file WHERE sha256 = ?", (row, n) -> row.getBytes(1), sha256);
        return found.stream().findFirst();
    }
}
