package org.awardinghub.command.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.assessment.AttemptKeyExpired;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.AttemptResumed;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every attempt, with its status and result, current within the transaction of the attempt's events (table
 * {@code assessment_attempts}): what the re-sit rules and certificate eligibility are judged on. Table
 * {@code open_attempts} holds the one attempt a candidate may have open (OPENED or STARTED) on an assessment;
 * its primary key is what refuses a second one, also when two invigilators open at the same moment: the later
 * transaction fails on the key and the whole command rolls back.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class AttemptDirectoryTable implements AttemptDirectory {

    private static final String ENTRY_COLUMNS =
            "attempt_id, candidate_id, centre_id, assessment_code, status, outcome, submitted_at";

    private final JdbcTemplate jdbc;

    AttemptDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AttemptOpened event) {
        jdbc.update(
                "INSERT INTO assessment_attempts (attempt_id, candidate_id, centre_id, assessment_code,"
                        + " attempt_number, status, invigilator_user_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                event.attemptId(),
                event.candidateId(),
                event.centreId(),
                event.assessmentCode(),
                event.attemptNumber(),
                AttemptStatus.OPENED.name(),
                event.invigilatorUserId());
        jdbc.update(
                "INSERT INTO open_attempts (candidate_id, assessment_code, attempt_id) VALUES (?, ?, ?)",
                event.candidateId(),
                event.assessmentCode(),
                event.attemptId());
        // a waiting re-sit waiver is used by the attempt that opens next (issue 18)
        jdbc.update(
                "UPDATE resit_waivers SET used_by_attempt_id = ? WHERE candidate_id = ? AND assessment_code = ?"
                        + " AND used_by_attempt_id IS NULL",
                event.attemptId(),
                event.candidateId(),
                event.assessmentCode());
    }

    @EventHandler
    void on(AttemptStarted event) {
        jdbc.update(
                "UPDATE assessment_attempts SET status = ? WHERE attempt_id = ?",
                AttemptStatus.STARTED.name(),
                event.attemptId());
    }

    @EventHandler
    void on(AttemptSubmitted event) {
        jdbc.update(
                "UPDATE assessment_attempts SET status = ?, outcome = ?, submitted_at = ? WHERE attempt_id = ?",
                AttemptStatus.SUBMITTED.name(),
                event.outcome().name(),
                event.submittedAt().toEpochMilli(),
                event.attemptId());
        closed(event.attemptId());
    }

    @EventHandler
    void on(AttemptPaused event) {
        jdbc.update(
                "UPDATE assessment_attempts SET paused_at = ? WHERE attempt_id = ?",
                event.pausedAt().toEpochMilli(),
                event.attemptId());
    }

    @EventHandler
    void on(AttemptResumed event) {
        jdbc.update("UPDATE assessment_attempts SET paused_at = NULL WHERE attempt_id = ?", event.attemptId());
    }

    @EventHandler
    void on(AttemptKeyExpired event) {
        jdbc.update(
                "UPDATE assessment_attempts SET status = ? WHERE attempt_id = ?",
                AttemptStatus.EXPIRED.name(),
                event.attemptId());
        closed(event.attemptId());
    }

    /** The outcome stays, for the record; the status says it counts for nothing. */
    @EventHandler
    void on(AttemptVoided event) {
        jdbc.update(
                "UPDATE assessment_attempts SET status = ? WHERE attempt_id = ?",
                AttemptStatus.VOIDED.name(),
                event.attemptId());
        closed(event.attemptId());
    }

    /** A corrected result is the attempt's result from now on (issue 18). */
    @EventHandler
    void on(AttemptOutcomeChanged event) {
        jdbc.update(
                "UPDATE assessment_attempts SET outcome = ? WHERE attempt_id = ?",
                event.outcome().name(),
                event.attemptId());
    }

    /** Special consideration decided VOID_AND_RESIT: the next attempt may open without the wait after a fail. */
    @EventHandler
    void on(SpecialConsiderationDecided event) {
        if (event.decision() == ConsiderationDecision.VOID_AND_RESIT) {
            jdbc.update(
                    "INSERT INTO resit_waivers (consideration_id, attempt_id, candidate_id, assessment_code)"
                            + " VALUES (?, ?, ?, ?)",
                    event.considerationId(),
                    event.attemptId(),
                    event.candidateId(),
                    event.assessmentCode());
        }
    }

    @Override
    public boolean resitWaived(String candidateId, String assessmentCode) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM resit_waivers WHERE candidate_id = ? AND assessment_code = ?"
                        + " AND used_by_attempt_id IS NULL",
                Integer.class,
                candidateId,
                assessmentCode);
        return count != null && count > 0;
    }

    @Override
    public Optional<AttemptEntry> find(String attemptId) {
        return jdbc
                .query(
                        "SELECT " + ENTRY_COLUMNS + " FROM assessment_attempts WHERE attempt_id = ?",
                        AttemptDirectoryTable::entry,
                        attemptId)
                .stream()
                .findFirst();
    }

    @Override
    public List<AttemptEntry> attemptsOf(String candidateId, String assessmentCode) {
        return jdbc.query(
                "SELECT " + ENTRY_COLUMNS + " FROM assessment_attempts"
                        + " WHERE candidate_id = ? AND assessment_code = ? ORDER BY attempt_number",
                AttemptDirectoryTable::entry,
                candidateId,
                assessmentCode);
    }

    @Override
    public int attemptCount(String candidateId, String assessmentCode) {
        Integer count = jdbc.queryForObject(
                "SELECT COUNT(*) FROM assessment_attempts" + " WHERE candidate_id = ? AND assessment_code = ?",
                Integer.class,
                candidateId,
                assessmentCode);
        return count == null ? 0 : count;
    }

    @Override
    public Set<String> passedAssessments(String candidateId) {
        List<String> codes = jdbc.queryForList(
                "SELECT DISTINCT assessment_code FROM assessment_attempts"
                        + " WHERE candidate_id = ? AND status = ? AND outcome = ? ORDER BY assessment_code",
                String.class,
                candidateId,
                AttemptStatus.SUBMITTED.name(),
                Outcome.PASS.name());
        return Collections.unmodifiableSet(new LinkedHashSet<>(codes));
    }

    @Override
    public Map<String, String> passingAttempts(String candidateId) {
        Map<String, String> passing = new LinkedHashMap<>();
        jdbc.query(
                "SELECT assessment_code, attempt_id FROM assessment_attempts"
                        + " WHERE candidate_id = ? AND status = ? AND outcome = ?"
                        + " ORDER BY assessment_code, attempt_number",
                row -> {
                    passing.putIfAbsent(row.getString(1), row.getString(2));
                },
                candidateId,
                AttemptStatus.SUBMITTED.name(),
                Outcome.PASS.name());
        return Collections.unmodifiableMap(passing);
    }

    @Override
    public List<AttemptEntry> runningAt(String centreId, boolean paused) {
        return jdbc.query(
                "SELECT " + ENTRY_COLUMNS + " FROM assessment_attempts WHERE centre_id = ? AND status = ? AND"
                        + (paused ? " paused_at IS NOT NULL" : " paused_at IS NULL") + " ORDER BY attempt_id",
                AttemptDirectoryTable::entry,
                centreId,
                AttemptStatus.STARTED.name());
    }

    private void closed(String attemptId) {
        jdbc.update("DELETE FROM open_attempts WHERE attempt_id = ?", attemptId);
    }

    private static AttemptEntry entry(ResultSet row, int rowNumber) throws SQLException {
        long millis = row.getLong("submitted_at");
        Instant submittedAt = row.wasNull() ? null : Instant.ofEpochMilli(millis);
        String outcome = row.getString("outcome");
        return new AttemptEntry(
                row.getString("attempt_id"),
                row.getString("candidate_id"),
                row.getString("centre_id"),
                row.getString("assessment_code"),
                AttemptStatus.valueOf(row.getString("status")),
                outcome == null ? null : Outcome.valueOf(outcome),
                submittedAt);
    }
}
