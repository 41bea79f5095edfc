package org.awardinghub.query.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema script runs at every start. */
class AuditSchemaTest {

    @Test
    void givenTheSchemaWithRows_whenTheScriptRunsAgain_thenNothingIsLostOrDuplicated() {
        try (AuditStore store = new AuditStore()) {
            store.deliver(AuditStory.history().events());
            var before = store.everything();

            AuditSchema.create(store.dataSource);
            AuditSchema.create(store.dataSource);

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
                            "AUDIT_LINKS_WINDOW"));
        }
    }
}
