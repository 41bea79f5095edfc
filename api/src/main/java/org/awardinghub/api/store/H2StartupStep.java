package org.awardinghub.api.store;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.init.DataSourceScriptDatabaseInitializer;
import org.springframework.boot.sql.init.DatabaseInitializationSettings;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Work on the embedded H2 database at start-up, before JPA and the event processors touch it: a database
 * initializer, which Spring Boot runs before the entity manager exists, and after Flyway's migrations (Boot runs
 * Flyway's initializer before any script initializer). On any other database it does nothing.
 */
abstract class H2StartupStep extends DataSourceScriptDatabaseInitializer {

    private final DataSource dataSource;

    H2StartupStep(DataSource dataSource) {
        super(dataSource, new DatabaseInitializationSettings());
        this.dataSource = dataSource;
    }

    @Override
    public final boolean initializeDatabase() {
        return Databases.isH2(dataSource) && onH2(new JdbcTemplate(dataSource));
    }

    /** The step itself; true when it changed something. */
    abstract boolean onH2(JdbcTemplate jdbc);
}
