package org.awardinghub.query.reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.awardinghub.events.appeal.AppealDecided;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ClericalReCheckCompleted;
import org.awardinghub.events.appeal.ReCheckOutcome;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The fair-access report's figures ({@code V16__fair_access_reports.sql}), in the reports processor beside
 * {@link ReportsProjection}, so that they commit with its token: every access arrangement, special consideration,
 * result enquiry and appeal one row ({@code report_fair_access}), written when it is made and given its outcome when
 * it is decided. The attempts they are set against are {@link AttemptReports}' counters; an arrangement's
 * qualification is the candidate's in {@code report_candidates} ({@link AmendmentReports}), which the processor's
 * one segment has brought up to the arrangement. A case delivered again is counted once, and a decision delivered
 * again sets the same outcome.
 */
@Component
@ProcessingGroup(ReportsProjection.PROCESSING_GROUP)
class FairAccessReports {

    /** The four measures, in the report's order, as {@code report_fair_access.measure} names them. */
    enum Measure {
        ACCESS_ARRANGEMENT,
        SPECIAL_CONSIDERATION,
        RESULT_ENQUIRY,
        APPEAL
    }

    private static final String PENDING = "PENDING";

    private final JdbcTemplate jdbc;

    public FairAccessReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(AccessArrangementRequested event) {
        String qualification = jdbc.query(
                "SELECT qualification_code FROM report_candidates WHERE candidate_id = ?",
                rows -> rows.next() ? rows.getString(1) : "",
                event.candidateId());
        opened(event.arrangementId(), Measure.ACCESS_ARRANGEMENT, event.centreId(), qualification, event.requestedAt());
    }

    /** By policy (at once) or by IMI: both approved. */
    @EventHandler
    void on(AccessArrangementApproved event) {
        decided(event.arrangementId(), Measure.ACCESS_ARRANGEMENT, "APPROVED", true);
    }

    @EventHandler
    void on(AccessArrangementRejected event) {
        decided(event.arrangementId(), Measure.ACCESS_ARRANGEMENT, "REJECTED", false);
    }

    @EventHandler
    void on(SpecialConsiderationApplied event) {
        opened(
                event.considerationId(),
                Measure.SPECIAL_CONSIDERATION,
                event.centreId(),
                qualification(event.qualificationCode(), event.attemptId()),
                event.appliedAt());
    }

    @EventHandler
    void on(SpecialConsiderationDecided event) {
        decided(
                event.considerationId(),
                Measure.SPECIAL_CONSIDERATION,
                event.decision().name(),
                event.decision() != ConsiderationDecision.REJECTED);
    }

    @EventHandler
    void on(ResultEnquiryRaised event) {
        opened(
                event.enquiryId(),
                Measure.RESULT_ENQUIRY,
                event.centreId(),
                qualification(event.qualificationCode(), event.attemptId()),
                event.raisedAt());
    }

    /** The enquiry's first stage decides it: a result CHANGED went the centre's way. */
    @EventHandler
    void on(ClericalReCheckCompleted event) {
        decided(
                event.enquiryId(),
                Measure.RESULT_ENQUIRY,
                event.result().name(),
                event.result() == ReCheckOutcome.CHANGED);
    }

    @EventHandler
    void on(AppealLodged event) {
        opened(
                event.enquiryId(),
                Measure.APPEAL,
                event.centreId(),
                qualification(null, event.attemptId()),
                event.lodgedAt());
    }

    @EventHandler
    void on(AppealDecided event) {
        decided(event.enquiryId(), Measure.APPEAL, event.decision().name(), event.decision() == AppealDecision.UPHELD);
    }

    /** The qualification given, or else the attempt's ({@code report_attempts}), or else none (""). */
    private String qualification(String given, String attemptId) {
        if (given != null) {
            return given;
        }
        return jdbc.query(
                "SELECT qualification_code FROM report_attempts WHERE attempt_id = ?",
                rows -> rows.next() ? rows.getString(1) : "",
                attemptId);
    }

    private void opened(String caseId, Measure measure, String centreId, String qualificationCode, Instant at) {
        Integer known = jdbc.queryForObject(
                "SELECT COUNT(*) FROM report_fair_access WHERE case_id = ? AND measure = ?",
                Integer.class,
                caseId,
                measure.name());
        if (known == null || known == 0) {
            jdbc.update(
                    "INSERT INTO report_fair_access (case_id, measure, centre_id, qualification_code, opened_at,"
                            + " outcome, favourable) VALUES (?, ?, ?, ?, ?, ?, FALSE)",
                    caseId,
                    measure.name(),
                    centreId,
                    qualificationCode,
                    at.toEpochMilli(),
                    PENDING);
        }
    }

    private void decided(String caseId, Measure measure, String outcome, boolean favourable) {
        jdbc.update(
                "UPDATE report_fair_access SET outcome = ?, favourable = ? WHERE case_id = ? AND measure = ?",
                outcome,
                favourable,
                caseId,
                measure.name());
    }

    @ResetHandler
    void reset() {
        ReportsProjection.empty(jdbc, "report_fair_access");
    }

