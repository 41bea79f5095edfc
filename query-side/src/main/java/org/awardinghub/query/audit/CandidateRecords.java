package org.awardinghub.query.audit;

import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which records name a candidate, from the audit log's {@code candidate_id} column through its index
 * {@code audit_log_candidate} (migration {@code V22}): one index range scan over the candidate's own events, however
 * long the log. A subject access export reads those records' events from the event store itself.
 */
@Component
class CandidateRecords {

    private final JdbcTemplate jdbc;

    CandidateRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<CandidateRecord> handle(FindCandidateRecords query) {
        return jdbc.query(
                "SELECT aggregate_type, aggregate_id, MIN(global_index) AS first_position FROM audit_log "
                        + "WHERE candidate_id = ? AND aggregate_id IS NOT NULL GROUP BY aggregate_type, aggregate_id "
                        + "ORDER BY first_position",
                (row, n) -> new CandidateRecord(row.getString(1), row.getString(2)),
                query.candidateId());
    }
}
