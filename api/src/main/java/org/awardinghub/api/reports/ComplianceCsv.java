package org.awardinghub.api.reports;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.awardinghub.query.reports.Amendments;
import org.awardinghub.query.reports.AnswerChangePatterns;
import org.awardinghub.query.reports.CentreChanges;
import org.awardinghub.query.reports.ClaimTurnaround;
import org.awardinghub.query.reports.FairAccess;
import org.awardinghub.query.reports.FastHighScores;
import org.awardinghub.query.reports.LateRegistrations;
import org.awardinghub.query.reports.PassRates;
import org.springframework.http.ResponseEntity;

/**
 * The compliance reports as CSV: for each, the file's name, the rows it lists, and its columns, every column
 * declared once as its header beside the cell it writes from a row, so that the two cannot drift apart. A value
 * that is not there is an empty cell; decimals have a fixed number of places. {@link Csv} writes the file: quotes,
 * CRLF, and the guard against cells a spreadsheet would run as formulas.
 */
final class ComplianceCsv {

    static final Layout<LateRegistrations, LateRegistrations.Row> LATE_REGISTRATIONS = new Layout<>(
            "late-registrations",
            LateRegistrations::centres,
            List.of(
                    text("centreId", LateRegistrations.Row::centreId),
                    text("registrations", LateRegistrations.Row::registrations),
                    text("late", LateRegistrations.Row::late),
                    decimal("latePercent", LateRegistrations.Row::latePercent, 1)));

    static final Layout<ClaimTurnaround, ClaimTurnaround.Row> CLAIM_TURNAROUND = new Layout<>(
            "claim-turnaround",
            ClaimTurnaround::centres,
            List.of(
                    text("centreId", ClaimTurnaround.Row::centreId),
                    text("issued", ClaimTurnaround.Row::issued),
                    decimal("meanDaysToIssue", ClaimTurnaround.Row::meanDaysToIssue, 1),
                    text("longestDaysToIssue", ClaimTurnaround.Row::longestDaysToIssue),
                    text("awaiting", ClaimTurnaround.Row::awaiting),
                    text("awaiting0To7Days", ClaimTurnaround.Row::awaiting0To7Days),
                    text("awaiting8To14Days", ClaimTurnaround.Row::awaiting8To14Days),
                    text("awaiting15To30Days", ClaimTurnaround.Row::awaiting15To30Days),
                    text("awaitingOver30Days", ClaimTurnaround.Row::awaitingOver30Days),
                    text("oldestAwaitingDays", ClaimTurnaround.Row::oldestAwaitingDays)));

    static final Layout<CentreChanges, CentreChanges.Change> CENTRE_CHANGES = new Layout<>(
            "centre-changes",
            CentreChanges::changes,
            List.of(
                    text("at", CentreChanges.Change::at),
                    text("centreId", CentreChanges.Change::centreId),
                    text("change", CentreChanges.Change::change),
                    text("reason", CentreChanges.Change::reason)));

    static final Layout<Amendments, Amendments.Row> AMENDMENTS = new Layout<>(
            "amendments",
            Amendments::centres,
            List.of(
                    text("centreId", Amendments.Row::centreId),
                    text("amendments", Amendments.Row::amendments),
                    text("names", Amendments.Row::names),
                    text("datesOfBirth", Amendments.Row::datesOfBirth),
                    text("ulns", Amendments.Row::ulns),
                    text("qualifications", Amendments.Row::qualifications),
                    text("transfers", Amendments.Row::transfers),
                    text("afterResult", Amendments.Row::afterResult),
                    text("afterClaim", Amendments.Row::afterClaim)));

    static final Layout<Amendments, Amendments.LateAmendment> LATE_AMENDMENTS = new Layout<>(
            "amendments-after-result-or-claim",
            Amendments::lateAmendments,
            List.of(
                    text("at", Amendments.LateAmendment::at),
                    text("candidateId", Amendments.LateAmendment::candidateId),
                    text("centreId", Amendments.LateAmendment::centreId),
                    text("qualificationCode", Amendments.LateAmendment::qualificationCode),
                    text("kind", Amendments.LateAmendment::kind),
                    text("reason", Amendments.LateAmendment::reason),
                    text("actorPin", Amendments.LateAmendment::actorPin),
                    text("firstResultAt", Amendments.LateAmendment::firstResultAt),
                    text("firstClaimAt", Amendments.LateAmendment::firstClaimAt)));

    static final Layout<PassRates, PassRates.Row> PASS_RATES = new Layout<>(
            "pass-rates",
            PassRates::centres,
            List.of(
                    text("centreId", PassRates.Row::centreId),
                    text("qualificationCode", PassRates.Row::qualificationCode),
                    text("assessmentCode", PassRates.Row::assessmentCode),
                    text("attempts", PassRates.Row::attempts),
                    text("passes", PassRates.Row::passes),
                    decimal("passRate", PassRates.Row::passRate, 1),
                    decimal("nationalPassRate", PassRates.Row::nationalPassRate, 1),
                    decimal("standardError", PassRates.Row::standardError, 2),
                    text("flagged", PassRates.Row::flagged)));

    static final Layout<FastHighScores, FastHighScores.Attempt> FAST_HIGH_SCORES = new Layout<>(
            "fast-high-scores",
            FastHighScores::attempts,
            List.of(
                    text("attemptId", FastHighScores.Attempt::attemptId),
                    text("candidateId", FastHighScores.Attempt::candidateId),
                    text("registrationNumber", FastHighScores.Attempt::registrationNumber),
                    text("centreId", FastHighScores.Attempt::centreId),
                    text("qualificationCode", FastHighScores.Attempt::qualificationCode),
                    text("assessmentCode", FastHighScores.Attempt::assessmentCode),
                    text("invigilatorPin", FastHighScores.Attempt::invigilatorPin),
                    text("startedAt", FastHighScores.Attempt::startedAt),
                    text("submittedAt", FastHighScores.Attempt::submittedAt),
                    decimal("percent", FastHighScores.Attempt::percent, 1),
                    text("secondsTaken", FastHighScores.Attempt::secondsTaken),
                    text("secondsAllowed", FastHighScores.Attempt::secondsAllowed),
                    decimal("timeUsedPercent", FastHighScores.Attempt::timeUsedPercent, 1),
                    text("voided", FastHighScores.Attempt::voided)));

