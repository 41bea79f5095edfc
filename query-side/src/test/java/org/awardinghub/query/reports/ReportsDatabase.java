package org.awardinghub.query.reports;

import java.util.List;
import java.util.UUID;
import org.awardinghub.query.Migrations;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The reports processor's four components on a fresh database with the application's migrations: in-memory H2 by default;
 * given {@code -Dreports.jdbc.url=jdbc:postgresql://host:port/db?user=...}, a fresh schema in that PostgreSQL
 * database (dropped at the end), so that the same tests check the schema and every query there too.
 */
final class ReportsDatabase implements AutoCloseable {

    private static final String POSTGRES_URL = System.getProperty("reports.jdbc.url");

    final SingleConnectionDataSource dataSource;
    final JdbcTemplate jdbc;
    final ReportsProjection projection;
    final AmendmentReports amendments;
    final AttemptReports attempts;
    final FairAccessReports fairAccess;
    private final String schema;

    ReportsDatabase() {
        if (POSTGRES_URL == null) {
            schema = null;
            dataSource = new SingleConnectionDataSource("jdbc:h2:mem:reports-" + UUID.randomUUID(), true);
        } else {
            schema = "reports_" + UUID.randomUUID().toString().replace("-", "");
            administer("CREATE SCHEMA " + schema);
            dataSource = new SingleConnectionDataSource(
                    POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, true);
        }
        jdbc = new JdbcTemplate(dataSource);
        Migrations.apply(dataSource);
        projection = new ReportsProjection(jdbc);
        amendments = new AmendmentReports(jdbc);
        attempts = new AttemptReports(jdbc);
        fairAccess = new FairAccessReports(jdbc);
    }

    /** As the processor holds them: every component of the "reports" group. */
    List<Object> components() {
        return List.of(projection, amendments, attempts, fairAccess);
    }

    /** The report tables, by name, each with how many rows it holds ({@code report_claims=0}). */
    List<String> tablesWithRows() {
        return jdbc
                .queryForList(
                        "SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES"
                                + " WHERE TABLE_SCHEMA = CURRENT_SCHEMA AND LOWER(TABLE_NAME) LIKE 'report%' ORDER BY 1",
                        String.class)
                .stream()
                .map(table -> table + "=" + jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class))
                .toList();
    }

    @Override
    public void close() {
        dataSource.destroy();
        if (schema != null) {
            administer("DROP SCHEMA " + schema + " CASCADE");
        }
    }

    private static void administer(String statement) {
        SingleConnectionDataSource admin = new SingleConnectionDataSource(POSTGRES_URL, true);
        new JdbcTemplate(admin).execute(statement);
        admin.destroy();
    }
}
