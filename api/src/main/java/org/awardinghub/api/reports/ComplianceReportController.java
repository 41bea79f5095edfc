package org.awardinghub.api.reports;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import org.awardinghub.api.Queries;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.Allow;
import org.awardinghub.query.reports.Amendments;
import org.awardinghub.query.reports.AmendmentsReport;
import org.awardinghub.query.reports.AnswerChangePatterns;
import org.awardinghub.query.reports.AnswerChangesReport;
import org.awardinghub.query.reports.CentreChanges;
import org.awardinghub.query.reports.CentreChangesReport;
import org.awardinghub.query.reports.ClaimTurnaround;
import org.awardinghub.query.reports.ClaimTurnaroundReport;
import org.awardinghub.query.reports.FairAccess;
import org.awardinghub.query.reports.FairAccessReport;
import org.awardinghub.query.reports.FastHighScores;
import org.awardinghub.query.reports.FastHighScoresReport;
import org.awardinghub.query.reports.LateRegistrations;
import org.awardinghub.query.reports.LateRegistrationsReport;
import org.awardinghub.query.reports.PassRates;
import org.awardinghub.query.reports.PassRatesReport;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compliance reports, for IMI staff across centres and for a centre's own users about their centre only: JSON, or
 * CSV with {@code Accept: text/csv}; filtered by centre, qualification and period ({@code from}, {@code to}: dates,
 * inclusive). The figures are kept incrementally by the reports projection, never counted from the events. Each
 * endpoint names its query and its CSV layout ({@link ComplianceCsv}); the scoping is here.
 */
@RestController
class ComplianceReportController {

    private final Access access;
    private final Queries queries;
    private final Clock clock;

