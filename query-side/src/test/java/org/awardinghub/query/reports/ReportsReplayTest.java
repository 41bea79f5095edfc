package org.awardinghub.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.appeal.ReCheckOutcome;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.query.History;
import org.awardinghub.query.Processor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The "reports" processor's four components together, events delivered as a processor delivers them (through
 * Axon's handler adapter: the timestamp, message id and actor PIN resolved from the message): a reset empties every
 * report table, and the same history delivered again gives the same figures.
 */
class ReportsReplayTest {

    private static final Instant START = Instant.parse("2026-05-04T08:00:00Z");
    private static final Instant NOW = START.plus(Duration.ofDays(30));

    private ReportsDatabase reports;
    private List<Processor> processor;

    @BeforeEach
    void database() {
        reports = new ReportsDatabase();
        processor = reports.components().stream().map(Processor::new).toList();
    }

    @AfterEach
    void close() {
        reports.close();
    }

    private static Map<String, String> by(String pin) {
        return Map.of(AuditMetadata.ACTOR_PIN, pin);
    }

    /** A little of everything the eight reports count, each event at the history's next minute. */
    private static List<History.Recorded> history() {
        Instant day = START.plus(Duration.ofHours(2));
        return new History(START)
                .then("c1", new CentreApproved("c1", "100001", List.of("LV3"), false), by("90000001"))
                .then(
                        "k1",
                        new CandidateRegistered(
                                "k1",
                                "c1",
                                "R0000001",
                                "Ada",
                                "Byron",
                                LocalDate.parse("2004-01-01"),
                                null,
                                "LV3",
                                LocalDate.parse("2026-01-04"),
                                LocalDate.parse("2026-05-04"),
                                true,
                                false),
                        by("10000001"))
                .then(
                        "k2",
                        new CandidateRegistered(
                                "k2",
                                "c2",
                                "R0000002",
                                "Bo",
                                "Diddley",
                                LocalDate.parse("2003-01-01"),
                                null,
                                "LV3",
                                LocalDate.parse("2026-05-01"),
                                LocalDate.parse("2026-05-04"),
                                false,
                                false),
                        by("10000002"))
                .then(
                        "k1",
                        new CandidateNameAmended("k1", "c1", "Ada", "Byron", "Ada", "Lovelace", "Married"),
                        by("10000001"))
                .then(
                        "a1",
                        new AttemptOpened(
                                "a1",
                                "k1",
                                "R0000001",
                                "c1",
                                "LV3",
                                "LV3-A",
                                1,
                                30,
                                60,
                                60,
                                "u-inv",
                                "20000001",
                                day,
                                day.plusSeconds(600)),
                        by("20000001"))
                .then(
                        "a1",
                        new AttemptSubmitted(
                                "a1",
                                "k1",
                                "c1",
                                "LV3",
                                "LV3-A",
                                SubmittedBy.CANDIDATE,
                                day,
                                day.plus(Duration.ofHours(1)),
                                day.plus(Duration.ofMinutes(10)),
                                29,
                                30,
                                96.7,
                                60,
                                Outcome.PASS,
                                List.of(),
                                new AttemptSubmitted.AnswerChanges(5, 3, 1, 1)))
                .then(
                        "a2",
                        new AttemptOpened(
                                "a2",
                                "k2",
                                "R0000002",
                                "c2",
                                "LV3",
                                "LV3-A",
                                1,
                                30,
                                60,
                                60,
                                "u-inv",
                                "20000002",
                                day,
                                day.plusSeconds(600)),
                        by("20000002"))
                .then(
                        "a2",
                        new AttemptSubmitted(
                                "a2",
                                "k2",
                                "c2",
                                "LV3",
                                "LV3-A",
                                SubmittedBy.TIME_LIMIT,
                                day,
                                day.plus(Duration.ofHours(1)),
                                day.plus(Duration.ofHours(1)),
                                12,
                                30,
                                40.0,
                                60,
                                Outcome.FAIL,
                                List.of(),
                                null))
                .then("k1", new CandidateUlnAmended("k1", "c1", null, "1234567890", "ULN found"), by("10000001"))
                .then(
                        "q1",
                        new CertificateClaimed(
                                "q1",
                                "k1",
                                "R0000001",
                                "c1",
                                "LV3",
                                "Ada Lovelace",
                                false,
                                List.of("a1"),
                                "u1",
                                "10000001",
                                day.plus(Duration.ofHours(3))),
                        by("10000001"))
                .then(
                        "q1",
                        new CertificateIssued(
                                "q1",
                                "k1",
                                "c1",
                                "LV3",
                                "C0001",
                                "Ada Lovelace",
                                LocalDate.parse("2026-05-05"),
                                day.plus(Duration.ofDays(1)),
                                true),
                        by("90000001"))
                .then("r1", FairAccessEvents.requested("r1", "k1", "c1", day.plusSeconds(14_400)), by("10000001"))
                .then("r1", FairAccessEvents.approved("r1", "k1", "c1", true, day.plusSeconds(14_400)), by("10000001"))
                .then("s1", FairAccessEvents.applied("s1", "a2", "k2", "c2", day.plusSeconds(18_000)), by("10000002"))
                .then(
                        "s1",
                        FairAccessEvents.considered(
                                "s1", "a2", "k2", "c2", ConsiderationDecision.NOTE_ON_RECORD, day.plusSeconds(21_600)),
                        by("90000001"))
                .then("q2", FairAccessEvents.raised("q2", "a2", "k2", "c2", day.plusSeconds(25_200)), by("10000002"))
                .then(
                        "q2",
                        FairAccessEvents.reChecked(
                                "q2", "a2", "k2", "c2", ReCheckOutcome.CONFIRMED, day.plusSeconds(25_200)),
                        by("10000002"))
                .then("q2", FairAccessEvents.lodged("q2", "a2", "k2", "c2", day.plusSeconds(30_000)), by("10000002"))
                .then(
                        "q2",
                        FairAccessEvents.appealDecided(
                                "q2", "a2", "k2", "c2", AppealDecision.DISMISSED, day.plus(Duration.ofDays(2))),
                        by("90000001"))
                .then("k1", new CandidateTransferred("k1", "c1", "c2", "Moved house"), by("90000001"))
                .then(
                        "a1",
                        new AttemptVoided(
                                "a1", "k1", "c1", "LV3-A", AttemptStatus.SUBMITTED, Outcome.PASS, "notes found"),
                        by("90000001"))
                .then("c1", new CentreSuspended("c1", "Malpractice"), by("90000001"))
                .events();
    }

