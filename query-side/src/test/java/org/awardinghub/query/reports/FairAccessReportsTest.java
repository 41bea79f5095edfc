package org.awardinghub.query.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.appeal.ReCheckOutcome;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.query.History;
import org.awardinghub.query.Processor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Access arrangements, special considerations, result enquiries and appeals per centre against the national rate,
 * delivered to the reports processor's four components as it delivers them. On LV3, on 4 May but for c3 (5 May):
 *
 * <pre>
 * centre  attempts  arrangements (decided, approved)  considerations  enquiries (re-check CHANGED)  appeals
 * c1      40        12 (11, 10)                       2 (2, 1 noted)  3 (1)                        1 (dismissed)
 * c2      200       10 (10, 10)                       0               1 (0)                        1 (upheld, 5 May)
 * c3      10        8 (0, 0)                          0               0                            0
 * c4      50        6 (6, 3)                          0               0                            0
 * all     300       36: 12.00 per 100                 2: 0.67         4: 1.33                      2: 0.67
 * </pre>
 *
 * c1's arrangements, 30 per 100, are far above the national 12 (standard error 100 √(0.12 / 40) = 5.48; with
 * 0.12 × 40 = 4.8 expected, 12 or more are a 0.4 % chance): flagged. c4's are at it, c2's below it, c3's far above it over too
 * few attempts: none flagged. c1's 3 enquiries where 0.53 were expected (a 1.7 % chance) are flagged; its 2
 * considerations where 0.27 were expected are more than two standard errors above the national rate too, but happen
 * by chance 3 times in 100: not flagged. One more arrangement at c1 is for a candidate moved to MC2 before it.
 */
class FairAccessReportsTest {

    private static final Instant MAY_4 = Instant.parse("2026-05-04T09:00:00Z");
    private static final Instant MAY_5 = MAY_4.plus(Duration.ofDays(1));
    private static final LocalDate DAY_4 = LocalDate.ofInstant(MAY_4, ZoneOffset.UTC);

    private ReportsDatabase reports;
    private Processor processor;
    private final History history = new History(MAY_4);
    private int ids;

    @BeforeEach
    void database() {
        reports = new ReportsDatabase();
        processor = new Processor(reports.components().toArray());
    }

    @AfterEach
    void close() {
        reports.close();
    }

    private String id(String prefix) {
        return prefix + ++ids;
    }

    /** {@code n} marked attempts at the centre on LV3; answers the last one's id. */
    private String marked(int n, String centre, Instant at) {
        String attempt = null;
        for (int i = 0; i < n; i++) {
            attempt = id("a");
            history.then(
                    attempt,
                    new AttemptSubmitted(
                            attempt,
                            "k-" + attempt,
                            centre,
                            "LV3",
                            "LV3-A",
                            SubmittedBy.CANDIDATE,
                            at,
                            at.plus(Duration.ofHours(1)),
                            at.plus(Duration.ofMinutes(40)),
                            20,
                            30,
                            66.7,
                            60,
                            Outcome.PASS,
                            List.of(),
                            AttemptSubmitted.AnswerChanges.NONE));
        }
        return attempt;
    }

    /** How an arrangement was decided, if it was. */
    private enum Decided {
        BY_POLICY,
        BY_IMI,
        REJECTED,
        WAITING
    }

    /** {@code n} arrangements at the centre, each for a candidate registered on LV3 and decided so. */
    private void arrangements(int n, String centre, Instant at, Decided decided) {
        for (int i = 0; i < n; i++) {
            String candidate = id("k");
            registered(candidate, centre);
            arrangement(candidate, centre, at, decided);
        }
    }

    private void registered(String candidate, String centre) {
        history.then(
                candidate,
                new CandidateRegistered(
                        candidate,
                        centre,
                        "R-" + candidate,
                        "Ada",
                        "Byron",
                        LocalDate.parse("2004-01-01"),
                        null,
                        "LV3",
                        LocalDate.parse("2026-01-04"),
                        LocalDate.parse("2026-02-04"),
                        false,
                        false));
    }

    private void arrangement(String candidate, String centre, Instant at, Decided decided) {
        String arrangement = id("r");
        history.then(arrangement, FairAccessEvents.requested(arrangement, candidate, centre, at));
        Instant next = at.plus(Duration.ofDays(1));
        switch (decided) {
            case BY_POLICY, BY_IMI ->
                history.then(
                        arrangement,
                        FairAccessEvents.approved(arrangement, candidate, centre, decided == Decided.BY_POLICY, next));
            case REJECTED -> history.then(arrangement, FairAccessEvents.rejected(arrangement, candidate, centre, next));
            case WAITING -> {}
        }
    }

