package org.awardinghub.command.assessment;

import java.time.Instant;
import java.util.List;
import org.axonframework.deadline.DeadlineManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The deadlines of an attempt, remembered by the scheduler's id in table {@code attempt_deadlines}, in the command's
 * own transaction. Axon's {@code cancelAllWithinScope} finds a deadline by reading and deserialising every pending
 * deadline of every attempt: with a room of candidates sitting, each start and each submission would read them all.
 * Cancelling by id touches one row. A deadline scheduled before this table existed has no row: it is not cancelled,
 * fires at its time and changes nothing, since each deadline handler checks the attempt's status first.
 */
@Component
class AttemptDeadlines {

    private final JdbcTemplate jdbc;

    public AttemptDeadlines(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Schedules the deadline for the attempt whose command is being handled, with the attempt id as payload. */
    void schedule(DeadlineManager deadlines, String attemptId, String deadlineName, Instant at) {
        String scheduleId = deadlines.schedule(at, deadlineName, attemptId);
        jdbc.update(
                "INSERT INTO attempt_deadlines (schedule_id, attempt_id, deadline_name) VALUES (?, ?, ?)",
                scheduleId,
                attemptId,
                deadlineName);
    }

    /** Cancels the attempt's pending deadlines of that name. */
    void cancel(DeadlineManager deadlines, String attemptId, String deadlineName) {
        List<String> scheduleIds = jdbc.queryForList(
                "SELECT schedule_id FROM attempt_deadlines" + " WHERE attempt_id = ? AND deadline_name = ?",
                String.class,
                attemptId,
                deadlineName);
        scheduleIds.forEach(scheduleId -> deadlines.cancelSchedule(deadlineName, scheduleId));
        forget(attemptId, deadlineName);
    }

    /** The deadline fired: nothing is left to cancel. */
    void fired(String attemptId, String deadlineName) {
        forget(attemptId, deadlineName);
    }

    private void forget(String attemptId, String deadlineName) {
        jdbc.update(
                "DELETE FROM attempt_deadlines WHERE attempt_id = ? AND deadline_name = ?", attemptId, deadlineName);
    }
}
