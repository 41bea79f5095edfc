package org.awardinghub.api.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the last release before Flyway made its relational schema, as settings for this release's application: no
 * Flyway; the scripts it ran at every start (migrations V2 to V8 now, statement for statement:
 * three by {@code spring.sql.init}, the audit, report and personnel scripts by their projections, the files script by
 * the database file store), and Axon's tables by Hibernate's {@code ddl-auto=update} with the same entities and
 * dialects. A database started with these holds what an installation of that release holds, data included.
 */
final class PreviousRelease {

    /**
     * The scripts that release ran at every start. Migrations V2 to V8 are those scripts, statement for statement
     * (their comments apart), so that they take over a database those scripts made (ADR 0146); Flyway's checksums keep
     * them so. Run here by {@code spring.sql.init}, without Flyway, they make what that release made.
     */
    private static final List<String> SCRIPTS = List.of(
            "V2__command_side_lookups.sql",
            "V3__credentials_sessions_and_outbox.sql",
            "V4__deadlines.sql",
            "V5__audit_log.sql",
            "V6__compliance_reports.sql",
            "V7__personnel_reports.sql");
    /** Run by that release only where files were kept in the database ({@code postgres} profile). */
    private static final String FILES_SCRIPT = "V8__stored_files.sql";
    /**
     * Tables this release's code writes that the previous release did not have: the data is written here by this
     * release's code, so they are made too. Their migrations only create what is missing, as an upgrade needs.
     */
    private static final List<String> NEEDED_BY_THIS_RELEASE = List.of(
            "V10__address_limits_and_cluster_nodes.sql",
            "V12__access_arrangements.sql",
            "V13__invigilation.sql",
            "V14__special_consideration_and_appeals.sql",
            "V15__notification_preferences.sql",
            "V15_1__notifications_sent.sql",
            "V16__fair_access_reports.sql",
            "V17__personnel_fair_access.sql",
            "V18__pending_access_arrangements.sql",
            "V19__personal_data_keys.sql",
            "V19_1__audit_hashes_before_sealing.sql",
            "V20__retention_records.sql",
            "V20_1__retention_reviews.sql",
            "V21__late_amendments_by_candidate.sql",
            "V22__audit_log_by_candidate.sql",
            "V23__rule_runs.sql",
            "V23_1__cases_of_rule_runs.sql",
            "V24__regulator_returns.sql");

    private PreviousRelease() {}

    /** The settings, over {@code database}'s; {@code databaseFiles} when files are kept in the database. */
    static Map<String, String> settings(Map<String, String> database, boolean databaseFiles) {
        Map<String, String> settings = new HashMap<>(database);
        settings.put("spring.flyway.enabled", "false");
        settings.put("spring.jpa.hibernate.ddl-auto", "update");
        settings.put("spring.jpa.properties.hibernate.schema_update.unique_constraint_strategy", "RECREATE_QUIETLY");
        settings.put("spring.sql.init.mode", "always");
        settings.put("spring.sql.init.continue-on-error", "false");
        List<String> scripts = new ArrayList<>(SCRIPTS);
        if (databaseFiles) {
            scripts.add(FILES_SCRIPT);
        }
        scripts.addAll(NEEDED_BY_THIS_RELEASE);
        settings.put(
                "spring.sql.init.schema-locations",
                scripts.stream()
                        .map(script -> "classpath:db/migration/common/" + script)
                        .collect(Collectors.joining(",")));
        return settings;
    }
}
