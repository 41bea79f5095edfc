package org.awardinghub.api.personnel;

import static org.awardinghub.events.user.Role.AUDITOR;
import static org.awardinghub.events.user.Role.CENTRE_COORDINATOR;
import static org.awardinghub.events.user.Role.IMI_ADMIN;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;
import org.awardinghub.api.Queries;
import org.awardinghub.api.problem.ApiProblem;
import org.awardinghub.api.reports.Csv;
import org.awardinghub.api.reports.ReportPeriod;
import org.awardinghub.api.security.Allow;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.events.user.Role;
import org.awardinghub.query.personnel.Personnel;
import org.awardinghub.query.personnel.PersonnelReport;
import org.awardinghub.query.personnel.Workload;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The personnel report of a centre: everyone with access there, active or not, with who created them and when, their
 * last sign-in, failed sign-ins, lock-outs and what they did about fair access in a period, and the current workload
 * of assessors and IQAs. JSON, or CSV with {@code Accept: text/csv}. Who may read it is who may read the centre's
 * users: IMI staff for any centre, the centre's coordinator for their own.
 */
@RestController
class PersonnelReportController {

    /** The period when none is asked for: the last 30 days, today (UTC) included. */
    static final int DEFAULT_DAYS = 30;

    private final Queries queries;
    private final CentreDirectory centres;
    private final Clock clock;

    public PersonnelReportController(Queries queries, CentreDirectory centres, Clock clock) {
        this.queries = queries;
        this.centres = centres;
        this.clock = clock;
    }

    /** A centre's personnel report for a period (default the last 30 days), as JSON or CSV. */
    @GetMapping("/api/centres/{centreId}/personnel")
    @Allow(
            value = {IMI_ADMIN, AUDITOR},
            ofCentre = CENTRE_COORDINATOR)
    @ApiResponse(
            responseCode = "200",
            description = "The report as JSON, or as CSV when the request accepts text/csv",
            content = @Content(schema = @Schema(implementation = Personnel.class)))
    public ResponseEntity<?> personnel(
            @PathVariable String centreId,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestHeader(value = "Accept", required = false) String accept) {
        ReportPeriod period =
                ReportPeriod.of(from, to).orLast(DEFAULT_DAYS, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        if (centres.statusOf(centreId).isEmpty()) {
            throw ApiProblem.notFound("No such centre");
        }
        Personnel report = queries.one(new PersonnelReport(centreId, period.from(), period.to()), Personnel.class)
                .orElseThrow();
        if (Csv.wanted(accept)) {
            return csv(report);
        }
        return ResponseEntity.ok(report);
    }

    private static ResponseEntity<String> csv(Personnel report) {
        return Csv.file(
                "personnel-" + report.from() + "-to-" + report.to(),
                List.of(
                        "userId",
                        "name",
                        "pin",
                        "email",
                        "roles",
                        "active",
                        "activated",
                        "createdAt",
                        "createdByPin",
                        "lastSignInAt",
                        "failedSignIns",
                        "lockOuts",
                        "accessArrangementsRequested",
                        "specialConsiderationsAppliedFor",
                        "resultEnquiriesRaised",
                        "appealsLodged",
                        "incidentsRecorded",
                        "attemptsPaused",
                        "evidenceAwaitingJudgement",
                        "oldestAwaitingDays",
                        "samplesDue"),
                report.users().stream()
                        .map(user -> {
                            Workload workload = user.workload();
                            Personnel.FairAccess fairAccess = user.fairAccess();
                            return List.of(
                                    user.userId(),
                                    user.name(),
                                    user.pin(),
                                    text(user.email()),
                                    user.roles().stream().map(Role::name).collect(Collectors.joining(" ")),
                                    Boolean.toString(user.active()),
                                    Boolean.toString(user.activated()),
                                    text(user.createdAt()),
                                    text(user.createdByPin()),
                                    text(user.lastSignInAt()),
                                    Long.toString(user.failedSignIns()),
                                    Long.toString(user.lockOuts()),
                                    Long.toString(fairAccess.accessArrangementsRequested()),
                                    Long.toString(fairAccess.specialConsiderationsAppliedFor()),
                                    Long.toString(fairAccess.resultEnquiriesRaised()),
                                    Long.toString(fairAccess.appealsLodged()),
                                    Long.toString(fairAccess.incidentsRecorded()),
                                    Long.toString(fairAccess.attemptsPaused()),
                                    workload == null ? "" : Long.toString(workload.evidenceAwaitingJudgement()),
                                    workload == null ? "" : text(workload.oldestAwaitingDays()),
                                    workload == null ? "" : Long.toString(workload.samplesDue()));
                        })
                        .toList());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
