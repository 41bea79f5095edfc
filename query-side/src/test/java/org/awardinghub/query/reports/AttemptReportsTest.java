package org.awardinghub.query.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptSubmitted.AnswerChanges;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Pass rates, fast high scores and changes of answer from wrong to right, on known attempts. */
class AttemptReportsTest {

    private static final Instant DAY_0 = Instant.parse("2026-05-04T09:00:00Z");
    private static final LocalDate MAY_4 = LocalDate.ofInstant(DAY_0, ZoneOffset.UTC);
    private static final LocalDate MAY_5 = MAY_4.plusDays(1);

    private ReportsDatabase reports;
    private AttemptReports attempts;
    private int count;

    @BeforeEach
    void database() {
        reports = new ReportsDatabase();
        attempts = reports.attempts;
    }

    @AfterEach
    void close() {
        reports.close();
    }

    /** One attempt to submit: where, when, how long it took, its result and its changes of answer. */
    private record Sitting(
            String attemptId,
            String centre,
            String qualification,
            String assessment,
            Instant started,
            Duration taken,
            Duration allowed,
            double percent,
            Outcome outcome,
            AnswerChanges changes) {}

    private Sitting sitting(
            String centre, String qualification, Instant started, Outcome outcome, AnswerChanges changes) {
        return new Sitting(
                "a" + ++count,
                centre,
                qualification,
                qualification + "-A",
                started,
                Duration.ofMinutes(40),
                Duration.ofHours(1),
                outcome == Outcome.PASS ? 70.0 : 40.0,
                outcome,
                changes);
    }

    private String sit(Sitting s) {
        String candidate = "k-" + s.attemptId();
        attempts.on(new AttemptOpened(
                s.attemptId(),
                candidate,
                "R-" + s.attemptId(),
                s.centre(),
                s.qualification(),
                s.assessment(),
                1,
                30,
                (int) s.allowed().toMinutes(),
                60,
                "u-inv",
                "2000000" + s.centre().charAt(1),
                s.started().minusSeconds(300),
                s.started().plusSeconds(600)));
        attempts.on(new AttemptSubmitted(
                s.attemptId(),
                candidate,
                s.centre(),
                s.qualification(),
                s.assessment(),
                SubmittedBy.CANDIDATE,
                s.started(),
                s.started().plus(s.allowed()),
                s.started().plus(s.taken()),
                (int) Math.round(s.percent() * 0.3),
                30,
                s.percent(),
                60,
                s.outcome(),
                List.of(),
                s.changes()));
        return s.attemptId();
    }

    /** {@code n} attempts at the centre, each a minute after the one before from {@code at}. */
    private void sit(int n, String centre, String qualification, Instant at, Outcome outcome, AnswerChanges changes) {
        for (int i = 0; i < n; i++) {
            sit(sitting(centre, qualification, at.plus(Duration.ofMinutes(i)), outcome, changes));
        }
    }

    private void voided(String attemptId) {
        attempts.on(new AttemptVoided(
                attemptId, "k-" + attemptId, "c?", "?", AttemptStatus.SUBMITTED, Outcome.PASS, "malpractice"));
    }

    // ---- pass rates ------------------------------------------------------------------------------------------

    /**
     * LV3-A: c1 20 of 20 passed, c2 19 of 19, c3 1 of 41 (20 fails on 4 May, the rest on 5 May): nationally 40 of
     * 80, 50 %. MC2-A at c1: 1 of 2.
     */
    private void passRateHistory() {
        sit(20, "c1", "LV3", DAY_0, Outcome.PASS, AnswerChanges.NONE);
        sit(19, "c2", "LV3", DAY_0, Outcome.PASS, AnswerChanges.NONE);
        sit(20, "c3", "LV3", DAY_0, Outcome.FAIL, AnswerChanges.NONE);
        sit(20, "c3", "LV3", DAY_0.plus(Duration.ofDays(1)), Outcome.FAIL, AnswerChanges.NONE);
        sit(1, "c3", "LV3", DAY_0.plus(Duration.ofDays(1)), Outcome.PASS, AnswerChanges.NONE);
        sit(1, "c1", "MC2", DAY_0, Outcome.PASS, AnswerChanges.NONE);
        sit(1, "c1", "MC2", DAY_0, Outcome.FAIL, AnswerChanges.NONE);
    }

