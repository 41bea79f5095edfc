package org.awardinghub.query.reports;

import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.ClaimRejected;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The regulator returns' ledger ({@value #MIGRATION}, ADR 0169): every change of a return's figure, one row each,
 * with the event that caused it, so that a return as of any instant is a sum over one index range and two instants
 * compare by the rows between them. Later events move earlier days' figures where a regulator expects it: a
 * qualification amendment or a transfer moves a registration (a -1 and a +1 naming the amendment), a void takes an
 * attempt off the day it was submitted, a revocation counts on the day the certificate was issued.
 * Its own processor ({@value #PROCESSING_GROUP}): one segment, global order (an amendment is judged by the
 * candidate's results and claims before it, other aggregates' events), each batch committed with its token, so
 * each event counts once; a reset empties the ledger and a replay writes the same rows again.
 */
@Component
@ProcessingGroup(ReturnsLedger.PROCESSING_GROUP)
class ReturnsLedger {

    public static final String PROCESSING_GROUP = "returns";
    public static final String MIGRATION = "V24__regulator_returns.sql";

    private static final String CANDIDATE = "candidate";
    private static final String ATTEMPT = "attempt";
    private static final String CLAIM = "claim";

    private static final String INSERT = "INSERT INTO return_ledger (return_code, period_day, occurred_at, centre_id,"
            + " qualification_code, assessment_code, measure, delta, global_position, event_id, event_type,"
            + " record_type, record_id, actor_pin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String ROWS = ReturnsLedger.class.getName();

    private final JdbcTemplate jdbc;

    public ReturnsLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CandidateRegistered event, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "INSERT INTO return_candidates (candidate_id, centre_id, qualification_code, registered_on, late)"
                        + " VALUES (?, ?, ?, ?, ?)",
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                Date.valueOf(event.registeredOn()),
                event.late());
        registration(
                new Cause(message, token, CANDIDATE, event.candidateId()),
                new Registration(event.centreId(), event.qualificationCode(), event.registeredOn(), event.late()),
                1);
    }

    /** The registration moves to the new qualification; the amendment counts under the one left. */
    @EventHandler
    void on(CandidateQualificationAmended event, EventMessage<?> message, TrackingToken token) {
        Cause cause = new Cause(message, token, CANDIDATE, event.candidateId());
        Candidate candidate = candidate(event.candidateId());
        amended(cause, candidate, event.centreId(), event.oldQualificationCode());
        if (candidate != null) {
            Registration left = candidate.registration();
            registration(cause, left, -1);
            registration(
                    cause, new Registration(left.centreId(), event.qualificationCode(), left.day(), left.late()), 1);
            jdbc.update(
                    "UPDATE return_candidates SET qualification_code = ? WHERE candidate_id = ?",
                    event.qualificationCode(),
                    event.candidateId());
        }
    }

    /** The registration moves to the new centre; the amendment counts at the centre left. */
    @EventHandler
    void on(CandidateTransferred event, EventMessage<?> message, TrackingToken token) {
        Cause cause = new Cause(message, token, CANDIDATE, event.candidateId());
        Candidate candidate = candidate(event.candidateId());
        amended(cause, candidate, event.fromCentreId(), null);
        if (candidate != null) {
            Registration left = candidate.registration();
            registration(cause, left, -1);
            registration(
                    cause, new Registration(event.toCentreId(), left.qualificationCode(), left.day(), left.late()), 1);
            jdbc.update(
                    "UPDATE return_candidates SET centre_id = ? WHERE candidate_id = ?",
                    event.toCentreId(),
                    event.candidateId());
        }
    }

    @EventHandler
    void on(CandidateNameAmended event, EventMessage<?> message, TrackingToken token) {
        amended(
                new Cause(message, token, CANDIDATE, event.candidateId()),
                candidate(event.candidateId()),
                event.centreId(),
                null);
    }

    @EventHandler
    void on(CandidateDateOfBirthAmended event, EventMessage<?> message, TrackingToken token) {
        amended(
                new Cause(message, token, CANDIDATE, event.candidateId()),
                candidate(event.candidateId()),
                event.centreId(),
                null);
    }

    @EventHandler
    void on(CandidateUlnAmended event, EventMessage<?> message, TrackingToken token) {
        amended(
                new Cause(message, token, CANDIDATE, event.candidateId()),
                candidate(event.candidateId()),
                event.centreId(),
                null);
    }

    @EventHandler
    void on(AttemptSubmitted event, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "UPDATE return_candidates SET first_result_at = ? WHERE candidate_id = ? AND first_result_at IS NULL",
                event.submittedAt().toEpochMilli(),
                event.candidateId());
        LocalDate day = day(event.submittedAt());
        boolean passed = event.outcome() == Outcome.PASS;
        jdbc.update(
                "INSERT INTO return_attempts (attempt_id, centre_id, qualification_code, assessment_code,"
                        + " submitted_on, passed, voided) VALUES (?, ?, ?, ?, ?, ?, FALSE)",
                event.attemptId(),
                event.centreId(),
                event.qualificationCode(),
                event.assessmentCode(),
                Date.valueOf(day),
                passed);
        Cause cause = new Cause(message, token, ATTEMPT, event.attemptId());
        Figure figure = new Figure(
                RegulatorReturn.PASS_RATES, day, event.centreId(), event.qualificationCode(), event.assessmentCode());
        add(cause, figure, "attempts", 1);
        add(cause, figure, "passes", passed ? 1 : 0);
    }

    /** A voided marked attempt leaves the day it was submitted; one voided before it was marked was never counted. */
    @EventHandler
    void on(AttemptVoided event, EventMessage<?> message, TrackingToken token) {
        Attempt attempt = attempt(event.attemptId());
        if (attempt == null) {
            return;
        }
        Cause cause = new Cause(message, token, ATTEMPT, event.attemptId());
        add(cause, attempt.figure(), "attempts", -1);
        add(cause, attempt.figure(), "passes", attempt.passed() ? -1 : 0);
        jdbc.update("UPDATE return_attempts SET voided = TRUE WHERE attempt_id = ?", event.attemptId());
    }

    /** A re-marked attempt (an enquiry or appeal upheld) passes or fails on the day it was first submitted. */
    @EventHandler
    void on(AttemptOutcomeChanged event, EventMessage<?> message, TrackingToken token) {
        Attempt attempt = attempt(event.attemptId());
        boolean passed = event.outcome() == Outcome.PASS;
        if (attempt == null || attempt.passed() == passed) {
            return;
        }
        add(new Cause(message, token, ATTEMPT, event.attemptId()), attempt.figure(), "passes", passed ? 1 : -1);
        jdbc.update("UPDATE return_attempts SET passed = ? WHERE attempt_id = ?", passed, event.attemptId());
    }

    @EventHandler
    void on(CertificateClaimed event, EventMessage<?> message, TrackingToken token) {
        jdbc.update(
                "UPDATE return_candidates SET first_claim_at = ? WHERE candidate_id = ? AND first_claim_at IS NULL",
                event.claimedAt().toEpochMilli(),
                event.candidateId());
        add(
                new Cause(message, token, CLAIM, event.claimId()),
                certificates(day(event.claimedAt()), event.centreId(), event.qualificationCode()),
                "claimed",
                1);
    }

    @EventHandler
    void on(CertificateIssued event, EventMessage<?> message, TrackingToken token) {
        LocalDate day = day(event.issuedAt());
        jdbc.update(
                "INSERT INTO return_certificates (claim_id, centre_id, qualification_code, issued_on, revoked)"
                        + " VALUES (?, ?, ?, ?, FALSE)",
                event.claimId(),
                event.centreId(),
                event.qualificationCode(),
                Date.valueOf(day));
        add(
                new Cause(message, token, CLAIM, event.claimId()),
                certificates(day, event.centreId(), event.qualificationCode()),
                "issued",
                1);
    }

    @EventHandler
    void on(ClaimRejected event, EventMessage<?> message, TrackingToken token) {
        add(
                new Cause(message, token, CLAIM, event.claimId()),
                certificates(day(message.getTimestamp()), event.centreId(), event.qualificationCode()),
                "rejected",
                1);
    }

    @EventHandler
    void on(CertificateRevoked event, EventMessage<?> message, TrackingToken token) {
        List<LocalDate> issued = jdbc.query(
                "SELECT issued_on FROM return_certificates WHERE claim_id = ? AND revoked = FALSE",
                (row, n) -> row.getDate(1).toLocalDate(),
                event.claimId());
        if (issued.isEmpty()) {
            return;
        }
        add(
                new Cause(message, token, CLAIM, event.claimId()),
                certificates(issued.get(0), event.centreId(), event.qualificationCode()),
                "revoked",
                1);
        jdbc.update("UPDATE return_certificates SET revoked = TRUE WHERE claim_id = ?", event.claimId());
    }

    @ResetHandler
    void reset() {
        ReportsProjection.empty(jdbc, "return_ledger", "return_candidates", "return_attempts", "return_certificates");
    }

    @QueryHandler
    ReturnFigures handle(FetchRegulatorReturn query) {
        RegulatorReturn kind = query.kind();
        Map<Key, long[]> centres = sums(kind, query.from(), query.to(), query.asOf(), query.centreId());
        Map<Key, long[]> all =
                query.centreId() == null ? centres : sums(kind, query.from(), query.to(), query.asOf(), null);
        Map<Key, long[]> national = new TreeMap<>();
        all.forEach((key, values) -> {
            long[] sum = national.computeIfAbsent(
                    new Key(null, key.qualificationCode(), key.assessmentCode()),
                    k -> new long[kind.measures().size()]);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += values[i];
            }
        });
        return new ReturnFigures(
                kind.code(),
                kind.title(),
                query.from(),
                query.to(),
                query.asOf(),
                query.centreId(),
                kind.measures(),
                kind.rate(),
                rows(kind, centres),
                rows(kind, national));
    }

    @QueryHandler
    ReturnChanges handle(FetchReturnChanges query) {
        RegulatorReturn kind = query.kind();
        Conditions scope = period(kind, query.from(), query.to())
                .equal("centre_id", query.centreId())
                .after("occurred_at", query.since().toEpochMilli())
                .atMost("occurred_at", query.asOf().toEpochMilli());
        Map<Key, Map<String, List<ReturnChanges.ChangeCause>>> moved = new TreeMap<>();
        jdbc.query(
                "SELECT centre_id, qualification_code, assessment_code, measure, delta, global_position, event_id,"
                        + " event_type, occurred_at, actor_pin, record_type, record_id FROM return_ledger"
                        + scope.where(),
                row -> {
                    moved.computeIfAbsent(
                                    new Key(row.getString(1), row.getString(2), row.getString(3)),
                                    k -> new TreeMap<>(Comparator.comparingInt(kind.measures()::indexOf)))
                            .computeIfAbsent(row.getString(4), m -> new ArrayList<>())
                            .add(new ReturnChanges.ChangeCause(
                                    row.getLong(6),
                                    row.getString(7),
                                    row.getString(8),
                                    Instant.ofEpochMilli(row.getLong(9)),
                                    row.getString(10),
                                    row.getString(11),
                                    row.getString(12),
                                    row.getLong(5)));
                },
                scope.arguments());
        Map<Key, long[]> before =
                moved.isEmpty() ? Map.of() : sums(kind, query.from(), query.to(), query.since(), query.centreId());
        List<ReturnChanges.Change> changes = new ArrayList<>();
        long events = 0;
        int listed = 0;
        for (Map.Entry<Key, Map<String, List<ReturnChanges.ChangeCause>>> figure : moved.entrySet()) {
            Key key = figure.getKey();
            long[] was = before.getOrDefault(key, new long[kind.measures().size()]);
            for (Map.Entry<String, List<ReturnChanges.ChangeCause>> measure :
                    figure.getValue().entrySet()) {
                List<ReturnChanges.ChangeCause> causes = measure.getValue().stream()
                        .sorted(Comparator.comparingLong(ReturnChanges.ChangeCause::globalPosition)
                                .thenComparing(ReturnChanges.ChangeCause::eventId))
                        .toList();
                long from = was[kind.measures().indexOf(measure.getKey())];
                long to = from
                        + causes.stream()
                                .mapToLong(ReturnChanges.ChangeCause::delta)
                                .sum();
                if (from == to) {
                    continue;
                }
                events += causes.size();
                List<ReturnChanges.ChangeCause> shown =
                        causes.subList(0, Math.max(0, Math.min(causes.size(), ReturnChanges.LISTED - listed)));
                listed += shown.size();
                changes.add(new ReturnChanges.Change(
                        key.centreId(),
                        key.qualificationCode(),
                        key.assessmentCode(),
                        measure.getKey(),
                        from,
                        to,
                        List.copyOf(shown)));
            }
        }
        return new ReturnChanges(
                kind.code(), query.from(), query.to(), query.since(), query.asOf(), query.centreId(), events, changes);
    }

    /** A figure's key; ordered by centre (national rows have none), qualification, assessment. */
    private record Key(String centreId, String qualificationCode, String assessmentCode) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(
                        Key::centreId, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
                .thenComparing(Key::qualificationCode)
                .thenComparing(Key::assessmentCode);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /** The return's figures over the days, as of the instant: the deltas summed per key, in the measures' order. */
    private Map<Key, long[]> sums(RegulatorReturn kind, LocalDate from, LocalDate to, Instant asOf, String centreId) {
        Conditions scope = period(kind, from, to)
                .atMost("occurred_at", asOf.toEpochMilli())
                .equal("centre_id", centreId);
        Map<Key, long[]> sums = new TreeMap<>();
        jdbc.query(
                "SELECT centre_id, qualification_code, assessment_code, measure, SUM(delta) FROM return_ledger"
                        + scope.where() + " GROUP BY centre_id, qualification_code, assessment_code, measure",
                row -> {
                    int measure = kind.measures().indexOf(row.getString(4));
                    sums.computeIfAbsent(
                                            new Key(row.getString(1), row.getString(2), row.getString(3)),
                                            key -> new long[kind.measures().size()])[measure] =
                            row.getLong(5);
                },
                scope.arguments());
        return sums;
    }

    private static Conditions period(RegulatorReturn kind, LocalDate from, LocalDate to) {
        return new Conditions().equal("return_code", kind.code()).withinDates("period_day", from, to);
    }

    /** The rows of figures, those at nought in every measure left out (a registration moved away entirely). */
    private static List<ReturnFigures.Row> rows(RegulatorReturn kind, Map<Key, long[]> figures) {
        List<ReturnFigures.Row> rows = new ArrayList<>();
        figures.forEach((key, values) -> {
            if (Arrays.stream(values).anyMatch(value -> value != 0)) {
                rows.add(new ReturnFigures.Row(
                        key.centreId(),
                        key.qualificationCode(),
                        key.assessmentCode(),
                        Arrays.stream(values).boxed().toList(),
                        kind.rate() == null ? null : Rounding.percent(values[1], values[0])));
            }
        });
        return rows;
    }

    /** A registration as counted: at a centre, on a qualification, on the day registered, late or not. */
    private record Registration(String centreId, String qualificationCode, LocalDate day, boolean late) {}

    private void registration(Cause cause, Registration registration, int sign) {
        Figure figure = new Figure(
                RegulatorReturn.REGISTRATIONS,
                registration.day(),
                registration.centreId(),
                registration.qualificationCode(),
                "");
        add(cause, figure, "registrations", sign);
        add(cause, figure, "late", registration.late() ? sign : 0);
    }

    /** A candidate as the ledger knows them; null for one never seen registered. */
    private record Candidate(Registration registration, boolean hadResult, boolean hadClaim) {}

    private Candidate candidate(String candidateId) {
        return jdbc.query(
                "SELECT centre_id, qualification_code, registered_on, late, first_result_at, first_claim_at"
                        + " FROM return_candidates WHERE candidate_id = ?",
                rows -> {
                    if (!rows.next()) {
                        return null;
                    }
                    Registration registration = new Registration(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getDate(3).toLocalDate(),
                            rows.getBoolean(4));
                    rows.getLong(5);
                    boolean hadResult = !rows.wasNull();
                    rows.getLong(6);
                    return new Candidate(registration, hadResult, !rows.wasNull());
                },
                candidateId);
    }

    /**
     * An amendment, counted on its day at {@code centreId}, under {@code qualificationCode} or (null) the candidate's
     * now, as the amendments report counts it.
     */
    private void amended(Cause cause, Candidate candidate, String centreId, String qualificationCode) {
        String qualification = qualificationCode != null
                ? qualificationCode
                : candidate != null ? candidate.registration().qualificationCode() : "";
        Figure figure = new Figure(RegulatorReturn.AMENDMENTS, day(cause.at()), centreId, qualification, "");
        add(cause, figure, "amendments", 1);
        add(cause, figure, "afterResult", candidate != null && candidate.hadResult() ? 1 : 0);
        add(cause, figure, "afterClaim", candidate != null && candidate.hadClaim() ? 1 : 0);
    }

    /** A marked attempt not voided, as the ledger counted it; null when there is none. */
    private record Attempt(Figure figure, boolean passed) {}

    private Attempt attempt(String attemptId) {
        return jdbc.query(
                "SELECT centre_id, qualification_code, assessment_code, submitted_on, passed FROM return_attempts"
                        + " WHERE attempt_id = ? AND voided = FALSE",
                rows -> rows.next()
                        ? new Attempt(
                                new Figure(
                                        RegulatorReturn.PASS_RATES,
                                        rows.getDate(4).toLocalDate(),
                                        rows.getString(1),
                                        rows.getString(2),
                                        rows.getString(3)),
                                rows.getBoolean(5))
                        : null,
                attemptId);
    }

    private static Figure certificates(LocalDate day, String centreId, String qualificationCode) {
        return new Figure(RegulatorReturn.CERTIFICATES, day, centreId, qualificationCode, "");
    }

    /** A figure of a return: its key and the reporting day it belongs to. */
    private record Figure(
            RegulatorReturn kind, LocalDate day, String centreId, String qualificationCode, String assessmentCode) {}

    /** The event behind a change: what the ledger keeps of it (ids, codes and times only, no personal value). */
    private record Cause(
            long position,
            String eventId,
            String eventType,
            Instant at,
            String actorPin,
            String recordType,
            String recordId) {

        Cause(EventMessage<?> message, TrackingToken token, String recordType, String recordId) {
            this(
                    token == null ? -1 : token.position().orElse(-1),
                    message.getIdentifier(),
                    message.getPayloadType().getSimpleName(),
                    message.getTimestamp(),
                    actor(message),
                    recordType,
                    recordId);
        }

        private static String actor(EventMessage<?> message) {
            Object pin = message.getMetaData().get(AuditMetadata.ACTOR_PIN);
            return pin == null ? null : pin.toString();
        }
    }

    /**
     * One row of the ledger; a delta of nought (a measure the event leaves alone) writes nothing. Within a batch the
     * rows are written together when it commits (nothing in the batch reads the ledger), with the token.
     */
    private void add(Cause cause, Figure figure, String measure, int delta) {
        if (delta == 0) {
            return;
        }
        Object[] row = {
            figure.kind().code(),
            Date.valueOf(figure.day()),
            cause.at().toEpochMilli(),
            figure.centreId(),
            figure.qualificationCode(),
            figure.assessmentCode(),
            measure,
            delta,
            cause.position(),
            cause.eventId(),
            cause.eventType(),
            cause.recordType(),
            cause.recordId(),
            cause.actorPin()
        };
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(INSERT, row);
            return;
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.<List<Object[]>>getOrComputeResource(ROWS, key -> {
                    List<Object[]> rows = new ArrayList<>();
                    batch.onPrepareCommit(done -> jdbc.batchUpdate(INSERT, rows));
                    return rows;
                })
                .add(row);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
