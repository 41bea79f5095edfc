package org.awardinghub.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The figures of a return that differ between two instants, {@code since} and {@code asOf}, each with its value at
 * both and the events between them that moved it (in global order). Figures in centre, qualification, assessment,
 * measure order. At most {@link #LISTED} events are listed in all; {@code events} counts them all.
 */
public record ReturnChanges(
        String code,
        LocalDate from,
        LocalDate to,
        Instant since,
        Instant asOf,
        String centreId,
        long events,
        List<Change> changes) {

    public static final int LISTED = 1000;

    public record Change(
            String centreId,
            String qualificationCode,
            String assessmentCode,
            String measure,
            long before,
            long after,
            List<ChangeCause> causes) {}

    /**
     * One event that moved a figure, by {@code delta}: its global position (for an event committed into a gap, the
     * position the processor had read to), id, type, when it occurred, who acted, and its record.
     */
    public record ChangeCause(
            long globalPosition,
            String eventId,
            String eventType,
            Instant occurredAt,
            String actorPin,
            String recordType,
            String recordId,
            long delta) {}
}