    /** The centre rows of the answer-changes report. */
    static final Layout<AnswerChangePatterns, AnswerChangePatterns.Row> ANSWER_CHANGES = new Layout<>(
            "answer-changes",
            AnswerChangePatterns::centres,
            List.of(
                    text("centreId", AnswerChangePatterns.Row::centreId),
                    text("qualificationCode", AnswerChangePatterns.Row::qualificationCode),
                    text("assessmentCode", AnswerChangePatterns.Row::assessmentCode),
                    text("attempts", AnswerChangePatterns.Row::attempts),
                    text("changes", AnswerChangePatterns.Row::changes),
                    text("wrongToRight", AnswerChangePatterns.Row::wrongToRight),
                    decimal("meanWrongToRight", AnswerChangePatterns.Row::meanWrongToRight, 2),
                    decimal("nationalMeanWrongToRight", AnswerChangePatterns.Row::nationalMeanWrongToRight, 2),
                    decimal("standardError", AnswerChangePatterns.Row::standardError, 2),
                    text("flagged", AnswerChangePatterns.Row::flagged)));

    /** The attempts of the answer-changes report. */
    static final Layout<AnswerChangePatterns, AnswerChangePatterns.Attempt> ANSWER_CHANGE_ATTEMPTS = new Layout<>(
            "answer-changes-attempts",
            AnswerChangePatterns::attempts,
            List.of(
                    text("attemptId", AnswerChangePatterns.Attempt::attemptId),
                    text("candidateId", AnswerChangePatterns.Attempt::candidateId),
                    text("registrationNumber", AnswerChangePatterns.Attempt::registrationNumber),
                    text("centreId", AnswerChangePatterns.Attempt::centreId),
                    text("qualificationCode", AnswerChangePatterns.Attempt::qualificationCode),
                    text("assessmentCode", AnswerChangePatterns.Attempt::assessmentCode),
                    text("submittedAt", AnswerChangePatterns.Attempt::submittedAt),
                    text("changes", AnswerChangePatterns.Attempt::changes),
                    text("wrongToRight", AnswerChangePatterns.Attempt::wrongToRight),
                    text("rightToWrong", AnswerChangePatterns.Attempt::rightToWrong),
                    text("flagged", AnswerChangePatterns.Attempt::flagged)));

    /** The centre rows of the fair-access report: each measure's seven columns, named after it. */
    static final Layout<FairAccess, FairAccess.Row> FAIR_ACCESS = new Layout<>(
            "fair-access",
            FairAccess::centres,
            Stream.of(
                            List.of(
                                    text("centreId", FairAccess.Row::centreId),
                                    text("attempts", FairAccess.Row::attempts)),
                            measure("accessArrangements", FairAccess.Row::accessArrangements),
                            measure("specialConsiderations", FairAccess.Row::specialConsiderations),
                            measure("resultEnquiries", FairAccess.Row::resultEnquiries),
                            measure("appeals", FairAccess.Row::appeals))
                    .flatMap(List::stream)
                    .toList());

    private ComplianceCsv() {}

    /** {@code nameCount}, {@code nameDecided}, ... {@code nameFlagged}: one fair-access measure of a centre row. */
    private static List<Column<FairAccess.Row>> measure(
            String name, Function<FairAccess.Row, FairAccess.Measure> measure) {
        return List.of(
                text(name + "Count", measure.andThen(FairAccess.Measure::count)),
                text(name + "Decided", measure.andThen(FairAccess.Measure::decided)),
                text(name + "Favourable", measure.andThen(FairAccess.Measure::favourable)),
                decimal(name + "Rate", measure.andThen(FairAccess.Measure::rate), 2),
                decimal(name + "NationalRate", measure.andThen(FairAccess.Measure::nationalRate), 2),
                decimal(name + "StandardError", measure.andThen(FairAccess.Measure::standardError), 2),
                text(name + "Flagged", measure.andThen(FairAccess.Measure::flagged)));
    }

    /**
     * A report's CSV file: {@code name}.csv, a header line of the columns' headers, then a line per row of
     * {@code rows}, each cell written by its column.
     */
    record Layout<R, T>(String name, Function<R, List<T>> rows, List<Column<T>> columns) {

        ResponseEntity<String> file(R report) {
            return Csv.file(
                    name,
                    columns.stream().map(Column::header).toList(),
                    rows.apply(report).stream()
                            .map(row -> columns.stream()
                                    .map(column -> column.cell().apply(row))
                                    .toList())
                            .toList());
        }
    }

    /** One column: its header, and the cell it writes from a row. */
    record Column<T>(String header, Function<T, String> cell) {}

    /** The value as text ({@code toString}: numbers in full, instants in ISO-8601, booleans as true or false). */
    private static <T> Column<T> text(String header, Function<T, ?> value) {
        return new Column<>(header, row -> {
            Object cell = value.apply(row);
            return cell == null ? "" : cell.toString();
        });
    }

    /** The number to so many decimal places ({@link Csv#decimal}). */
    private static <T> Column<T> decimal(String header, Function<T, Double> value, int places) {
        return new Column<>(header, row -> Csv.decimal(value.apply(row), places));
    }
}
