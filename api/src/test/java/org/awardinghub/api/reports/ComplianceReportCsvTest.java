package org.awardinghub.api.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.CurrentActor;
import org.awardinghub.events.user.Role;
import org.awardinghub.query.reports.Amendments;
import org.awardinghub.query.reports.AmendmentsReport;
import org.awardinghub.query.reports.AnswerChangePatterns;
import org.awardinghub.query.reports.CentreChanges;
import org.awardinghub.query.reports.CentreChangesReport;
import org.awardinghub.query.reports.ClaimTurnaround;
import org.awardinghub.query.reports.ClaimTurnaroundReport;
import org.awardinghub.query.reports.FairAccess;
import org.awardinghub.query.reports.FairAccessReport;
import org.awardinghub.query.reports.FastHighScores;
import org.awardinghub.query.reports.LateRegistrations;
import org.awardinghub.query.reports.PassRates;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * Every compliance report's CSV byte for byte, on fixed rows, without the application: the headers, each column's
 * formatting (decimals, empty cells for nothing, instants, booleans), the formula guard and the file name; and the
 * JSON and the query each request is scoped to.
 */
class ComplianceReportCsvTest {

    private static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    private static final Instant AT = Instant.parse("2026-02-01T10:00:00Z");
    private static final ActingUser ADMIN = new ActingUser("u-1", "10000001", "Admin", Set.of(Role.IMI_ADMIN), null);
    private static final ActingUser CENTRE_USER =
            new ActingUser("u-2", "10000002", "Centre", Set.of(Role.CENTRE_ADMIN), "c-9");
    private static final ReportFilter ALL = new ReportFilter(null, null, null, null);

