package org.awardinghub.api.store;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Rebuilds every read model of the embedded read store when its file is new but the relational database is not: a
 * data directory restored from the events and the files alone, or whose {@code readmodels.mv.db} was deleted. The
 * tokens of the processors that write to the read store would say that every event had been applied, and the empty
 * collections would never fill; so, at start-up, before JPA and the processors touch the database (a database
 * initializer, as {@link H2StartupStep}), their tokens and dead letters are deleted, and each processor starts again
 * from the first event, as after a reset. The relational read models (audit, reports, personnel) live beside their
 * tokens and are left alone; so is the certification policy, which sends commands and must never replay. With a real
 * MongoDB ({@code mongo} profile) nothing is done here: restore it with its tokens, or rebuild it as {@code
 * docs/operations.md} says.
 */
@Component
class NewReadStoreRebuild extends DataSourceScriptDatabaseInitializer {

    /** The processors whose read models are in the read store: processing-group names, stored data. */
    static final List<String> READ_STORE_PROCESSORS = List.of(
            "hub", "catalogue", "portal", "assessment", "item-statistics", "certification", "library", "portfolio");

    private static final Logger LOG = LoggerFactory.getLogger(NewReadStoreRebuild.class);

    private final JdbcTemplate jdbc;
    private final Optional<EmbeddedReadStore> readStore;

    public NewReadStoreRebuild(DataSource dataSource, Optional<EmbeddedReadStore> readStore) {
        super(dataSource, new DatabaseInitializationSettings());
        this.jdbc = new JdbcTemplate(dataSource);
        this.readStore = readStore;
    }

    @Override
    public boolean initializeDatabase() {
        if (readStore.isEmpty() || !readStore.get().createdNow() || !exists("token_entry")) {
            return false;
        }
        String names = String.join(", ", Collections.nCopies(READ_STORE_PROCESSORS.size(), "?"));
        Object[] processors = READ_STORE_PROCESSORS.toArray();
        int tokens = jdbc.update("DELETE FROM token_entry WHERE processor_name IN (" + names + ")", processors);
        if (exists("dead_letter_entry")) {
            jdbc.update("DELETE FROM dead_letter_entry WHERE processing_group IN (" + names + ")", processors);
        }
        if (tokens > 0) {
            LOG.warn(
                    "The read store ({}) is new, and the event store is not: the processors {} start again from the"
                            + " first event and rebuild their read models",
                    EmbeddedReadStore.FILE,
                    READ_STORE_PROCESSORS);
        }
        return tokens > 0;
    }

    private boolean exists(String table) {
        Integer found = jdbc.queryForObject(
                "SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE LOWER(table_schema) = LOWER(CURRENT_SCHEMA) AND LOWER(table_name) = ?",
                Integer.class,
                table);
        return found != null && found > 0;
    }
}
