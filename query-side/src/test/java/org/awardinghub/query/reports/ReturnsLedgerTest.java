package org.awardinghub.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.Processor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The regulator returns over a generated history of a quarter (ADR 0169), the "returns" processor beside the
 * "reports" one on the same database: a return as of an instant is the same however often it is regenerated and
 * whatever happened after that instant; as of the quarter's end it has the compliance reports' figures; a late
 * amendment in the next quarter changes last quarter's return, and the comparison names exactly that event; a replay
 * from nothing writes the same ledger.
 */
class ReturnsLedgerTest {

    private static final LocalDate FROM = LocalDate.parse("2026-07-01");
    private static final LocalDate TO = LocalDate.parse("2026-09-30");
    private static final Instant QUARTER_END = Instant.parse("2026-10-01T00:00:00Z");
    /** After the quarter's last events, before anything of the next quarter. */
    private static final Instant FILED = QUARTER_END.plus(Duration.ofDays(5));

    private ReportsDatabase database;
    private ReturnsLedger ledger;
    private ReturnsLedgerProgress progress;
    private Processor reports;
    private Processor returns;

    @BeforeEach
    void database() {
        database = new ReportsDatabase();
        ledger = new ReturnsLedger(database.jdbc);
        reports = new Processor(database.components().toArray());
        progress = new ReturnsLedgerProgress(database.jdbc);
        returns = new Processor(ledger, progress);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static ReturnsHistory quarter() {
        return new ReturnsHistory(
                        20, FROM.atStartOfDay(java.time.ZoneOffset.UTC).toInstant())
                .candidates(300, QUARTER_END.minus(Duration.ofHours(1)));
    }

    private void deliver(List<Recorded> events) {
        events.forEach(event -> {
            reports.deliver(event);
            returns.deliver(event);
        });
    }

    private ReturnFigures figures(RegulatorReturn kind, Instant asOf) {
        return ledger.handle(new FetchRegulatorReturn(kind, FROM, TO, asOf, null));
    }

    private List<ReturnFigures> every(Instant asOf) {
        return java.util.Arrays.stream(RegulatorReturn.values())
                .map(kind -> figures(kind, asOf))
                .toList();
    }

    @Test
    void givenAQuarter_whenItsReturnsAreFiledAfterItsEnd_thenTheyHaveTheComplianceReportsFigures() {
        deliver(quarter().events());

        ReturnFigures registrations = figures(RegulatorReturn.REGISTRATIONS, FILED);
        assertThat(perCentre(registrations, 0))
                .isNotEmpty()
                .isEqualTo(live(
                        database.projection
                                .handle(new LateRegistrationsReport(null, null, FROM, TO))
                                .centres(),
                        LateRegistrations.Row::centreId,
                        LateRegistrations.Row::registrations));
        assertThat(perCentre(registrations, 1))
                .isNotEmpty()
                .isEqualTo(live(
                        database.projection
                                .handle(new LateRegistrationsReport(null, null, FROM, TO))
                                .centres(),
                        LateRegistrations.Row::centreId,
                        LateRegistrations.Row::late));

        PassRates passRates = database.attempts.handle(new PassRatesReport(null, null, FROM, TO));
        assertThat(figures(RegulatorReturn.PASS_RATES, FILED).centres())
                .extracting(
                        ReturnFigures.Row::centreId,
                        ReturnFigures.Row::qualificationCode,
                        ReturnFigures.Row::assessmentCode,
                        row -> row.values().get(0),
                        row -> row.values().get(1),
                        ReturnFigures.Row::rate)
                .isNotEmpty()
                .containsExactlyElementsOf(passRates.centres().stream()
                        .map(row -> tuple(
                                row.centreId(),
                                row.qualificationCode(),
                                row.assessmentCode(),
                                row.attempts(),
                                row.passes(),
                                row.passRate()))
                        .toList());
        assertThat(figures(RegulatorReturn.PASS_RATES, FILED).national())
                .extracting(
                        ReturnFigures.Row::qualificationCode,
                        ReturnFigures.Row::assessmentCode,
                        row -> row.values().get(0),
                        row -> row.values().get(1),
                        ReturnFigures.Row::rate)
                .containsExactlyElementsOf(passRates.national().stream()
                        .map(row -> tuple(
                                row.qualificationCode(),
                                row.assessmentCode(),
                                row.attempts(),
                                row.passes(),
                                row.passRate()))
                        .toList());

        assertThat(perCentre(figures(RegulatorReturn.CERTIFICATES, FILED), 1))
                .isNotEmpty()
                .isEqualTo(live(
                        database.projection
                                .handle(new ClaimTurnaroundReport(null, null, FROM, TO, FILED))
                                .centres(),
                        ClaimTurnaround.Row::centreId,
                        ClaimTurnaround.Row::issued));

        ReturnFigures amendments = figures(RegulatorReturn.AMENDMENTS, FILED);
        List<Amendments.Row> reported = database.amendments
                .handle(new AmendmentsReport(null, null, FROM, TO))
                .centres();
        assertThat(perCentre(amendments, 0))
                .isNotEmpty()
                .isEqualTo(live(reported, Amendments.Row::centreId, Amendments.Row::amendments));
        assertThat(perCentre(amendments, 1))
                .isEqualTo(live(reported, Amendments.Row::centreId, Amendments.Row::afterResult));
        assertThat(perCentre(amendments, 2))
                .isEqualTo(live(reported, Amendments.Row::centreId, Amendments.Row::afterClaim));
    }

    @Test
    void
            givenALateAmendmentNextQuarter_whenLastQuartersReturnIsRegenerated_thenAsFiledItIsUnchangedAndTheComparisonNamesIt() {
        ReturnsHistory history = quarter();
        deliver(history.events());
        List<ReturnFigures> filed = every(FILED);
        assertThat(every(FILED)).isEqualTo(filed);

        CandidateRegistered candidate =
                registered(history, event -> event.qualificationCode().equals("LV2"));
        Instant amendedAt = FILED.plus(Duration.ofDays(20));
        long amendment =
                history.qualificationAmended(amendedAt, candidate.candidateId(), candidate.centreId(), "LV2", "LV3");
        CandidateRegistered moved =
                registered(history, event -> !event.centreId().equals(candidate.centreId()));
        long transfer = history.transferred(amendedAt.plusSeconds(60), moved.candidateId(), moved.centreId(), "c9");
        history.candidates(50, amendedAt.plus(Duration.ofDays(30))); // next quarter's own business
        List<Recorded> events = history.events();
        deliver(events.subList((int) amendment - 1, events.size()));

        Instant now = history.clock().plusSeconds(1);
        assertThat(every(FILED)).as("as filed, whatever came after").isEqualTo(filed);
        assertThat(figures(RegulatorReturn.REGISTRATIONS, now)).isNotEqualTo(filed.get(0));

        ReturnChanges changes =
                ledger.handle(new FetchReturnChanges(RegulatorReturn.REGISTRATIONS, FROM, TO, FILED, now, null));
        int late = candidate.late() ? 1 : 0;
        int movedLate = moved.late() ? 1 : 0;
        List<org.assertj.core.groups.Tuple> expected = new ArrayList<>();
        expected.add(tuple(candidate.centreId(), "LV2", "registrations", -1L, amendment));
        expected.add(tuple(candidate.centreId(), "LV3", "registrations", 1L, amendment));
        expected.add(tuple(moved.centreId(), moved.qualificationCode(), "registrations", -1L, transfer));
        expected.add(tuple("c9", moved.qualificationCode(), "registrations", 1L, transfer));
        if (late == 1) {
            expected.add(tuple(candidate.centreId(), "LV2", "late", -1L, amendment));
            expected.add(tuple(candidate.centreId(), "LV3", "late", 1L, amendment));
        }
        if (movedLate == 1) {
            expected.add(tuple(moved.centreId(), moved.qualificationCode(), "late", -1L, transfer));
            expected.add(tuple("c9", moved.qualificationCode(), "late", 1L, transfer));
        }
        assertThat(changes.changes())
                .allSatisfy(change -> assertThat(change.causes()).hasSize(1))
                .extracting(
                        ReturnChanges.Change::centreId,
                        ReturnChanges.Change::qualificationCode,
                        ReturnChanges.Change::measure,
                        change -> change.after() - change.before(),
                        change -> change.causes().get(0).globalPosition())
                .containsExactlyInAnyOrderElementsOf(expected);
        assertThat(changes.changes())
                .flatExtracting(ReturnChanges.Change::causes)
                .extracting(
                        ReturnChanges.ChangeCause::eventType,
                        ReturnChanges.ChangeCause::occurredAt,
                        ReturnChanges.ChangeCause::actorPin,
                        ReturnChanges.ChangeCause::recordId)
                .contains(tuple("CandidateQualificationAmended", amendedAt, "90000001", candidate.candidateId()));
        assertThat(changes.events()).isEqualTo(expected.size());
        ReturnChanges.Change c9 = changes.changes().stream()
                .filter(change ->
                        change.centreId().equals("c9") && change.measure().equals("registrations"))
                .findFirst()
                .orElseThrow();
        assertThat(c9.before()).isZero();
        assertThat(c9.after()).isEqualTo(1);
        assertThat(ledger.handle(new FetchRegulatorReturn(RegulatorReturn.REGISTRATIONS, FROM, TO, now, "c9"))
                        .centres())
                .extracting(ReturnFigures.Row::centreId, ReturnFigures.Row::values)
                .containsExactly(tuple("c9", List.of(1L, (long) movedLate)));

        assertThat(ledger.handle(new FetchReturnChanges(RegulatorReturn.PASS_RATES, FROM, TO, FILED, now, null))
                        .changes())
                .as("the next quarter's attempts are its own")
                .isEmpty();
        assertThat(ledger.handle(new FetchReturnChanges(RegulatorReturn.REGISTRATIONS, FROM, TO, now, now, null))
                        .changes())
                .isEmpty();
    }

    @Test
    void givenTheLedger_whenResetAndTheHistoryDeliveredAgain_thenTheSameRowsAndReturns() {
        List<Recorded> events = quarter().events();
        deliver(events);
        List<Map<String, Object>> before = rows();
        List<ReturnFigures> filed = every(FILED);

        Recorded last = events.get(events.size() - 1);
        assertThat(progress.handle(new FetchReturnsLedgerRead()))
                .as("read to the last event, at its time")
                .isEqualTo(new ReturnsLedgerRead(last.position(), last.at()));

        returns.reset();
        assertThat(database.jdbc.queryForObject("SELECT COUNT(*) FROM return_ledger", Long.class))
                .isZero();
        assertThat(progress.handle(new FetchReturnsLedgerRead())).isEqualTo(new ReturnsLedgerRead(null, null));
        assertThat(every(FILED)).isNotEqualTo(filed);

        returns.deliverInBatches(events, 200);
        assertThat(rows()).isEqualTo(before);
        assertThat(progress.handle(new FetchReturnsLedgerRead()))
                .as("written once per batch, as the processor commits it")
                .isEqualTo(new ReturnsLedgerRead(last.position(), last.at()));
        assertThat(every(FILED)).isEqualTo(filed);
    }

    /** The ledger's rows in a fixed order, without the event ids (a test message gets a new one each delivery). */
    private List<Map<String, Object>> rows() {
        return database.jdbc.queryForList("SELECT return_code, period_day, occurred_at, centre_id, qualification_code,"
                + " assessment_code, measure, delta, global_position, event_type, record_type, record_id, actor_pin"
                + " FROM return_ledger ORDER BY global_position, return_code, measure, centre_id, qualification_code");
    }

    private static CandidateRegistered registered(ReturnsHistory history, Predicate<CandidateRegistered> which) {
        return history.events().stream()
                .map(Recorded::payload)
                .filter(CandidateRegistered.class::isInstance)
                .map(CandidateRegistered.class::cast)
                .filter(which)
                .findFirst()
                .orElseThrow();
    }

    /** A return's measure summed per centre. */
    private static Map<String, Long> perCentre(ReturnFigures figures, int measure) {
        Map<String, Long> sums = new TreeMap<>();
        figures.centres().forEach(row -> sums.merge(row.centreId(), row.values().get(measure), Long::sum));
        sums.values().removeIf(sum -> sum == 0);
        return sums;
    }

    private static <R> Map<String, Long> live(
            List<R> rows, java.util.function.Function<R, String> centre, java.util.function.ToLongFunction<R> figure) {
        Map<String, Long> sums = new TreeMap<>();
        rows.forEach(row -> sums.merge(centre.apply(row), figure.applyAsLong(row), Long::sum));
        sums.values().removeIf(sum -> sum == 0);
        return sums;
    }
}