    @Test
    void givenACentreFarAboveTheNationalRate_whenPassRatesReported_thenFlaggedOnlyWithEnoughAttempts() {
        passRateHistory();

        PassRates report = attempts.handle(new PassRatesReport(null, null, null, null));

        assertThat(report.national())
                .containsExactly(
                        new PassRates.National("LV3", "LV3-A", 80, 40, 50.0),
                        new PassRates.National("MC2", "MC2-A", 2, 1, 50.0));
        // standard errors in percentage points: sqrt(0.5 * 0.5 / n) * 100
        assertThat(report.centres())
                .containsExactly(
                        new PassRates.Row(
                                "c1", "LV3", "LV3-A", 20, 20, 100.0, 50.0, 11.18, true), // 100 > 50 + 2 * 11.18
                        new PassRates.Row("c1", "MC2", "MC2-A", 2, 1, 50.0, 50.0, 35.36, false),
                        new PassRates.Row("c2", "LV3", "LV3-A", 19, 19, 100.0, 50.0, 11.47, false), // too few attempts
                        new PassRates.Row("c3", "LV3", "LV3-A", 41, 1, 2.4, 50.0, 7.81, false));
    }

    @Test
    void givenPassRates_whenReportedForACentreAQualificationOrAPeriod_thenNationalFiguresIgnoreOnlyTheCentre() {
        passRateHistory();

        PassRates c1 = attempts.handle(new PassRatesReport("c1", null, null, null));
        assertThat(c1.national()).extracting(PassRates.National::attempts).containsExactly(80L, 2L);
        assertThat(c1.centres())
                .extracting(PassRates.Row::centreId, PassRates.Row::assessmentCode)
                .containsExactly(tuple("c1", "LV3-A"), tuple("c1", "MC2-A"));

        PassRates mc2 = attempts.handle(new PassRatesReport(null, "MC2", null, null));
        assertThat(mc2.national()).containsExactly(new PassRates.National("MC2", "MC2-A", 2, 1, 50.0));
        assertThat(mc2.centres()).extracting(PassRates.Row::centreId).containsExactly("c1");

        // 4 May only: LV3-A 59 attempts, 39 passes (66.1 %); c1's standard error sqrt(39/59 * 20/59 / 20) = 10.58
        PassRates may4 = attempts.handle(new PassRatesReport(null, "LV3", MAY_4, MAY_4));
        assertThat(may4.national()).containsExactly(new PassRates.National("LV3", "LV3-A", 59, 39, 66.1));
        assertThat(may4.centres())
                .containsExactly(
                        new PassRates.Row("c1", "LV3", "LV3-A", 20, 20, 100.0, 66.1, 10.58, true),
                        new PassRates.Row("c2", "LV3", "LV3-A", 19, 19, 100.0, 66.1, 10.86, false),
                        new PassRates.Row("c3", "LV3", "LV3-A", 20, 0, 0.0, 66.1, 10.58, false));
        assertThat(attempts.handle(new PassRatesReport(null, null, MAY_5.plusDays(1), null))
                        .national())
                .isEmpty();
    }

