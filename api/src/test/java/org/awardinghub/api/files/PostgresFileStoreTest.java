package org.awardinghub.api.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.time.Clock;
import org.awardinghub.api.Migrations;
import org.awardinghub.api.ScratchPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The database's files on a real PostgreSQL, in a fresh database: the contract, and the content column a bytea (no
 * large object). Runs when {@code AWARDING_TEST_POSTGRES_URL} names a server's maintenance database, as the other
 * PostgreSQL tests; {@code .ci/run} sets it.
 */
@EnabledIfEnvironmentVariable(named = "AWARDING_TEST_POSTGRES_URL", matches = "jdbc:postgresql:.+")
class PostgresFileStoreTest extends FileStoreContract {

    private ScratchPostgres database;
    private JdbcTemplate jdbc;
    private DatabaseFileStore store;

    @BeforeEach
    void open() throws SQLException {
        database = ScratchPostgres.create("awarding_files_");
        var dataSource = new DriverManagerDataSource(database.url(), ScratchPostgres.USER, "");
        Migrations.apply(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        store = new DatabaseFileStore(dataSource, Clock.systemUTC());
    }

    @AfterEach
    void drop() throws SQLException {
        database.close();
    }

    @Override
    FileStore store() {
        return store;
    }

    @Override
    long kept() {
        return DatabaseFileStoreTest.rows(jdbc);
    }

    @Override
    void damage(String sha256) {
        DatabaseFileStoreTest.damage(jdbc, sha256);
    }

    @Test
    void givenTheTable_thenItsContentIsByteaAndNoLargeObjectIsLeft() {
        store.store(SampleFiles.pdf("Brake inspection sheet"));

        assertThat(jdbc.queryForObject(
                        "SELECT data_type FROM information_schema.columns"
                                + " WHERE table_name = 'stored_file' AND column_name = 'content'",
                        String.class))
                .isEqualTo("bytea");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_largeobject_metadata", Long.class))
                .isZero();
    }
}