    private void consideration(String attempt, String centre, ConsiderationDecision decision) {
        String consideration = id("s");
        String candidate = "k-" + attempt;
        history.then(
                consideration,
                FairAccessEvents.applied(consideration, attempt, candidate, centre, MAY_4.plus(Duration.ofHours(3))));
        history.then(
                consideration, FairAccessEvents.considered(consideration, attempt, candidate, centre, decision, MAY_5));
    }

    /** An enquiry about the attempt, re-checked at once; answers its id. */
    private String enquiry(String attempt, String centre, ReCheckOutcome result) {
        String enquiry = id("q");
        Instant at = MAY_4.plus(Duration.ofHours(4));
        history.then(enquiry, FairAccessEvents.raised(enquiry, attempt, "k-" + attempt, centre, at));
        history.then(enquiry, FairAccessEvents.reChecked(enquiry, attempt, "k-" + attempt, centre, result, at));
        return enquiry;
    }

    private void appeal(String enquiry, String attempt, String centre, Instant at, AppealDecision decision) {
        history.then(enquiry, FairAccessEvents.lodged(enquiry, attempt, "k-" + attempt, centre, at));
        history.then(
                enquiry,
                FairAccessEvents.appealDecided(
                        enquiry, attempt, "k-" + attempt, centre, decision, at.plus(Duration.ofDays(2))));
    }

    /** The history in the class comment. */
    private List<History.Recorded> fairAccessHistory() {
        String c1 = marked(40, "c1", MAY_4);
        String c2 = marked(200, "c2", MAY_4);
        marked(10, "c3", MAY_5);
        marked(50, "c4", MAY_4);
        arrangements(8, "c1", MAY_4, Decided.BY_POLICY);
        arrangements(2, "c1", MAY_4, Decided.BY_IMI);
        arrangements(1, "c1", MAY_4, Decided.REJECTED);
        arrangements(1, "c1", MAY_4, Decided.WAITING);
        arrangements(10, "c2", MAY_4, Decided.BY_POLICY);
        arrangements(8, "c3", MAY_5, Decided.WAITING);
        arrangements(3, "c4", MAY_4, Decided.BY_IMI);
        arrangements(3, "c4", MAY_4, Decided.REJECTED);
        consideration(c1, "c1", ConsiderationDecision.NOTE_ON_RECORD);
        consideration("a1", "c1", ConsiderationDecision.REJECTED);
        enquiry("a2", "c1", ReCheckOutcome.CONFIRMED);
        enquiry("a3", "c1", ReCheckOutcome.CONFIRMED);
        appeal(enquiry(c1, "c1", ReCheckOutcome.CHANGED), c1, "c1", MAY_4, AppealDecision.DISMISSED);
        appeal(enquiry(c2, "c2", ReCheckOutcome.CONFIRMED), c2, "c2", MAY_5, AppealDecision.UPHELD);
        String moved = id("k");
        registered(moved, "c1");
        history.then(moved, new CandidateQualificationAmended(moved, "c1", "LV3", "MC2", "Changed course"));
        arrangement(moved, "c1", MAY_4, Decided.BY_POLICY);
        return history.events();
    }

    private FairAccess report(String centre, String qualification, LocalDate from, LocalDate to) {
        return reports.fairAccess.handle(new FairAccessReport(centre, qualification, from, to));
    }

    private static FairAccess.Measure none(Double nationalRate, Double standardError) {
        return new FairAccess.Measure(0, 0, 0, 0.0, nationalRate, standardError, false);
    }

