package org.awardinghub.api.reports;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.Allow;
import org.awardinghub.query.reports.Amendments;
import org.awardinghub.query.reports.AmendmentsReport;
import org.awardinghub.query.reports.AnswerChangePatterns;
import org.awardinghub.query.reports.AnswerChangesReport;
import org.awardinghub.query.reports.CentreChanges;
import org.awardinghub.query.reports.CentreChangesReport;
import org.awardinghub.query.reports.ClaimTurnaround;
import org.awardinghub.query.reports.ClaimTurnaroundReport;
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
 * inclusive). The figures are kept incrementally by the reports projection, never counted from the events.
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

    /** Registrations more than the policy's days (90) after the learning start date, per centre. */
    @GetMapping("/api/reports/late-registrations")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public ResponseEntity<?> lateRegistrations(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        Scope scope = scope(filter);
        LateRegistrations report = queries.one(
                        new LateRegistrationsReport(
                                scope.centreId(), scope.qualificationCode(), scope.from(), scope.to()),
                        LateRegistrations.class)
                .orElseThrow();
        if (Csv.wanted(accept)) {
            return Csv.file(
                    "late-registrations",
                    List.of("centreId", "registrations", "late", "latePercent"),
                    report.centres().stream()
                            .map(row -> List.of(
                                    row.centreId(),
                                    Long.toString(row.registrations()),
                                    Long.toString(row.late()),
                                    Csv.decimal(row.latePercent(), 1)))
                            .toList());
        }
        return ResponseEntity.ok(report);
    }

    /**
     * Claim to issue per centre, for claims issued in the period (the day of issue), and the claims awaiting
     * approval now, by age.
     */
    @GetMapping("/api/reports/claim-turnaround")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public ResponseEntity<?> claimTurnaround(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        Scope scope = scope(filter);
        ClaimTurnaround report = queries.one(
                        new ClaimTurnaroundReport(
                                scope.centreId(), scope.qualificationCode(), scope.from(), scope.to(), clock.instant()),
                        ClaimTurnaround.class)
                .orElseThrow();
        if (Csv.wanted(accept)) {
            return Csv.file(
                    "claim-turnaround",
                    List.of(
                            "centreId",
                            "issued",
                            "meanDaysToIssue",
                            "longestDaysToIssue",
                            "awaiting",
                            "awaiting0To7Days",
                            "awaiting8To14Days",
                            "awaiting15To30Days",
                            "awaitingOver30Days",
                            "oldestAwaitingDays"),
                    report.centres().stream()
                            .map(row -> List.of(
                                    row.centreId(),
                                    Long.toString(row.issued()),
                                    Csv.decimal(row.meanDaysToIssue(), 1),
                                    text(row.longestDaysToIssue()),
                                    Long.toString(row.awaiting()),
                                    Long.toString(row.awaiting0To7Days()),
                                    Long.toString(row.awaiting8To14Days()),
                                    Long.toString(row.awaiting15To30Days()),
                                    Long.toString(row.awaitingOver30Days()),
                                    text(row.oldestAwaitingDays())))
                            .toList());
        }
        return ResponseEntity.ok(report);
    }

    /** Sanctions, status and Direct Claim Status changes over time, with their reasons. */
    @GetMapping("/api/reports/centre-changes")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public ResponseEntity<?> centreChanges(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        Scope scope = scope(filter);
        CentreChanges report = queries.one(
                        new CentreChangesReport(scope.centreId(), scope.from(), scope.to()), CentreChanges.class)
                .orElseThrow();
        if (Csv.wanted(accept)) {
            return Csv.file(
                    "centre-changes",
                    List.of("at", "centreId", "change", "reason"),
                    report.changes().stream()
                            .map(change -> List.of(
                                    change.at().toString(),
                                    change.centreId(),
                                    change.change(),
                                    change.reason() == null ? "" : change.reason()))
                            .toList());
        }
        return ResponseEntity.ok(report);
    }

    /**
     * Amendments of candidates per centre by kind, how many came after the candidate had a result or a claim, and
     * those amendments one by one.
     */
    @GetMapping("/api/reports/amendments")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public ResponseEntity<?> amendments(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        Amendments report = amendments(scope(filter));
        if (Csv.wanted(accept)) {
            return Csv.file(
                    "amendments",
                    List.of(
                            "centreId",
                            "amendments",
                            "names",
                            "datesOfBirth",
                            "ulns",
                            "qualifications",
                            "transfers",
                            "afterResult",
                            "afterClaim"),
                    report.centres().stream()
                            .map(row -> List.of(
                                    row.centreId(),
                                    text(row.amendments()),
                                    text(row.names()),
                                    text(row.datesOfBirth()),
                                    text(row.ulns()),
                                    text(row.qualifications()),
                                    text(row.transfers()),
                                    text(row.afterResult()),
                                    text(row.afterClaim())))
                            .toList());
        }
        return ResponseEntity.ok(report);
    }

    /**
     * The amendments made after a result or a claim, one by one: the detail behind the amendments report's last two
     * columns, as CSV too.
     */
    @GetMapping("/api/reports/amendments/after-result-or-claim")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public ResponseEntity<?> lateAmendments(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        Amendments report = amendments(scope(filter));
        if (Csv.wanted(accept)) {
            return Csv.file(
                    "amendments-after-result-or-claim",
                    List.of(
                            "at",
                            "candidateId",
                            "centreId",
                            "qualificationCode",
                            "kind",
                            "reason",
                            "actorPin",
                            "firstResultAt",
                            "firstClaimAt"),
                    report.lateAmendments().stream()
                            .map(amendment -> List.of(
                                    amendment.at().toString(),
                                    amendment.candidateId(),
                                    amendment.centreId(),
                                    amendment.qualificationCode(),
                                    amendment.kind(),
                                    text(amendment.reason()),
                                    text(amendment.actorPin()),
                                    text(amendment.firstResultAt()),
                                    text(amendment.firstClaimAt())))
                            .toList());
        }
        return ResponseEntity.ok(report);
    }

    /**
     * Pass rates per centre and assessment against the national rate, flagging centres more than two standard
     * errors above it with at least 20 attempts. A centre's users see their own rows beside the national figures.
     */
    @GetMapping("/api/reports/pass-rates")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public ResponseEntity<?> passRates(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        Scope scope = scope(filter);
        PassRates report = queries.one(
                        new PassRatesReport(scope.centreId(), scope.qualificationCode(), scope.from(), scope.to()),
                        PassRates.class)
                .orElseThrow();
        if (Csv.wanted(accept)) {
            return Csv.file(
                    "pass-rates",
                    List.of(
                            "centreId",
                            "qualificationCode",
                            "assessmentCode",
                            "attempts",
                            "passes",
                            "passRate",
                            "nationalPassRate",
                            "standardError",
                            "flagged"),
                    report.centres().stream()
                            .map(row -> List.of(
                                    row.centreId(),
                                    row.qualificationCode(),
                                    row.assessmentCode(),
                                    text(row.attempts()),
                                    text(row.passes()),
                                    Csv.decimal(row.passRate(), 1),
                                    Csv.decimal(row.nationalPassRate(), 1),
                                    Csv.decimal(row.standardError(), 2),
                                    Boolean.toString(row.flagged())))
                            .toList());
        }
        return ResponseEntity.ok(report);
    }

    /** Attempts scoring at least 90 % in under a quarter of the time allowed. */
    @GetMapping("/api/reports/fast-high-scores")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public ResponseEntity<?> fastHighScores(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        Scope scope = scope(filter);
        FastHighScores report = queries.one(
                        new FastHighScoresReport(scope.centreId(), scope.qualificationCode(), scope.from(), scope.to()),
                        FastHighScores.class)
                .orElseThrow();
        if (Csv.wanted(accept)) {
            return Csv.file(
                    "fast-high-scores",
                    List.of(
                            "attemptId",
                            "candidateId",
                            "registrationNumber",
                            "centreId",
                            "qualificationCode",
                            "assessmentCode",
                            "invigilatorPin",
                            "startedAt",
                            "submittedAt",
                            "percent",
                            "secondsTaken",
                            "secondsAllowed",
                            "timeUsedPercent",
                            "voided"),
                    report.attempts().stream()
                            .map(attempt -> List.of(
                                    attempt.attemptId(),
                                    attempt.candidateId(),
                                    text(attempt.registrationNumber()),
                                    attempt.centreId(),
                                    attempt.qualificationCode(),
                                    attempt.assessmentCode(),
                                    text(attempt.invigilatorPin()),
                                    text(attempt.startedAt()),
                                    text(attempt.submittedAt()),
                                    Csv.decimal(attempt.percent(), 1),
                                    text(attempt.secondsTaken()),
                                    text(attempt.secondsAllowed()),
                                    Csv.decimal(attempt.timeUsedPercent(), 1),
                                    Boolean.toString(attempt.voided())))
                            .toList());
        }
        return ResponseEntity.ok(report);
    }

    /**
     * Changes of answer from wrong to right per centre and assessment against the national pattern, and the attempts
     * with any; centres and attempts far above the pattern are flagged. As CSV: the centre rows.
     */
    @GetMapping("/api/reports/answer-changes")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public ResponseEntity<?> answerChanges(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        AnswerChangePatterns report = answerChanges(scope(filter));
        if (Csv.wanted(accept)) {
            return Csv.file(
                    "answer-changes",
                    List.of(
                            "centreId",
                            "qualificationCode",
                            "assessmentCode",
                            "attempts",
                            "changes",
                            "wrongToRight",
                            "meanWrongToRight",
                            "nationalMeanWrongToRight",
                            "standardError",
                            "flagged"),
                    report.centres().stream()
                            .map(row -> List.of(
                                    row.centreId(),
                                    row.qualificationCode(),
                                    row.assessmentCode(),
                                    text(row.attempts()),
                                    text(row.changes()),
                                    text(row.wrongToRight()),
                                    Csv.decimal(row.meanWrongToRight(), 2),
                                    Csv.decimal(row.nationalMeanWrongToRight(), 2),
                                    Csv.decimal(row.standardError(), 2),
                                    Boolean.toString(row.flagged())))
                            .toList());
        }
        return ResponseEntity.ok(report);
    }

    /**
     * The attempts with changes of answer from wrong to right, most first, as CSV too: the detail behind the
     * answer-changes report.
     */
    @GetMapping("/api/reports/answer-changes/attempts")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            anyone = true)
    public ResponseEntity<?> answerChangeAttempts(
            @ParameterObject ReportFilter filter, @RequestHeader(value = "Accept", required = false) String accept) {
        AnswerChangePatterns report = answerChanges(scope(filter));
        if (Csv.wanted(accept)) {
            return Csv.file(
                    "answer-changes-attempts",
                    List.of(
                            "attemptId",
                            "candidateId",
                            "registrationNumber",
                            "centreId",
                            "qualificationCode",
                            "assessmentCode",
                            "submittedAt",
                            "changes",
                            "wrongToRight",
                            "rightToWrong",
                            "flagged"),
                    report.attempts().stream()
                            .map(attempt -> List.of(
                                    attempt.attemptId(),
                                    attempt.candidateId(),
                                    text(attempt.registrationNumber()),
                                    attempt.centreId(),
                                    attempt.qualificationCode(),
                                    attempt.assessmentCode(),
                                    text(attempt.submittedAt()),
                                    text(attempt.changes()),
                                    text(attempt.wrongToRight()),
                                    text(attempt.rightToWrong()),
                                    Boolean.toString(attempt.flagged())))
                            .toList());
        }
        return ResponseEntity.ok(report);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private String centreOf(String requested) {
        ActingUser user = access.current();
        String centre = blankToNull(requested);
        if (user.isImiStaff()) {
            return centre;
        }
        if (centre != null && !centre.equals(user.centreId())) {
            throw ApiProblem.notFound("No such centre");
        }
        return user.centreId();
    }

    /**
     * The filters checked and resolved: the centre (IMI staff any or none; a centre's user always their own, and
     * never another's), the qualification, and the period in whole days, both ends inclusive, either open.
     */
    private record Scope(String centreId, String qualificationCode, LocalDate from, LocalDate to) {}

    private Scope scope(ReportFilter filter) {
        ReportPeriod period = ReportPeriod.of(filter.from(), filter.to());
        return new Scope(
                centreOf(filter.centreId()), blankToNull(filter.qualificationCode()), period.from(), period.to());
    }

    private Amendments amendments(Scope scope) {
        return queries.one(
                        new AmendmentsReport(scope.centreId(), scope.qualificationCode(), scope.from(), scope.to()),
                        Amendments.class)
                .orElseThrow();
    }

    private AnswerChangePatterns answerChanges(Scope scope) {
        return queries.one(
                        new AnswerChangesReport(scope.centreId(), scope.qualificationCode(), scope.from(), scope.to()),
                        AnswerChangePatterns.class)
                .orElseThrow();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
