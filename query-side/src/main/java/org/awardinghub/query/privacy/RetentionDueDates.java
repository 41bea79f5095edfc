package org.awardinghub.query.privacy;

import java.sql.Date;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts the due dates again when the retention periods changed (ADR 0166): each row of {@code retention_records}
 * keeps the policy its due date was counted with, and a row counted with another is counted again with the
 * application's. The application does it at start-up and before each daily review, so that a period changed in
 * the settings applies to every record without a replay. A row the projection writes meanwhile is written with the
 * application's policy already, and is then left alone: the update is made only while the row names another. Every
 * node must have the same periods.
 */
@Component
public class RetentionDueDates {

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final RetentionPolicy policy;

    RetentionDueDates(JdbcTemplate jdbc, RetentionPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** Counts again every due date counted with another policy; answers how many changed. */
    public int recount() {
        String current = policy.fingerprint();
        int counted = 0;
        while (true) {
            List<RetentionProjection.Row> rows = jdbc.query(
                    "SELECT " + RetentionProjection.COLUMNS + " FROM retention_records WHERE policy <> ?"
                            + " ORDER BY candidate_id LIMIT " + CHUNK,
                    RetentionProjection::row,
                    current);
            if (rows.isEmpty()) {
                return counted;
            }
            for (RetentionProjection.Row row : rows) {
                counted += jdbc.update(
                        "UPDATE retention_records SET due_on = ?, policy = ? WHERE candidate_id = ? AND policy <> ?",
                        Date.valueOf(policy.dueOn(row.basis(), row.lastActivityOn(), row.keepUntil())),
                        current,
                        row.candidateId(),
                        current);
            }
        }
    }
}
