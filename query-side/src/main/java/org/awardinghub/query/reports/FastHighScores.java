package org.awardinghub.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Attempts that scored at least {@link #HIGH_PERCENT}% in under a quarter of the time allowed (taken from start to
 * submission, allowed from start to the end time), in submission order, at most {@link #LISTED}; {@code total} says
 * how many there were. Voided attempts are listed, marked as such, and counted in {@code total}.
 */
public record FastHighScores(
        String centreId, String qualificationCode, LocalDate from, LocalDate to, long total, List<Attempt> attempts) {

    public static final double HIGH_PERCENT = 90.0;
    public static final int LISTED = 1000;

    /** {@code timeUsedPercent}: the share of the allowed time used, to one decimal. */
    public record Attempt(
            String attemptId,
            String candidateId,
            String registrationNumber,
            String centreId,
            String qualificationCode,
            String assessmentCode,
            String invigilatorPin,
            Instant startedAt,
            Instant submittedAt,
            double percent,
            long secondsTaken,
            long secondsAllowed,
            double timeUsedPercent,
            boolean voided) {}
}