    @Test
    void givenCasesAtFourCentres_whenReported_thenRatesPer100AttemptsAndOnlyTheCentresFarAboveFlagged() {
        processor.deliver(fairAccessHistory());

        FairAccess report = report(null, "LV3", null, null);

        assertThat(report.national())
                .isEqualTo(new FairAccess.National(
                        300,
                        new FairAccess.Total(36, 27, 23, 12.0),
                        new FairAccess.Total(2, 2, 1, 0.67),
                        new FairAccess.Total(4, 4, 1, 1.33),
                        new FairAccess.Total(2, 2, 1, 0.67)));
        assertThat(report.centres())
                .containsExactly(
                        new FairAccess.Row(
                                "c1",
                                40,
                                new FairAccess.Measure(12, 11, 10, 30.0, 12.0, 5.48, true),
                                new FairAccess.Measure(2, 2, 1, 5.0, 0.67, 1.29, false),
                                new FairAccess.Measure(3, 3, 1, 7.5, 1.33, 1.83, true),
                                new FairAccess.Measure(1, 1, 0, 2.5, 0.67, 1.29, false)),
                        new FairAccess.Row(
                                "c2",
                                200,
                                new FairAccess.Measure(10, 10, 10, 5.0, 12.0, 2.45, false),
                                none(0.67, 0.58),
                                new FairAccess.Measure(1, 1, 0, 0.5, 1.33, 0.82, false),
                                new FairAccess.Measure(1, 1, 1, 0.5, 0.67, 0.58, false)),
                        new FairAccess.Row(
                                "c3",
                                10,
                                new FairAccess.Measure(8, 0, 0, 80.0, 12.0, 10.95, false), // 10 attempts: too few
                                none(0.67, 2.58),
                                none(1.33, 3.65),
                                none(0.67, 2.58)),
                        new FairAccess.Row(
                                "c4",
                                50,
                                new FairAccess.Measure(6, 6, 3, 12.0, 12.0, 4.9, false), // at the national rate
                                none(0.67, 1.15),
                                none(1.33, 1.63),
                                none(0.67, 1.15)));
    }

    @Test
    void givenCases_whenReportedForACentreAQualificationOrAPeriod_thenTheNationalFiguresIgnoreOnlyTheCentre() {
        processor.deliver(fairAccessHistory());

        FairAccess c3 = report("c3", "LV3", null, null);
        assertThat(c3.national()).isEqualTo(report(null, "LV3", null, null).national());
        assertThat(c3.centres()).extracting(FairAccess.Row::centreId).containsExactly("c3");

        // 4 May: c3's attempts and arrangements and c2's appeal (lodged on 5 May) left out
        FairAccess may4 = report(null, "LV3", DAY_4, DAY_4);
        assertThat(may4.national().attempts()).isEqualTo(290);
        assertThat(may4.national().accessArrangements()).isEqualTo(new FairAccess.Total(28, 27, 23, 9.66));
        assertThat(may4.national().appeals()).isEqualTo(new FairAccess.Total(1, 1, 0, 0.34));
        assertThat(may4.centres()).extracting(FairAccess.Row::centreId).containsExactly("c1", "c2", "c4");
        assertThat(may4.centres().get(0).accessArrangements())
                .isEqualTo(new FairAccess.Measure(12, 11, 10, 30.0, 9.66, 4.91, true));

        // the arrangement made after its candidate moved to MC2, where no attempt was marked
        FairAccess mc2 = report(null, "MC2", null, null);
        assertThat(mc2.national())
                .isEqualTo(new FairAccess.National(
                        0,
                        new FairAccess.Total(1, 1, 1, null),
                        new FairAccess.Total(0, 0, 0, null),
                        new FairAccess.Total(0, 0, 0, null),
                        new FairAccess.Total(0, 0, 0, null)));
        assertThat(mc2.centres())
                .containsExactly(new FairAccess.Row(
                        "c1",
                        0,
                        new FairAccess.Measure(1, 1, 1, null, null, null, false),
                        new FairAccess.Measure(0, 0, 0, null, null, null, false),
                        new FairAccess.Measure(0, 0, 0, null, null, null, false),
                        new FairAccess.Measure(0, 0, 0, null, null, null, false)));
        assertThat(report(null, null, null, null)
                        .national()
                        .accessArrangements()
                        .count())
                .isEqualTo(37);
        assertThat(report(null, null, DAY_4.plusDays(2), null).centres()).isEmpty();
    }

    @Test
    void givenEachCaseAndDecisionDeliveredTwice_whenReported_thenEachCaseCountedOnceWithItsOutcome() {
        List<History.Recorded> events = fairAccessHistory();
        processor.deliver(events);
        FairAccess once = report(null, null, null, null);

        try (ReportsDatabase again = new ReportsDatabase()) {
            Processor twice = new Processor(again.components().toArray());
            for (History.Recorded event : events) {
                twice.deliver(event);
                if (event.payload().getClass().getPackageName().matches(".*\\.(arrangement|consideration|appeal)")) {
                    twice.deliver(event);
                }
            }
            assertThat(again.fairAccess.handle(new FairAccessReport(null, null, null, null)))
                    .isEqualTo(once);
        }
    }

    @Test
    void givenFigures_whenReset_thenEmpty() {
        processor.deliver(fairAccessHistory());

        reports.fairAccess.reset();

        assertThat(reports.tablesWithRows()).contains("report_fair_access=0");
        assertThat(report(null, "MC2", null, null).centres()).isEmpty();
    }
}
