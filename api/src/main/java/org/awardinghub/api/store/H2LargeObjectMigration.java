package org.awardinghub.api.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migration 1.1, after Axon's tables: on H2, converts every {@code BLOB} column of a database created before {@link
 * VarbinaryH2Dialect} (the events, snapshots, tokens and dead letters of Axon's tables) to {@code VARBINARY}. The
 * conversion rewrites each such table once, keeping every value. A database created by migration 1, or one already
 * converted, has no such column, and PostgreSQL is left as it is: the migration is recorded and does nothing. Spring
 * Boot hands every {@link JavaMigration} bean to Flyway.
 */
@Component
class H2LargeObjectMigration implements JavaMigration {

    private static final Logger LOG = LoggerFactory.getLogger(H2LargeObjectMigration.class);

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("1.1");
    }

    @Override
    public String getDescription() {
        return "h2 binary columns as varbinary";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        List<String[]> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet found = statement.executeQuery("SELECT table_name, column_name"
                        + " FROM information_schema.columns WHERE table_schema = CURRENT_SCHEMA"
                        + " AND data_type = 'BINARY LARGE OBJECT' ORDER BY table_name, ordinal_position")) {
            while (found.next()) {
                columns.add(new String[] {found.getString(1), found.getString(2)});
            }
        }
        for (String[] column : columns) {
            LOG.info("Converting {}.{} from BLOB to VARBINARY (once)", column[0], column[1]);
            try (Statement statement = connection.createStatement()) {
                statement.execute(
                        "ALTER TABLE \"" + column[0] + "\" ALTER COLUMN \"" + column[1] + "\" SET DATA TYPE VARBINARY");
            }
        }
    }
}