    /** A fail changed to a pass after an appeal (issue 18) moves from one count to the other, once. */
    @Test
    void givenAFailChangedToAPass_whenPassRatesReported_thenItCountsAsAPassOnce() {
        passRateHistory();
        String fail = "a41"; // c3's first fail on LV3-A
        AttemptOutcomeChanged upheld = new AttemptOutcomeChanged(
                fail,
                "k-" + fail,
                "c3",
                "LV3",
                "LV3-A",
                Outcome.FAIL,
                Outcome.PASS,
                12,
                18,
                60.0,
                "Appeal upheld",
                "e1");

        attempts.on(upheld);
        attempts.on(upheld); // delivered again: moved only once

        PassRates report = attempts.handle(new PassRatesReport("c3", "LV3", null, null));
        assertThat(report.national()).containsExactly(new PassRates.National("LV3", "LV3-A", 80, 41, 51.3));
        assertThat(report.centres())
                .extracting(PassRates.Row::attempts, PassRates.Row::passes)
                .containsExactly(tuple(41L, 2L));
    }

    @Test
    void givenAVoidedPass_whenPassRatesReported_thenItCountsForNothing() {
        passRateHistory();
        sit(sitting("c1", "LV3", DAY_0.plus(Duration.ofDays(2)), Outcome.PASS, AnswerChanges.NONE));
        voided("a1"); // c1's first pass
        voided("a1"); // delivered again: taken away only once
        attempts.on(new AttemptOpened(
                "a-open", "k9", "R9", "c1", "LV3", "LV3-A", 1, 30, 60, 60, "u", "p", DAY_0, DAY_0.plusSeconds(600)));
        voided("a-open"); // never marked: nothing to take away

        PassRates report = attempts.handle(new PassRatesReport(null, "LV3", null, null));

        assertThat(report.national()).containsExactly(new PassRates.National("LV3", "LV3-A", 80, 40, 50.0));
        assertThat(report.centres().get(0))
                .isEqualTo(new PassRates.Row("c1", "LV3", "LV3-A", 20, 20, 100.0, 50.0, 11.18, true));
        voided("a" + count); // the later pass too: 19 of 19 left, too few to flag
        assertThat(attempts.handle(new PassRatesReport("c1", "LV3", null, null)).centres())
                .containsExactly(new PassRates.Row("c1", "LV3", "LV3-A", 19, 19, 100.0, 49.4, 11.47, false));
    }

    // ---- fast high scores ------------------------------------------------------------------------------------

    private String fast(
            String centre, String qualification, Instant started, Duration taken, Duration allowed, double percent) {
        return sit(new Sitting(
                "a" + ++count,
                centre,
                qualification,
                qualification + "-A",
                started,
                taken,
                allowed,
                percent,
                Outcome.PASS,
                null));
    }

    @Test
    void givenHighScores_whenFastHighScoresReported_thenThoseInUnderAQuarterOfTheTimeListedVoidedMarked() {
        Duration hour = Duration.ofHours(1);
        String exactly90 = fast("c1", "LV3", DAY_0, Duration.ofMinutes(10), hour, 90.0);
        fast("c1", "LV3", DAY_0, Duration.ofMinutes(15), hour, 95.0); // exactly a quarter: not fast
        fast("c1", "LV3", DAY_0, Duration.ofMinutes(5), hour, 89.9); // not high
        String justUnder = fast("c1", "LV3", DAY_0, Duration.ofSeconds(899), hour, 100.0);
        String atC2 =
                fast("c2", "MC2", DAY_0.plus(Duration.ofDays(1)), Duration.ofMinutes(20), Duration.ofMinutes(90), 92.0);
        voided(justUnder);

        FastHighScores report = attempts.handle(new FastHighScoresReport(null, null, null, null));

        assertThat(report.total()).isEqualTo(3);
        assertThat(report.attempts())
                .containsExactly(
                        new FastHighScores.Attempt(
                                exactly90,
                                "k-" + exactly90,
                                "R-" + exactly90,
                                "c1",
                                "LV3",
                                "LV3-A",
                                "20000001",
                                DAY_0,
                                DAY_0.plus(Duration.ofMinutes(10)),
                                90.0,
                                600,
                                3600,
                                16.7,
                                false),
                        new FastHighScores.Attempt(
                                justUnder,
                                "k-" + justUnder,
                                "R-" + justUnder,
                                "c1",
                                "LV3",
                                "LV3-A",
                                "20000001",
                                DAY_0,
                                DAY_0.plusSeconds(899),
                                100.0,
                                899,
                                3600,
                                25.0,
                                true),
                        new FastHighScores.Attempt(
                                atC2,
                                "k-" + atC2,
                                "R-" + atC2,
                                "c2",
                                "MC2",
                                "MC2-A",
                                "20000002",
                                DAY_0.plus(Duration.ofDays(1)),
                                DAY_0.plus(Duration.ofDays(1)).plus(Duration.ofMinutes(20)),
                                92.0,
                                1200,
                                5400,
                                22.2,
                                false));
        assertThat(attempts.handle(new FastHighScoresReport("c2", null, null, null))
                        .attempts())
                .extracting(FastHighScores.Attempt::attemptId)
                .containsExactly(atC2);
        assertThat(attempts.handle(new FastHighScoresReport(null, "LV3", null, null))
                        .attempts())
                .extracting(FastHighScores.Attempt::attemptId)
                .containsExactly(exactly90, justUnder);
        FastHighScores may5 = attempts.handle(new FastHighScoresReport(null, null, MAY_5, MAY_5));
        assertThat(may5.total()).isEqualTo(1);
        assertThat(may5.attempts())
                .extracting(FastHighScores.Attempt::attemptId)
                .containsExactly(atC2);
        assertThat(attempts.handle(new FastHighScoresReport("c1", "MC2", null, null)))
                .isEqualTo(new FastHighScores("c1", "MC2", null, null, 0, List.of()));
    }

