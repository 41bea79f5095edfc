package org.awardinghub.api.store;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * On H2, converts every {@code BLOB} column of a database created before {@link VarbinaryH2Dialect} (the events,
 * snapshots, tokens and dead letters of Axon's tables) to {@code VARBINARY}, once, at start-up, before JPA and the
 * event processors touch them: a database initializer, which Spring Boot runs before the entity manager exists.
 * The conversion rewrites each table once, keeping every value; a database already converted, or PostgreSQL, is left
 * as it is.
 */
@Component
class H2LargeObjectMigration extends H2StartupStep {

    private static final Logger LOG = LoggerFactory.getLogger(H2LargeObjectMigration.class);

    public H2LargeObjectMigration(DataSource dataSource) {
        super(dataSource);
    }

    @Override
    boolean onH2(JdbcTemplate jdbc) {
        List<String[]> columns = new ArrayList<>(jdbc.query(
                "SELECT table_name, column_name"
                        + " FROM information_schema.columns WHERE table_schema = 'PUBLIC'"
                        + " AND data_type = 'BINARY LARGE OBJECT' ORDER BY table_name, ordinal_position",
                (row, n) -> new String[] {row.getString(1), row.getString(2)}));
        for (String[] column : columns) {
            LOG.info("Converting {}.{} from BLOB to VARBINARY (once)", column[0], column[1]);
            jdbc.execute(
                    "ALTER TABLE \"" + column[0] + "\" ALTER COLUMN \"" + column[1] + "\" SET DATA TYPE VARBINARY");
        }
        return !columns.isEmpty();
    }
}