    private void deliver(List<History.Recorded> events) {
        events.forEach(event -> processor.forEach(component -> component.deliver(event)));
    }

    /** Every report, unfiltered. */
    private List<Object> figures() {
        return List.of(
                reports.projection.handle(new LateRegistrationsReport(null, null, null, null)),
                reports.projection.handle(new ClaimTurnaroundReport(null, null, null, null, NOW)),
                reports.projection.handle(new CentreChangesReport(null, null, null)),
                reports.amendments.handle(new AmendmentsReport(null, null, null, null)),
                reports.attempts.handle(new PassRatesReport(null, null, null, null)),
                reports.attempts.handle(new FastHighScoresReport(null, null, null, null)),
                reports.attempts.handle(new AnswerChangesReport(null, null, null, null)),
                reports.fairAccess.handle(new FairAccessReport(null, null, null, null)));
    }

    @Test
    void givenAHistory_whenDelivered_thenEveryReportHasFiguresAndTheActorComesFromTheMetadata() {
        deliver(history());

        Amendments amendments = reports.amendments.handle(new AmendmentsReport(null, null, null, null));
        assertThat(amendments.centres()).containsExactly(new Amendments.Row("c1", 3, 1, 0, 1, 0, 1, 2, 1));
        assertThat(amendments.lateAmendments())
                .extracting(Amendments.LateAmendment::kind, Amendments.LateAmendment::actorPin)
                .containsExactly(tuple("ULN", "10000001"), tuple("TRANSFER", "90000001"));
        assertThat(reports.attempts
                        .handle(new PassRatesReport(null, null, null, null))
                        .national())
                .containsExactly(new PassRates.National("LV3", "LV3-A", 1, 0, 0.0)); // a1 voided
        assertThat(reports.attempts
                        .handle(new FastHighScoresReport(null, null, null, null))
                        .attempts())
                .extracting(FastHighScores.Attempt::attemptId, FastHighScores.Attempt::voided)
                .containsExactly(tuple("a1", true));
        FairAccess fairAccess = reports.fairAccess.handle(new FairAccessReport(null, null, null, null));
        assertThat(fairAccess.national())
                .isEqualTo(new FairAccess.National(
                        1, // a1 voided
                        new FairAccess.Total(1, 1, 1, 100.0),
                        new FairAccess.Total(1, 1, 1, 100.0),
                        new FairAccess.Total(1, 1, 0, 100.0),
                        new FairAccess.Total(1, 1, 0, 100.0)));
        assertThat(reports.tablesWithRows()).noneMatch(table -> table.endsWith("=0"));
    }

    @Test
    void givenFigures_whenResetAndTheHistoryDeliveredAgain_thenEveryTableEmptiedAndTheSameFiguresCounted() {
        List<History.Recorded> history = history();
        deliver(history);
        List<Object> before = figures();

        processor.forEach(Processor::reset);
        assertThat(reports.tablesWithRows())
                .containsExactly(
                        "report_amendments=0",
                        "report_assessment_counts=0",
                        "report_attempt_counts=0",
                        "report_attempt_totals=0",
                        "report_attempts=0",
                        "report_candidates=0",
                        "report_centre_changes=0",
                        "report_claims=0",
                        "report_fair_access=0",
                        "report_late_amendments=0",
                        "report_registrations=0");
        assertThat(figures()).isNotEqualTo(before);

        deliver(history);
        assertThat(figures()).isEqualTo(before);
    }
}