    // ---- changes of answer from wrong to right ---------------------------------------------------------------

    /**
     * LV3-A: c1 20 attempts with 4 changes from wrong to right each; c2 40 with none, one with 12, one from before
     * changes were recorded (null: none), one with 30 that was voided; c3 two with 9 (on 5 May). Nationally 64
     * attempts, 110 changes from wrong to right, sum of squares 20 * 16 + 144 + 2 * 81 = 626: mean 1.71875, standard
     * deviation sqrt(626 / 64 - 1.71875²) = 2.6129. MC2-A at c1: 19 with none and one with 2: mean 0.1, standard
     * deviation sqrt(4 / 20 - 0.01) = 0.4359.
     */
    private String answerChangeHistory() {
        sit(20, "c1", "LV3", DAY_0, Outcome.PASS, new AnswerChanges(6, 4, 1, 1));
        sit(40, "c2", "LV3", DAY_0, Outcome.FAIL, new AnswerChanges(1, 0, 1, 0));
        String twelve = sit(
                sitting("c2", "LV3", DAY_0.plus(Duration.ofHours(2)), Outcome.PASS, new AnswerChanges(14, 12, 0, 2)));
        sit(sitting("c2", "LV3", DAY_0.plus(Duration.ofHours(3)), Outcome.PASS, null));
        voided(sit(
                sitting("c2", "LV3", DAY_0.plus(Duration.ofHours(4)), Outcome.PASS, new AnswerChanges(30, 30, 0, 0))));
        sit(2, "c3", "LV3", DAY_0.plus(Duration.ofDays(1)), Outcome.PASS, new AnswerChanges(9, 9, 0, 0));
        sit(19, "c1", "MC2", DAY_0, Outcome.PASS, AnswerChanges.NONE);
        sit(1, "c1", "MC2", DAY_0.plus(Duration.ofHours(1)), Outcome.PASS, new AnswerChanges(2, 2, 0, 0));
        return twelve;
    }

