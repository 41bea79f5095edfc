package org.awardinghub.query.reports;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The attempt reports' figures ({@value ReportsProjection#MIGRATION}), in the reports processor beside
 * {@link ReportsProjection}: pass rates, unusually fast high scores and changes of answer from wrong to right.
 * Every attempt is one row ({@code report_attempts}), for the lists and for what a void must take away; marked
 * attempts are counted per centre, qualification, assessment and day submitted ({@code report_attempt_counts}), the
 * same nationally, without the centre ({@code report_assessment_counts}), and per centre and assessment over all time
 * ({@code report_attempt_totals}), so that centre and national figures over any period are sums of an index range,
 * and the standard deviation comes from the sum and the sum of squares.
 */
@Component
@ProcessingGroup(ReportsProjection.PROCESSING_GROUP)
class AttemptReports {

    private static final List<String> COUNTERS = List.of(
            "attempts", "passes", "answer_changes", "wrong_to_right", "wrong_to_right_squared", "with_wrong_to_right");

    private final JdbcTemplate jdbc;
    private final Counters centreCounts;
    private final Counters nationalCounts;
    private final Counters totals;

    public AttemptReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.centreCounts = new Counters(
                jdbc,
                "report_attempt_counts",
                List.of("centre_id", "qualification_code", "assessment_code", "submitted_on"),
                COUNTERS);
        this.nationalCounts = new Counters(
                jdbc,
                "report_assessment_counts",
                List.of("qualification_code", "assessment_code", "submitted_on"),
                COUNTERS);
        this.totals = new Counters(
                jdbc, "report_attempt_totals", List.of("centre_id", "qualification_code", "assessment_code"), COUNTERS);
    }

    @EventHandler
    void on(AttemptOpened event) {
        jdbc.update(
                "INSERT INTO report_attempts (attempt_id, candidate_id, registration_number, centre_id,"
                        + " qualification_code, assessment_code, invigilator_pin, fast_high, voided)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, FALSE, FALSE)",
                event.attemptId(),
                event.candidateId(),
                event.registrationNumber(),
                event.centreId(),
                event.qualificationCode(),
                event.assessmentCode(),
                event.invigilatorPin());
    }

    @EventHandler
    void on(AttemptSubmitted event) {
        AttemptSubmitted.AnswerChanges changes =
                event.answerChanges() == null ? AttemptSubmitted.AnswerChanges.NONE : event.answerChanges();
        boolean passed = event.outcome() == Outcome.PASS;
        Object[] result = {
            millis(event.startedAt()),
            millis(event.endsAt()),
            event.submittedAt().toEpochMilli(),
            event.percent(),
            passed,
            fastHigh(event),
            changes.changes(),
            changes.wrongToRight(),
            changes.rightToWrong(),
            event.attemptId()
        };
        int updated = jdbc.update(
                "UPDATE report_attempts SET started_at = ?, ends_at = ?, submitted_at = ?,"
                        + " percent = ?, passed = ?, fast_high = ?, changes = ?, wrong_to_right = ?, right_to_wrong = ?"
                        + " WHERE attempt_id = ?",
                result);
        if (updated == 0) { // opened before these reports were kept (not replayed since): the submission's own facts
            jdbc.update(
                    "INSERT INTO report_attempts (started_at, ends_at, submitted_at, percent, passed, fast_high,"
                            + " changes, wrong_to_right, right_to_wrong, attempt_id, candidate_id, centre_id,"
                            + " qualification_code, assessment_code, voided) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                            + " FALSE)",
                    append(
                            result,
                            event.candidateId(),
                            event.centreId(),
                            event.qualificationCode(),
                            event.assessmentCode()));
        }
        count(
                event.centreId(),
                event.qualificationCode(),
                event.assessmentCode(),
                event.submittedAt().toEpochMilli(),
                1,
                passed,
                changes.changes(),
                changes.wrongToRight());
    }

    /** A void takes a marked attempt out of the counts again; listed fast high scores stay, marked voided. */
    @EventHandler
    void on(AttemptVoided event) {
        jdbc.query(
                "SELECT centre_id, qualification_code, assessment_code, submitted_at, passed, changes,"
                        + " wrong_to_right FROM report_attempts WHERE attempt_id = ? AND voided = FALSE"
                        + " AND submitted_at IS NOT NULL",
                row -> {
                    count(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getLong(4),
                            -1,
                            row.getBoolean(5),
                            row.getInt(6),
                            row.getInt(7));
                },
                event.attemptId());
        jdbc.update("UPDATE report_attempts SET voided = TRUE WHERE attempt_id = ?", event.attemptId());
    }

    /**
     * A corrected result (issue 18): a pass that was a fail moves from one count to the other. The row's own
     * {@code passed} is the guard, so that the event delivered again moves nothing; the percent follows the new score.
     */
    @EventHandler
    void on(AttemptOutcomeChanged event) {
        boolean passed = event.outcome() == Outcome.PASS;
        jdbc.query(
                "SELECT centre_id, qualification_code, assessment_code, submitted_at, passed, changes,"
                        + " wrong_to_right FROM report_attempts WHERE attempt_id = ? AND voided = FALSE"
                        + " AND submitted_at IS NOT NULL AND passed <> ?",
                row -> {
                    for (int sign : new int[] {-1, 1}) {
                        count(
                                row.getString(1),
                                row.getString(2),
                                row.getString(3),
                                row.getLong(4),
                                sign,
                                sign < 0 ? row.getBoolean(5) : passed,
                                row.getInt(6),
                                row.getInt(7));
                    }
                },
                event.attemptId(),
                passed);
        jdbc.update(
                "UPDATE report_attempts SET passed = ?, percent = ? WHERE attempt_id = ?",
                passed,
                event.percent(),
                event.attemptId());
    }

    /** Adds ({@code sign} 1) or takes away (-1) one marked attempt. */
    private void count(
            String centreId,
            String qualificationCode,
            String assessmentCode,
            long submittedAt,
            int sign,
            boolean passed,
            int changes,
            int wrongToRight) {
        Date day = Date.valueOf(LocalDate.ofInstant(Instant.ofEpochMilli(submittedAt), ZoneOffset.UTC));
        long[] amounts = {
            sign,
            passed ? sign : 0,
            (long) sign * changes,
            (long) sign * wrongToRight,
            (long) sign * wrongToRight * wrongToRight,
            wrongToRight > 0 ? sign : 0
        };
        centreCounts.add(List.of(centreId, qualificationCode, assessmentCode, day), amounts);
        nationalCounts.add(List.of(qualificationCode, assessmentCode, day), amounts);
        totals.add(List.of(centreId, qualificationCode, assessmentCode), amounts);
    }

    /** At least {@link FastHighScores#HIGH_PERCENT}% in under a quarter of the time allowed (a quarter is not). */
    private static boolean fastHigh(AttemptSubmitted event) {
        if (event.percent() < FastHighScores.HIGH_PERCENT || event.startedAt() == null || event.endsAt() == null) {
            return false;
        }
        long taken = event.submittedAt().toEpochMilli() - event.startedAt().toEpochMilli();
        long allowed = event.endsAt().toEpochMilli() - event.startedAt().toEpochMilli();
        return 4 * taken < allowed;
    }

    @ResetHandler
    void reset() {
        ReportsProjection.empty(
                jdbc, "report_attempts", "report_attempt_counts", "report_assessment_counts", "report_attempt_totals");
    }

    @QueryHandler
    PassRates handle(PassRatesReport query) {
        Map<List<String>, Sums> national = national(query.qualificationCode(), query.from(), query.to());
        List<PassRates.Row> centres = new ArrayList<>();
        for (Sums centre : centres(query.centreId(), query.qualificationCode(), query.from(), query.to())) {
            Sums all = national.get(centre.assessment());
            double p = all.passes() / (double) all.attempts();
            double standardError = Math.sqrt(p * (1 - p) / centre.attempts());
            boolean flagged = centre.attempts() >= PassRates.MINIMUM_ATTEMPTS
                    && centre.passes() / (double) centre.attempts() > p + 2 * standardError;
            centres.add(new PassRates.Row(
                    centre.centreId(),
                    centre.qualificationCode(),
                    centre.assessmentCode(),
                    centre.attempts(),
                    centre.passes(),
                    Rounding.percent(centre.passes(), centre.attempts()),
                    Rounding.percent(all.passes(), all.attempts()),
                    Rounding.twoDecimals(standardError * 100),
                    flagged));
        }
        return new PassRates(
                query.centreId(),
                query.qualificationCode(),
                query.from(),
                query.to(),
                national.values().stream()
                        .map(all -> new PassRates.National(
                                all.qualificationCode(),
                                all.assessmentCode(),
                                all.attempts(),
                                all.passes(),
                                Rounding.percent(all.passes(), all.attempts())))
                        .toList(),
                centres);
    }

    @QueryHandler
    FastHighScores handle(FastHighScoresReport query) {
        Conditions filters = Conditions.of(query.centreId(), query.qualificationCode())
                .withinDays("submitted_at", query.from(), query.to());
        long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM report_attempts WHERE fast_high = TRUE" + filters.and(),
                Long.class,
                filters.arguments());
        List<FastHighScores.Attempt> attempts = jdbc.query(
                "SELECT attempt_id, candidate_id, registration_number,"
                        + " centre_id, qualification_code, assessment_code, invigilator_pin, started_at, submitted_at, percent,"
                        + " ends_at, voided FROM report_attempts WHERE fast_high = TRUE" + filters.and()
                        + " ORDER BY submitted_at, attempt_id FETCH FIRST " + FastHighScores.LISTED + " ROWS ONLY",
                (row, n) -> {
                    long started = row.getLong(8);
                    long taken = row.getLong(9) - started;
                    long allowed = row.getLong(11) - started;
                    return new FastHighScores.Attempt(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            row.getString(7),
                            Instant.ofEpochMilli(started),
                            Instant.ofEpochMilli(row.getLong(9)),
                            row.getDouble(10),
                            taken / 1000,
                            allowed / 1000,
                            Rounding.oneDecimal(taken * 100.0 / allowed),
                            row.getBoolean(12));
                },
                filters.arguments());
        return new FastHighScores(
                query.centreId(), query.qualificationCode(), query.from(), query.to(), total, attempts);
    }

    @QueryHandler
    AnswerChangePatterns handle(AnswerChangesReport query) {
        Map<List<String>, Sums> national = national(query.qualificationCode(), query.from(), query.to());
        List<AnswerChangePatterns.Row> centres = new ArrayList<>();
        long total = 0; // the attempts with any change from wrong to right, counted rather than read
        for (Sums centre : centres(query.centreId(), query.qualificationCode(), query.from(), query.to())) {
            total += centre.withWrongToRight();
            Sums all = national.get(centre.assessment());
            double standardError = all.standardDeviation() / Math.sqrt(centre.attempts());
            boolean flagged = centre.attempts() >= AnswerChangePatterns.MINIMUM_ATTEMPTS
                    && centre.meanWrongToRight() > all.meanWrongToRight() + 3 * standardError;
            centres.add(new AnswerChangePatterns.Row(
                    centre.centreId(),
                    centre.qualificationCode(),
                    centre.assessmentCode(),
                    centre.attempts(),
                    centre.changes(),
                    centre.wrongToRight(),
                    Rounding.twoDecimals(centre.meanWrongToRight()),
                    Rounding.twoDecimals(all.meanWrongToRight()),
                    Rounding.twoDecimals(standardError),
                    flagged));
        }
        Conditions filters = Conditions.of(query.centreId(), query.qualificationCode())
                .withinDays("submitted_at", query.from(), query.to());
        List<AnswerChangePatterns.Attempt> attempts = jdbc.query(
                "SELECT attempt_id, candidate_id,"
                        + " registration_number, centre_id, qualification_code, assessment_code, submitted_at, changes,"
                        + " wrong_to_right, right_to_wrong FROM report_attempts WHERE wrong_to_right > 0 AND voided = FALSE"
                        + filters.and() + " ORDER BY wrong_to_right DESC, submitted_at, attempt_id"
                        + " FETCH FIRST " + AnswerChangePatterns.LISTED + " ROWS ONLY",
                (row, n) -> {
                    Sums all = national.get(List.of(row.getString(5), row.getString(6)));
                    int wrongToRight = row.getInt(9);
                    return new AnswerChangePatterns.Attempt(
                            row.getString(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getString(6),
                            Instant.ofEpochMilli(row.getLong(7)),
                            row.getInt(8),
                            wrongToRight,
                            row.getInt(10),
                            wrongToRight >= AnswerChangePatterns.MINIMUM_WRONG_TO_RIGHT
                                    && wrongToRight > all.meanWrongToRight() + 3 * all.standardDeviation());
                },
                filters.arguments());
        return new AnswerChangePatterns(
                query.centreId(),
                query.qualificationCode(),
                query.from(),
                query.to(),
                national.values().stream()
                        .map(all -> new AnswerChangePatterns.National(
                                all.qualificationCode(),
                                all.assessmentCode(),
                                all.attempts(),
                                all.changes(),
                                all.wrongToRight(),
                                Rounding.twoDecimals(all.meanWrongToRight()),
                                Rounding.twoDecimals(all.standardDeviation())))
                        .toList(),
                centres,
                total,
                attempts);
    }

    /**
     * Marked attempts that were not voided, summed per assessment ({@code centreId} null: nationally) or per centre
     * and assessment.
     */
    private record Sums(
            String centreId,
            String qualificationCode,
            String assessmentCode,
            long attempts,
            long passes,
            long changes,
            long wrongToRight,
            long wrongToRightSquared,
            long withWrongToRight) {

        List<String> assessment() {
            return List.of(qualificationCode, assessmentCode);
        }

        double meanWrongToRight() {
            return wrongToRight / (double) attempts;
        }

        /** Of the attempts' wrong-to-right counts (the population's); never negative from rounding. */
        double standardDeviation() {
            double mean = meanWrongToRight();
            return Math.sqrt(Math.max(0, wrongToRightSquared / (double) attempts - mean * mean));
        }
    }

    /** Per qualification and assessment, in that order; a centre is never a filter here. */
    private Map<List<String>, Sums> national(String qualificationCode, LocalDate from, LocalDate to) {
        Map<List<String>, Sums> national = new LinkedHashMap<>();
        for (Sums all : sums(false, null, qualificationCode, from, to)) {
            national.put(all.assessment(), all);
        }
        return national;
    }

    /** Per centre, qualification and assessment, in that order. */
    private List<Sums> centres(String centreId, String qualificationCode, LocalDate from, LocalDate to) {
        return sums(true, centreId, qualificationCode, from, to);
    }

    /**
     * Summed per centre and assessment, or ({@code perCentre} false) nationally: over all time from the totals, over
     * a period from the days' counts, the centres' or the national ones.
     */
    private List<Sums> sums(
            boolean perCentre, String centreId, String qualificationCode, LocalDate from, LocalDate to) {
        Conditions filters = Conditions.of(centreId, qualificationCode).withinDates("submitted_on", from, to);
        String table = counts(perCentre, from, to);
        String groups = (perCentre ? "centre_id, " : "") + "qualification_code, assessment_code";
        return jdbc.query(
                "SELECT " + (perCentre ? "" : "NULL, ") + groups + ", "
                        + String.join(
                                ", ",
                                COUNTERS.stream()
                                        .map(counter -> "SUM(" + counter + ")")
                                        .toList())
                        + " FROM " + table + filters.where()
                        + " GROUP BY " + groups + " HAVING SUM(attempts) > 0 ORDER BY " + groups,
                (row, n) -> new Sums(
                        row.getString(1),
                        row.getString(2),
                        row.getString(3),
                        row.getLong(4),
                        row.getLong(5),
                        row.getLong(6),
                        row.getLong(7),
                        row.getLong(8),
                        row.getLong(9)),
                filters.arguments());
    }

    /**
     * The table of marked attempts to sum, per centre or ({@code perCentre} false) nationally: without a period the
     * all-time totals (per centre, summed for the national figures too), with one the days' counts. Filter it with
     * {@link Conditions#of} and {@code submitted_on}; the {@link FairAccessReports} count their attempts here too.
     */
    static String counts(boolean perCentre, LocalDate from, LocalDate to) {
        return from == null && to == null
                ? "report_attempt_totals"
                : perCentre ? "report_attempt_counts" : "report_assessment_counts";
    }

    private static Long millis(Instant at) {
        return at == null ? null : at.toEpochMilli();
    }

    private static Object[] append(Object[] first, Object... more) {
        Object[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }
}
