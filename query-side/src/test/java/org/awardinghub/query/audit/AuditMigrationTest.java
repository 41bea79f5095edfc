package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.awardinghub.query.Migrations;
import org.junit.jupiter.api.Test;

/**
 * The audit log's migration takes over the tables of a release before Flyway, which ran the same script at every
 * start: on a database baselined below it (ADR 0146) it runs over tables that hold rows, and only creates what is
 * missing.
 */
class AuditMigrationTest {

    @Test
    void givenTheAuditLogWithRows_whenItsMigrationRunsOverIt_thenNothingIsLostOrDuplicated() {
        try (AuditStore store = new AuditStore()) {
            store.deliver(AuditStory.history().events());
            var before = store.everything();

            Migrations.apply(store.dataSource);

            assertThat(store.everything()).isEqualTo(before);
            String indexes = store.onPostgres()
                    ? "SELECT UPPER(indexname) FROM pg_indexes WHERE schemaname = current_schema() "
                            + "AND indexname LIKE 'audit%' AND indexname NOT LIKE '%_pkey'"
                    : "SELECT index_name FROM information_schema.indexes "
                            + "WHERE table_name IN ('AUDIT_LOG', 'AUDIT_LINKS') AND index_name LIKE 'AUDIT%'";
            assertThat(store.jdbc.queryForList(indexes, String.class))
                    .containsExactlyInAnyOrderElementsOf(List.of(
                            "AUDIT_LOG_RECORD",
                            "AUDIT_LOG_ACTOR",
                            "AUDIT_LOG_CENTRE",
                            "AUDIT_LOG_TIME",
                            "AUDIT_LOG_ACTOR_TIME",
                            "AUDIT_LOG_CENTRE_TIME",
                            "AUDIT_LOG_CANDIDATE",
                            "AUDIT_LOG_EVENT_TYPE",
                            "AUDIT_LINKS_WINDOW"));
        }
    }
}