    @QueryHandler
    FairAccess handle(FairAccessReport query) {
        String qualification = query.qualificationCode();
        LocalDate from = query.from();
        LocalDate to = query.to();
        long nationalAttempts = nationalAttempts(qualification, from, to);
        long[][] national = cases(false, null, qualification, from, to).getOrDefault("", new long[4][3]);
        Map<String, Long> attempts = attempts(query.centreId(), qualification, from, to);
        Map<String, long[][]> cases = cases(true, query.centreId(), qualification, from, to);
        Set<String> centres = new TreeSet<>(attempts.keySet());
        centres.addAll(cases.keySet());
        return new FairAccess(
                query.centreId(),
                qualification,
                from,
                to,
                new FairAccess.National(
                        nationalAttempts,
                        total(national[0], nationalAttempts),
                        total(national[1], nationalAttempts),
                        total(national[2], nationalAttempts),
                        total(national[3], nationalAttempts)),
                centres.stream()
                        .map(centre -> {
                            long n = attempts.getOrDefault(centre, 0L);
                            long[][] own = cases.getOrDefault(centre, new long[4][3]);
                            return new FairAccess.Row(
                                    centre,
                                    n,
                                    measure(own[0], n, national[0], nationalAttempts),
                                    measure(own[1], n, national[1], nationalAttempts),
                                    measure(own[2], n, national[2], nationalAttempts),
                                    measure(own[3], n, national[3], nationalAttempts));
                        })
                        .toList());
    }

    /** Marked attempts not voided per centre, in the scope (only centres with some). */
    private Map<String, Long> attempts(String centreId, String qualificationCode, LocalDate from, LocalDate to) {
        Conditions filters = Conditions.of(centreId, qualificationCode).withinDates("submitted_on", from, to);
        Map<String, Long> attempts = new TreeMap<>();
        jdbc.query(
                "SELECT centre_id, SUM(attempts) FROM " + AttemptReports.counts(true, from, to) + filters.where()
                        + " GROUP BY centre_id HAVING SUM(attempts) > 0",
                row -> {
                    attempts.put(row.getString(1), row.getLong(2));
                },
                filters.arguments());
        return attempts;
    }

    private long nationalAttempts(String qualificationCode, LocalDate from, LocalDate to) {
        Conditions filters = Conditions.of(null, qualificationCode).withinDates("submitted_on", from, to);
        Long attempts = jdbc.queryForObject(
                "SELECT SUM(attempts) FROM " + AttemptReports.counts(false, from, to) + filters.where(),
                Long.class,
                filters.arguments());
        return attempts == null ? 0 : attempts;
    }

    /**
     * The cases made in the scope, per centre ({@code perCentre}) or nationally (under ""): for each measure in
     * {@link Measure} order, how many, how many decided, how many favourable.
     */
    private Map<String, long[][]> cases(
            boolean perCentre, String centreId, String qualificationCode, LocalDate from, LocalDate to) {
        Conditions filters = Conditions.of(centreId, qualificationCode).withinDays("opened_at", from, to);
        Map<String, long[][]> cases = new TreeMap<>();
        jdbc.query(
                "SELECT " + (perCentre ? "centre_id" : "''") + ", measure, COUNT(*),"
                        + " SUM(CASE WHEN outcome <> '" + PENDING + "' THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN favourable THEN 1 ELSE 0 END) FROM report_fair_access" + filters.where()
                        + " GROUP BY " + (perCentre ? "centre_id, " : "") + "measure",
                row -> {
                    long[][] counts = cases.computeIfAbsent(row.getString(1), centre -> new long[4][3]);
                    counts[Measure.valueOf(row.getString(2)).ordinal()] =
                            new long[] {row.getLong(3), row.getLong(4), row.getLong(5)};
                },
                filters.arguments());
        return cases;
    }

    private static FairAccess.Total total(long[] counts, long attempts) {
        return new FairAccess.Total(counts[0], counts[1], counts[2], per100(counts[0], attempts));
    }

    /** One measure at a centre with {@code attempts}, against the national counts; the flag as {@link FairAccess}. */
    private static FairAccess.Measure measure(long[] counts, long attempts, long[] national, long nationalAttempts) {
        Double standardError = null;
        boolean flagged = false;
        if (attempts > 0 && nationalAttempts > 0) {
            double lambda = national[0] / (double) nationalAttempts;
            double error = Math.sqrt(lambda / attempts);
            standardError = Rounding.twoDecimals(100 * error);
            flagged = attempts >= FairAccess.MINIMUM_ATTEMPTS
                    && counts[0] / (double) attempts > lambda + 2 * error
                    && PoissonTail.atLeast(counts[0], lambda * attempts) < FairAccess.SIGNIFICANCE;
        }
        return new FairAccess.Measure(
                counts[0],
                counts[1],
                counts[2],
                per100(counts[0], attempts),
                per100(national[0], nationalAttempts),
                standardError,
                flagged);
    }

    /** Cases per 100 attempts, to two decimals; null without attempts. */
    private static Double per100(long count, long attempts) {
        return attempts == 0 ? null : Rounding.twoDecimals(count * 100.0 / attempts);
    }
}
