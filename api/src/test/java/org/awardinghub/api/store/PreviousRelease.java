package org.awardinghub.api.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the last release before Flyway made its relational schema, as settings for this release's application: no
 * Flyway; the scripts it ran at every start (copied unchanged under {@code previous-release/} of the test resources:
 * three by {@code spring.sql.init}, the audit, report and personnel scripts by their projections, the files script by
 * the database file store), and Axon's tables by Hibernate's {@code ddl-auto=update} with the same entities and
 * dialects. A database started with these holds what an installation of that release holds, data included.
 */
final class PreviousRelease {

    private static final List<String> SCRIPTS = List.of(
            "command-side.sql", "credentials.sql", "scheduler.sql", "audit.sql", "reports.sql", "personnel.sql");
    /**
     * Tables this release's code writes that the previous release did not have: the data is written here by this
     * release's code, so they are made too. Their migrations only create what is missing, as an upgrade needs.
     */
    private static final List<String> NEEDED_BY_THIS_RELEASE =
            List.of("classpath:db/migration/common/V10__address_limits_and_cluster_nodes.sql");

    /** Run by that release only where files were kept in the database ({@code postgres} profile). */
    private static final String FILES_SCRIPT = "files.sql";

    private PreviousRelease() {}

    /** The settings, over {@code database}'s; {@code databaseFiles} when files are kept in the database. */
    static Map<String, String> settings(Map<String, String> database, boolean databaseFiles) {
        Map<String, String> settings = new HashMap<>(database);
        // Its start only makes the database here: a connection may wait as long as it takes on a busy test machine,
        // where the bootstrap can otherwise find every connection held by the processors' first batches.
        settings.put("spring.datasource.hikari.connection-timeout", "30000");
        settings.put("spring.flyway.enabled", "false");
        settings.put("spring.jpa.hibernate.ddl-auto", "update");
        settings.put("spring.jpa.properties.hibernate.schema_update.unique_constraint_strategy", "RECREATE_QUIETLY");
        settings.put("spring.sql.init.mode", "always");
        settings.put("spring.sql.init.continue-on-error", "false");
        List<String> scripts = new ArrayList<>(SCRIPTS);
        if (databaseFiles) {
            scripts.add(FILES_SCRIPT);
        }
        List<String> locations = new ArrayList<>(scripts.stream()
                .map(script -> "classpath:previous-release/" + script)
                .toList());
        locations.addAll(NEEDED_BY_THIS_RELEASE);
        settings.put("spring.sql.init.schema-locations", String.join(",", locations));
        return settings;
    }
}
