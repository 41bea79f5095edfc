package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

class H2EventSequenceTest {

    @TempDir
    Path dataDir;

    @Test
    void givenEventsStoredBeforeTheProcessWasKilled_whenStartedAgain_thenTheGlobalIndexGoesOnWithoutAHole()
            throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("events") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        killedAfterThreeEvents(url);

        withDatabase(url, jdbc -> {
            Long reserved = jdbc.queryForObject(
                    "SELECT BASE_VALUE FROM INFORMATION_SCHEMA.SEQUENCES"
                            + " WHERE SEQUENCE_NAME = 'DOMAIN_EVENT_ENTRY_SEQ'",
                    Long.class);
            assertThat(reserved).as("H2 left its cached values behind").isGreaterThan(4);

            new H2EventSequence(
                            new SingleConnectionDataSource(jdbc.getDataSource().getConnection(), true))
                    .initializeDatabase();

            assertThat(jdbc.queryForObject("VALUES NEXT VALUE FOR domain_event_entry_seq", Long.class))
                    .isEqualTo(4);
        });
    }

    @Test
    void givenADatabaseWithoutEventStore_whenStarted_thenNothingIsDone() throws Exception {
        String url = "jdbc:h2:file:" + dataDir.resolve("fresh") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        withDatabase(url, jdbc -> {
            boolean changed = new H2EventSequence(
                            new SingleConnectionDataSource(jdbc.getDataSource().getConnection(), true))
                    .initializeDatabase();

            assertThat(changed).isFalse();
        });
    }

    /** Stores three events in a process of its own, which is then killed, as {@code kill -9} would. */
    private static void killedAfterThreeEvents(String url) throws Exception {
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Killed.class.getName(),
                        url)
                .inheritIO()
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(Killed.EXIT);
    }

    /** The process that stores events and is killed. */
    public static final class Killed {

        static final int EXIT = 9;

        public static void main(String[] args) {
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(args[0], "sa", "", true));
            // as migration 1 creates them (and Hibernate did before): a sequence with H2's default cache of 32 values
            jdbc.execute("CREATE SEQUENCE domain_event_entry_seq START WITH 1 INCREMENT BY 1");
            jdbc.execute("CREATE TABLE domain_event_entry (global_index BIGINT PRIMARY KEY)");
            for (int i = 0; i < 3; i++) {
                jdbc.update("INSERT INTO domain_event_entry VALUES (NEXT VALUE FOR domain_event_entry_seq)");
            }
            Runtime.getRuntime().halt(EXIT);
        }
    }

    interface Work {
        void with(JdbcTemplate jdbc) throws Exception;
    }

    private static void withDatabase(String url, Work work) {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(url, "sa", "", true);
        try {
            work.with(new JdbcTemplate(dataSource));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            dataSource.destroy();
        }
    }
}
