package org.awardinghub.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.awardinghub.api.Migrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database's files on H2 in memory, which takes the same migration: the contract, and what a row holds. {@link
 * PostgresFileStoreTest} runs the same on PostgreSQL.
 */
class DatabaseFileStoreTest extends FileStoreContract {

    static final Instant NOW = Instant.parse("2025-06-01T09:00:00Z");

    private JdbcTemplate jdbc;
    private DatabaseFileStore store;

    @BeforeEach
    void open() {
        var dataSource =
                new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Migrations.apply(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        store = new DatabaseFileStore(dataSource, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Override
    FileStore store() {
        return store;
    }

    @Override
    long kept() {
        return rows(jdbc);
    }

    @Override
    void damage(String sha256) {
        damage(jdbc, sha256);
    }

    static long rows(JdbcTemplate jdbc) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM stored_file", Long.class);
    }

    static void damage(JdbcTemplate jdbc, String sha256) {
        byte[] bytes = jdbc.queryForObject("SELECT content FROM stored_file WHERE sha256 = ?", byte[].class, sha256);
        bytes[bytes.length / 2] ^= 1;
        jdbc.update("UPDATE stored_file SET content = ? WHERE sha256 = ?", bytes, sha256);
    }

    @Test
    void givenAFile_whenStored_thenOneRowWithItsHashSizeAndTime() {
        byte[] bytes = SampleFiles.png();

        store.store(bytes);

        var row = jdbc.queryForMap("SELECT sha256, size, stored_at FROM stored_file");
        assertThat(row.get("sha256")).isEqualTo(FileStore.sha256(bytes));
        assertThat(((Number) row.get("size")).longValue()).isEqualTo(bytes.length);
        assertThat(((Number) row.get("stored_at")).longValue()).isEqualTo(NOW.toEpochMilli());
    }
}
