package org.awardinghub.command.candidate;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads the lookup tables the assessment's and the ePortfolio's directories keep ({@code assessment_attempts},
 * {@code portfolio_assignments}), in the command's own transaction: the two contexts share these two questions,
 * not each other's classes.
 */
@Component
final class CandidateStaffDirectoryTable implements CandidateStaffDirectory {

    private final JdbcTemplate jdbc;

    CandidateStaffDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean invigilated(String userId, String candidateId) {
        return exists(
                "SELECT COUNT(*) FROM assessment_attempts WHERE candidate_id = ? AND invigilator_user_id = ?",
                candidateId,
                userId);
    }

    @Override
    public boolean assessesOrAssures(String userId, String candidateId) {
        return exists(
                "SELECT COUNT(*) FROM portfolio_assignments WHERE candidate_id = ?"
                        + " AND (assessor_user_id = ? OR iqa_user_id = ?)",
                candidateId,
                userId,
                userId);
    }

    private boolean exists(String countQuery, Object... arguments) {
        Integer count = jdbc.queryForObject(countQuery, Integer.class, arguments);
        return count != null && count > 0;
    }
}