    private final FakeQueries queries = new FakeQueries();
    private final ComplianceReportController controller = new ComplianceReportController(
            new Access(null, null, null, null), queries, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void givenLateRegistrations_whenAskedAsCsv_thenHeaderAndRowsWithOneDecimalAndFormulasDefused() {
        queries.answer(new LateRegistrations(
                null,
                null,
                null,
                null,
                List.of(
                        new LateRegistrations.Row("=cmd|' /C calc'!A0", 3, 2, 66.66),
                        new LateRegistrations.Row("c-2", 1, 0, 0.0))));

        var csv = csv(() -> controller.lateRegistrations(ALL, "text/csv"));

        assertThat(csv.getBody())
                .isEqualTo("centreId,registrations,late,latePercent\r\n"
                        + "'=cmd|' /C calc'!A0,3,2,66.7\r\n"
                        + "c-2,1,0,0.0\r\n");
        assertThat(csv.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"late-registrations.csv\"");
        assertThat(csv.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
    }

    @Test
    void givenClaimTurnaround_whenAskedAsCsv_thenTheMeanToOneDecimalAndNothingAsEmptyCells() {
        queries.answer(new ClaimTurnaround(
                null,
                null,
                null,
                null,
                List.of(
                        new ClaimTurnaround.Row("c-1", 2, 3.14, 5L, 4, 1, 1, 1, 1, 40L),
                        new ClaimTurnaround.Row("c-2", 0, null, null, 1, 1, 0, 0, 0, 2L))));

        var csv = csv(() -> controller.claimTurnaround(ALL, "text/csv"));

        assertThat(csv.getBody())
                .isEqualTo("centreId,issued,meanDaysToIssue,longestDaysToIssue,awaiting,awaiting0To7Days,"
                        + "awaiting8To14Days,awaiting15To30Days,awaitingOver30Days,oldestAwaitingDays\r\n"
                        + "c-1,2,3.1,5,4,1,1,1,1,40\r\n"
                        + "c-2,0,,,1,1,0,0,0,2\r\n");
        assertThat(csv.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"claim-turnaround.csv\"");
        assertThat(queries.asked)
                .as("the claims awaiting now, by the clock")
                .containsExactly(new ClaimTurnaroundReport(null, null, null, null, NOW));
    }

    @Test
    void givenCentreChanges_whenAskedAsCsv_thenAReasonThatLooksLikeAFormulaIsQuotedAndDefused() {
        queries.answer(new CentreChanges(
                null,
                null,
                null,
                List.of(
                        new CentreChanges.Change(AT, "c-1", "SUSPENDED", "=HYPERLINK(\"http://x\")"),
                        new CentreChanges.Change(NOW, "c-1", "REINSTATED", null))));

        var csv = csv(() -> controller.centreChanges(ALL, "text/csv"));

        assertThat(csv.getBody())
                .isEqualTo("at,centreId,change,reason\r\n"
                        + "2026-02-01T10:00:00Z,c-1,SUSPENDED,\"'=HYPERLINK(\"\"http://x\"\")\"\r\n"
                        + "2026-04-01T12:00:00Z,c-1,REINSTATED,\r\n");
        assertThat(csv.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"centre-changes.csv\"");
    }

    @Test
    void givenAmendments_whenAskedAsCsv_thenTheCountsPerCentreAndTheLateOnesOneByOne() {
        queries.answer(new Amendments(
                null,
                null,
                null,
                null,
                List.of(new Amendments.Row("c-1", 5, 1, 1, 1, 1, 1, 2, 1)),
                1,
                List.of(new Amendments.LateAmendment(
                        AT, "cand-1", "c-1", "LV2", "NAME", "+44 typo", null, AT.minusSeconds(3600), null))));

        var counts = csv(() -> controller.amendments(ALL, "text/csv"));
        var late = csv(() -> controller.lateAmendments(ALL, "text/csv"));

        assertThat(counts.getBody())
                .isEqualTo("centreId,amendments,names,datesOfBirth,ulns,qualifications,transfers,afterResult,"
                        + "afterClaim\r\n"
                        + "c-1,5,1,1,1,1,1,2,1\r\n");
        assertThat(counts.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"amendments.csv\"");
        assertThat(late.getBody())
                .isEqualTo("at,candidateId,centreId,qualificationCode,kind,reason,actorPin,firstResultAt,"
                        + "firstClaimAt\r\n"
                        + "2026-02-01T10:00:00Z,cand-1,c-1,LV2,NAME,'+44 typo,,2026-02-01T09:00:00Z,\r\n");
        assertThat(late.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"amendments-after-result-or-claim.csv\"");
    }

    @Test
    void givenPassRates_whenAskedAsCsv_thenRatesToOneDecimalAndTheStandardErrorToTwo() {
        queries.answer(new PassRates(
                null,
                null,
                null,
                null,
                List.of(new PassRates.National("LV2", "-U01", 30, 20, 66.7)),
                List.of(new PassRates.Row("c-1", "LV2", "-U01", 20, 20, 100.0, 66.67, 10.5432, true))));

        var csv = csv(() -> controller.passRates(ALL, "text/csv"));

        assertThat(csv.getBody())
                .isEqualTo("centreId,qualificationCode,assessmentCode,attempts,passes,passRate,nationalPassRate,"
                        + "standardError,flagged\r\n"
                        + "c-1,LV2,'-U01,20,20,100.0,66.7,10.54,true\r\n");
        assertThat(csv.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"pass-rates.csv\"");
    }

    @Test
    void givenFastHighScores_whenAskedAsCsv_thenEveryColumnInOrder() {
        queries.answer(new FastHighScores(
                null,
                null,
                null,
                null,
                1,
                List.of(new FastHighScores.Attempt(
                        "a-1",
                        "cand-1",
                        null,
                        "c-1",
                        "LV2",
                        "LV2-U01",
                        "@pin",
                        AT,
                        AT.plusSeconds(300),
                        95.0,
                        300,
                        1800,
                        16.666,
                        false))));

        var csv = csv(() -> controller.fastHighScores(ALL, "text/csv"));

        assertThat(csv.getBody())
                .isEqualTo("attemptId,candidateId,registrationNumber,centreId,qualificationCode,assessmentCode,"
                        + "invigilatorPin,startedAt,submittedAt,percent,secondsTaken,secondsAllowed,timeUsedPercent,"
                        + "voided\r\n"
                        + "a-1,cand-1,,c-1,LV2,LV2-U01,'@pin,2026-02-01T10:00:00Z,2026-02-01T10:05:00Z,95.0,300,1800,"
                        + "16.7,false\r\n");
        assertThat(csv.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"fast-high-scores.csv\"");
    }

    @Test
    void givenAnswerChanges_whenAskedAsCsv_thenTheCentreRowsToTwoDecimalsAndTheAttemptsApart() {
        queries.answer(new AnswerChangePatterns(
                null,
                null,
                null,
                null,
                List.of(),
                List.of(new AnswerChangePatterns.Row("c-1", "LV2", "LV2-U01", 20, 21, 20, 1.0, 0.666, 0.1054, true)),
                1,
                List.of(new AnswerChangePatterns.Attempt(
                        "a-1", "cand-1", "R-1", "c-1", "LV2", "LV2-U01", AT, 4, 3, 1, false))));

        var centres = csv(() -> controller.answerChanges(ALL, "text/csv"));
        var attempts = csv(() -> controller.answerChangeAttempts(ALL, "text/csv"));

        assertThat(centres.getBody())
                .isEqualTo("centreId,qualificationCode,assessmentCode,attempts,changes,wrongToRight,"
                        + "meanWrongToRight,nationalMeanWrongToRight,standardError,flagged\r\n"
                        + "c-1,LV2,LV2-U01,20,21,20,1.00,0.67,0.11,true\r\n");
        assertThat(centres.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"answer-changes.csv\"");
        assertThat(attempts.getBody())
                .isEqualTo("attemptId,candidateId,registrationNumber,centreId,qualificationCode,assessmentCode,"
                        + "submittedAt,changes,wrongToRight,rightToWrong,flagged\r\n"
                        + "a-1,cand-1,R-1,c-1,LV2,LV2-U01,2026-02-01T10:00:00Z,4,3,1,false\r\n");
        assertThat(attempts.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"answer-changes-attempts.csv\"");
    }

    @Test
    void givenFairAccess_whenAskedAsCsv_thenSevenColumnsPerMeasureRatesToTwoDecimalsAndNoRateAsAnEmptyCell() {
        FairAccess.Measure none = new FairAccess.Measure(0, 0, 0, 0.0, 0.667, 1.291, false);
        FairAccess.Measure noAttempts = new FairAccess.Measure(0, 0, 0, null, 0.667, null, false);
        queries.answer(new FairAccess(
                null,
                null,
                null,
                null,
                new FairAccess.National(300, null, null, null, null),
                List.of(
                        new FairAccess.Row(
                                "c-1",
                                40,
                                new FairAccess.Measure(12, 11, 10, 30.0, 12.0, 5.477, true),
                                none,
                                new FairAccess.Measure(3, 3, 1, 7.5, 1.333, 1.826, true),
                                none),
                        new FairAccess.Row(
                                "c-2",
                                0,
                                new FairAccess.Measure(1, 0, 0, null, 12.0, null, false),
                                noAttempts,
                                noAttempts,
                                noAttempts))));

        var csv = csv(() -> controller.fairAccess(ALL, "text/csv"));

        String measure = "Count,%1$sDecided,%1$sFavourable,%1$sRate,%1$sNationalRate,%1$sStandardError,%1$sFlagged";
        assertThat(csv.getBody())
                .isEqualTo("centreId,attempts,accessArrangements" + measure.formatted("accessArrangements")
                        + ",specialConsiderations" + measure.formatted("specialConsiderations")
                        + ",resultEnquiries" + measure.formatted("resultEnquiries")
                        + ",appeals" + measure.formatted("appeals") + "\r\n"
                        + "c-1,40,12,11,10,30.00,12.00,5.48,true,0,0,0,0.00,0.67,1.29,false,"
                        + "3,3,1,7.50,1.33,1.83,true,0,0,0,0.00,0.67,1.29,false\r\n"
                        + "c-2,0,1,0,0,,12.00,,false,0,0,0,,0.67,,false,0,0,0,,0.67,,false,0,0,0,,0.67,,false\r\n");
        assertThat(csv.getHeaders().getFirst("Content-Disposition"))
                .isEqualTo("attachment; filename=\"fair-access.csv\"");
        as(CENTRE_USER, () -> controller.fairAccess(new ReportFilter(null, "LV2", "2026-01-01", null), null));
        assertThat(queries.asked)
                .as("a centre's user: their own centre, beside the national figures")
                .endsWith(new FairAccessReport("c-9", "LV2", LocalDate.of(2026, 1, 1), null));
    }

    @Test
    void givenNoCsvAsked_whenReported_thenTheReportItselfAsJson() {
        PassRates report = new PassRates(null, null, null, null, List.of(), List.of());
        queries.answer(report);

        ResponseEntity<?> json = as(ADMIN, () -> controller.passRates(ALL, "application/json"));

        assertThat(json.getStatusCode().value()).isEqualTo(200);
        assertThat(json.getBody()).isSameAs(report);
        assertThat(as(ADMIN, () -> controller.passRates(ALL, null)).getBody()).isSameAs(report);
    }

    @Test
    void givenFilters_whenReported_thenTheQueryIsScopedToThemAndACentreUserToTheirOwnCentre() {
        queries.answer(new Amendments(null, null, null, null, List.of(), 0, List.of()));
        queries.answer(new CentreChanges(null, null, null, List.of()));

        as(ADMIN, () -> controller.amendments(new ReportFilter(" c-1 ", " LV2 ", "2026-01-01", "2026-01-31"), null));
        as(CENTRE_USER, () -> controller.centreChanges(new ReportFilter("", "LV2", null, null), null));

        assertThat(queries.asked)
                .containsExactly(
                        new AmendmentsReport("c-1", "LV2", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)),
                        new CentreChangesReport("c-9", null, null));
        assertThatThrownBy(() ->
                        as(CENTRE_USER, () -> controller.amendments(new ReportFilter("c-1", null, null, null), null)))
                .isInstanceOfSatisfying(
                        ApiProblem.class,
                        problem -> assertThat(problem.status().value()).isEqualTo(404));
        assertThat(queries.asked).as("nothing asked for another centre").hasSize(2);
    }

    @SuppressWarnings("unchecked")
    private static ResponseEntity<String> csv(Supplier<ResponseEntity<?>> request) {
        return (ResponseEntity<String>) as(ADMIN, request);
    }

    private static <T> T as(ActingUser user, Supplier<T> request) {
        List<T> answer = new ArrayList<>();
        CurrentActor.run(user, () -> answer.add(request.get()));
        return answer.get(0);
    }

    /** Answers each report query with the report of its type given beforehand, and keeps what it was asked. */
    private static final class FakeQueries extends Queries {

        private final Map<Class<?>, Object> answers = new HashMap<>();
        private final List<Object> asked = new ArrayList<>();

        FakeQueries() {
            super(null);
        }

        void answer(Object report) {
            answers.put(report.getClass(), report);
        }

        @Override
        public <R> Optional<R> one(Object query, Class<R> type) {
            asked.add(query);
            return Optional.of(type.cast(answers.get(type)));
        }
    }
}