    public ComplianceReportController(Access access, Queries queries, Clock clock) {
        this.access = access;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * The late-registrations report. Registrations more than the policy's days (90) after the learning start date, per
     * centre.
     */
    @GetMapping("/api/reports/late-registrations")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = LateRegistrations.class)))
    public ResponseEntity<?> lateRegistrations(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        return report(
                filter,
                accept,
                LateRegistrationsReport::new,
                LateRegistrations.class,
                ComplianceCsv.LATE_REGISTRATIONS);
    }

    /**
     * The claim-turnaround report. Claim to issue per centre, for claims issued in the period (the day of issue), and
     * the claims awaiting approval now, by age.
     */
    @GetMapping("/api/reports/claim-turnaround")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = ClaimTurnaround.class)))
    public ResponseEntity<?> claimTurnaround(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        return report(
                filter,
                accept,
                (centreId, qualificationCode, from, to) ->
                        new ClaimTurnaroundReport(centreId, qualificationCode, from, to, clock.instant()),
                ClaimTurnaround.class,
                ComplianceCsv.CLAIM_TURNAROUND);
    }

    /** Sanctions, status and Direct Claim Status changes over time, with their reasons. */
    @GetMapping("/api/reports/centre-changes")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = CentreChanges.class)))
    public ResponseEntity<?> centreChanges(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        return report(
                filter,
                accept,
                (centreId, qualificationCode, from, to) -> new CentreChangesReport(centreId, from, to),
                CentreChanges.class,
                ComplianceCsv.CENTRE_CHANGES);
    }

    /**
     * The amendments report. Amendments of candidates per centre by kind, how many came after the candidate had a
     * result or a claim, and those amendments one by one.
     */
    @GetMapping("/api/reports/amendments")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = Amendments.class)))
    public ResponseEntity<?> amendments(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        return report(filter, accept, AmendmentsReport::new, Amendments.class, ComplianceCsv.AMENDMENTS);
    }

    /**
     * The amendments made after a result or a claim. The amendments made after a result or a claim, one by one: the
     * detail behind the amendments report's last two columns, as CSV too.
     */
    @GetMapping("/api/reports/amendments/after-result-or-claim")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = Amendments.class)))
    public ResponseEntity<?> lateAmendments(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        return report(filter, accept, AmendmentsReport::new, Amendments.class, ComplianceCsv.LATE_AMENDMENTS);
    }

    /**
     * The pass-rates report. Pass rates per centre and assessment against the national rate, flagging centres more than
     * two standard errors above it with at least 20 attempts. A centre's users see their own rows beside the national
     * figures.
     */
    @GetMapping("/api/reports/pass-rates")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = PassRates.class)))
    public ResponseEntity<?> passRates(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        return report(filter, accept, PassRatesReport::new, PassRates.class, ComplianceCsv.PASS_RATES);
    }

    /** Attempts scoring at least 90 % in under a quarter of the time allowed. */
    @GetMapping("/api/reports/fast-high-scores")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = FastHighScores.class)))
    public ResponseEntity<?> fastHighScores(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        return report(filter, accept, FastHighScoresReport::new, FastHighScores.class, ComplianceCsv.FAST_HIGH_SCORES);
    }

    /**
     * The answer-changes report. Changes of answer from wrong to right per centre and assessment against the national
     * pattern, and the attempts with any; centres and attempts far above the pattern are flagged. As CSV: the centre
     * rows.
     */
    @GetMapping("/api/reports/answer-changes")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = AnswerChangePatterns.class)))
    public ResponseEntity<?> answerChanges(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        return report(
                filter, accept, AnswerChangesReport::new, AnswerChangePatterns.class, ComplianceCsv.ANSWER_CHANGES);
    }

    /**
     * The attempts with changes of answer from wrong to right. The attempts with changes of answer from wrong to right,
     * most first, as CSV too: the detail behind the answer-changes report.
     */
    @GetMapping("/api/reports/answer-changes/attempts")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = AnswerChangePatterns.class)))
    public ResponseEntity<?> answerChangeAttempts(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        return report(
                filter,
                accept,
                AnswerChangesReport::new,
                AnswerChangePatterns.class,
                ComplianceCsv.ANSWER_CHANGE_ATTEMPTS);
    }

    /**
     * The fair-access report. Access arrangements requested, special considerations applied for, result enquiries
     * raised and appeals lodged per centre, per 100 marked attempts, against the national rate; a centre far above it
     * is flagged (at least 20 attempts, more than two standard errors above, and a count the national rate makes less
     * likely than 2.5 %). A centre's users see their own row beside the national figures.
     */
    @GetMapping("/api/reports/fair-access")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = FairAccess.class)))
    public ResponseEntity<?> fairAccess(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        return report(filter, accept, FairAccessReport::new, FairAccess.class, ComplianceCsv.FAIR_ACCESS);
    }

    /**
     * The request's report: the filters scoped ({@link #scope}) before anything is asked, then the report as JSON, or
     * as the CSV file of its layout when the request accepts {@code text/csv}.
     */
    private <R> ResponseEntity<?> report(
            ReportFilter filter, String accept, ReportQuery query, Class<R> type, ComplianceCsv.Layout<R, ?> csv) {
        Scope scope = scope(filter);
        R report = queries.one(query.of(scope.centreId(), scope.qualificationCode(), scope.from(), scope.to()), type)
                .orElseThrow();
        return Csv.wanted(accept) ? csv.file(report) : ResponseEntity.ok(report);
    }

    /** A report's query for the scope of a request. */
    private interface ReportQuery {
        Object of(String centreId, String qualificationCode, LocalDate from, LocalDate to);
    }

    /**
     * The filters checked and resolved: the centre (IMI staff any or none; a centre's user always their own, and
     * never another's), the qualification, and the period in whole days, both ends inclusive, either open.
     */
    private record Scope(String centreId, String qualificationCode, LocalDate from, LocalDate to) {}

    private Scope scope(ReportFilter filter) {
        ReportPeriod period = ReportPeriod.of(filter.from(), filter.to());
        return new Scope(
                CentreScope.of(access.current(), filter.centreId()),
                CentreScope.blankToNull(filter.qualificationCode()),
                period.from(),
                period.to());
    }
}
