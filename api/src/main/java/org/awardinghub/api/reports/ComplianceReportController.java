package org.awardinghub.api.reports;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.security.Access;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.Allow;
import org.awardinghub.query.reports.CentreChanges;
import org.awardinghub.query.reports.CentreChangesReport;
import org.awardinghub.query.reports.ClaimTurnaround;
import org.awardinghub.query.reports.ClaimTurnaroundReport;
import org.awardinghub.query.reports.LateRegistrations;
import org.awardinghub.query.reports.LateRegistrationsReport;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Compliance reports, for IMI staff across centres and for a centre's own users about their centre only: JSON, or
 * CSV with {@code Accept: text/csv}; filtered by centre, qualification and period ({@code from}, {@code to}: dates,
 * inclusive). The figures are kept incrementally by the reports projection, never counted from the events.
 */
@RestController
public class ComplianceReportController {

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
    @Allow(value = {IMI_ADMIN, AUDITOR}, anyone = true)
    public ResponseEntity<?> lateRegistrations(@RequestParam(required = false) String centreId,
                                               @RequestParam(required = false) String qualificationCode,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestHeader(value = "Accept", required = false) String accept) {
        Period period = period(from, to);
        LateRegistrations report = queries.one(new LateRegistrationsReport(centreOf(centreId),
                blankToNull(qualificationCode), period.from(), period.to()), LateRegistrations.class).orElseThrow();
        if (Csv.wanted(accept)) {
            return Csv.file("late-registrations", List.of("centreId", "registrations", "late", "latePercent"),
                    report.centres().stream().map(row -> List.of(row.centreId(), Long.toString(row.registrations()),
                            Long.toString(row.late()), Csv.decimal(row.latePercent(), 1))).toList());
        }
        return ResponseEntity.ok(report);
    }

    /**
     * Claim to issue per centre, for claims issued in the period (the day of issue), and the claims awaiting
     * approval now, by age.
     */
    @GetMapping("/api/reports/claim-turnaround")
    @Allow(value = {IMI_ADMIN, AUDITOR}, anyone = true)
    public ResponseEntity<?> claimTurnaround(@RequestParam(required = false) String centreId,
                                             @RequestParam(required = false) String qualificationCode,
                                             @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestHeader(value = "Accept", required = false) String accept) {
        Period period = period(from, to);
        ClaimTurnaround report = queries.one(new ClaimTurnaroundReport(centreOf(centreId),
                blankToNull(qualificationCode), period.from(), period.to(), clock.instant()), ClaimTurnaround.class).orElseThrow();
        if (Csv.wanted(accept)) {
            return Csv.file("claim-turnaround", List.of("centreId", "issued", "meanDaysToIssue", "longestDaysToIssue",
                    "awaiting", "awaiting0To7Days", "awaiting8To14Days", "awaiting15To30Days", "awaitingOver30Days",
                    "oldestAwaitingDays"), report.centres().stream().map(row -> List.of(row.centreId(),
                    Long.toString(row.issued()), Csv.decimal(row.meanDaysToIssue(), 1), text(row.longestDaysToIssue()),
                    Long.toString(row.awaiting()), Long.toString(row.awaiting0To7Days()),
                    Long.toString(row.awaiting8To14Days()), Long.toString(row.awaiting15To30Days()),
                    Long.toString(row.awaitingOver30Days()), text(row.oldestAwaitingDays()))).toList());
        }
        return ResponseEntity.ok(report);
    }

    /** Sanctions, status and Direct Claim Status changes over time, with their reasons. */
    @GetMapping("/api/reports/centre-changes")
    @Allow(value = {IMI_ADMIN, AUDITOR}, anyone = true)
    public ResponseEntity<?> centreChanges(@RequestParam(required = false) String centreId,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestHeader(value = "Accept", required = false) String accept) {
        Period period = period(from, to);
        CentreChanges report = queries.one(new CentreChangesReport(centreOf(centreId), period.from(), period.to()),
                CentreChanges.class).orElseThrow();
        if (Csv.wanted(accept)) {
            return Csv.file("centre-changes", List.of("at", "centreId", "change", "reason"), report.changes().stream()
                    .map(change -> List.of(change.at().toString(), change.centreId(), change.change(),
                            change.reason() == null ? "" : change.reason())).toList());
        }
        return ResponseEntity.ok(report);
    }

    private static String text(Long value) {
        return value == null ? "" : value.toString();
    }

    /** IMI staff choose any centre or none; a centre's user always gets their own, and never another's. */
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

    /** A report's period: whole days, both ends inclusive, either open. */
    private record Period(LocalDate from, LocalDate to) {
    }

    private static Period period(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiProblem.badRequest("to", "to must not be before from");
        }
        return new Period(start, end);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, field + " must be a date, e.g. 2026-11-26");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