    @Test
    void givenChangesOfAnswer_whenReported_thenNationalMeanAndDeviationAndTheCentreAndAttemptsFarAboveFlagged() {
        String twelve = answerChangeHistory();

        AnswerChangePatterns report = attempts.handle(new AnswerChangesReport(null, null, null, null));

        assertThat(report.national())
                .containsExactly(
                        new AnswerChangePatterns.National("LV3", "LV3-A", 64, 120 + 40 + 14 + 18, 110, 1.72, 2.61),
                        new AnswerChangePatterns.National("MC2", "MC2-A", 20, 2, 2, 0.10, 0.44));
        // standard error = national deviation / sqrt(n); flagged above the national mean + 3 standard errors
        assertThat(report.centres())
                .containsExactly(
                        new AnswerChangePatterns.Row(
                                "c1", "LV3", "LV3-A", 20, 120, 80, 4.00, 1.72, 0.58, true), // > 3.47
                        new AnswerChangePatterns.Row("c1", "MC2", "MC2-A", 20, 2, 2, 0.10, 0.10, 0.10, false),
                        new AnswerChangePatterns.Row("c2", "LV3", "LV3-A", 42, 54, 12, 0.29, 1.72, 0.40, false),
                        new AnswerChangePatterns.Row(
                                "c3", "LV3", "LV3-A", 2, 18, 18, 9.00, 1.72, 1.85, false)); // too few
        // any change from wrong to right, most first: 12 (above 1.72 + 3 * 2.61 = 9.56: flagged), 9, 9, twenty 4s,
        // MC2's 2 (above 0.1 + 3 * 0.44 = 1.41, but fewer than 3: not flagged); the voided 30 not at all
        assertThat(report.attemptsTotal()).isEqualTo(24);
        assertThat(report.attempts()).hasSize(24);
        assertThat(report.attempts())
                .extracting(AnswerChangePatterns.Attempt::wrongToRight)
                .containsExactly(12, 9, 9, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 2);
        assertThat(report.attempts())
                .filteredOn(AnswerChangePatterns.Attempt::flagged)
                .extracting(AnswerChangePatterns.Attempt::attemptId)
                .containsExactly(twelve);
        assertThat(report.attempts().get(0))
                .isEqualTo(new AnswerChangePatterns.Attempt(
                        twelve,
                        "k-" + twelve,
                        "R-" + twelve,
                        "c2",
                        "LV3",
                        "LV3-A",
                        DAY_0.plus(Duration.ofHours(2)).plus(Duration.ofMinutes(40)),
                        14,
                        12,
                        0,
                        true));
    }

    @Test
    void givenChangesOfAnswer_whenReportedForACentreAQualificationOrAPeriod_thenTheNationalFiguresKeepEveryCentre() {
        answerChangeHistory();

        AnswerChangePatterns c3 = attempts.handle(new AnswerChangesReport("c3", null, null, null));
        assertThat(c3.national())
                .extracting(AnswerChangePatterns.National::attempts)
                .containsExactly(64L, 20L);
        assertThat(c3.centres()).extracting(AnswerChangePatterns.Row::centreId).containsExactly("c3");
        assertThat(c3.attemptsTotal()).isEqualTo(2);
        assertThat(c3.attempts())
                .extracting(AnswerChangePatterns.Attempt::centreId)
                .containsExactly("c3", "c3");

        AnswerChangePatterns mc2 = attempts.handle(new AnswerChangesReport(null, "MC2", null, null));
        assertThat(mc2.national())
                .extracting(AnswerChangePatterns.National::assessmentCode)
                .containsExactly("MC2-A");
        assertThat(mc2.attempts())
                .extracting(AnswerChangePatterns.Attempt::wrongToRight)
                .containsExactly(2);

        // 5 May: c3's two attempts alone, no spread; 9 is not above 9 + 3 * 0
        AnswerChangePatterns may5 = attempts.handle(new AnswerChangesReport(null, null, MAY_5, MAY_5));
        assertThat(may5.national())
                .containsExactly(new AnswerChangePatterns.National("LV3", "LV3-A", 2, 18, 18, 9.00, 0.00));
        assertThat(may5.centres())
                .containsExactly(
                        new AnswerChangePatterns.Row("c3", "LV3", "LV3-A", 2, 18, 18, 9.00, 9.00, 0.00, false));
        assertThat(may5.attempts())
                .extracting(AnswerChangePatterns.Attempt::flagged)
                .containsExactly(false, false);
    }
}
