package org.awardinghub.query.reports;

import java.sql.Date;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.DirectClaimStatusRemoved;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.certification.ClaimStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The compliance reports' figures, kept in the relational database ({@value #MIGRATION}): registrations as counters
 * per centre, qualification and day, so that a report over any period sums a small index range; certificate
 * claims one row each (claims are few beside events), read through the status and decision-time indexes; centre
 * standing changes one row each. {@link AmendmentReports} and {@link AttemptReports} keep the other reports' figures
 * in the same processing group, so all three are one processor.
 * The increments are written through the processor's transaction, which also stores its token: each event counts
 * exactly once, and a replay starts from empty tables. One segment, events in global order: an amendment is judged
 * by the candidate's results and claims before it, which are other aggregates' events.
 */
@Component
@ProcessingGroup(ReportsProjection.PROCESSING_GROUP)
class ReportsProjection {

    public static final String PROCESSING_GROUP = "reports";
    /** The tables, created by Flyway with the application's other migrations (ADR 0146). */
    public static final String MIGRATION = "V6__compliance_reports.sql";

    private static final long DAY = 86_400_000L;

    private final JdbcTemplate jdbc;
    private final Counters registrations;

    public ReportsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.registrations = new Counters(
                jdbc,
                "report_registrations",
                List.of("centre_id", "qualification_code", "registered_on"),
                List.of("registrations", "late"));
    }

    @EventHandler
    void on(CandidateRegistered event) {
        registrations.add(
                List.of(event.centreId(), event.qualificationCode(), Date.valueOf(event.registeredOn())),
                1,
                event.late() ? 1 : 0);
    }

    @EventHandler
    void on(CertificateClaimed event) {
        jdbc.update(
                "INSERT INTO report_claims (claim_id, centre_id, qualification_code, claimed_at, status)"
                        + " VALUES (?, ?, ?, ?, ?)",
                event.claimId(),
                event.centreId(),
                event.qualificationCode(),
                event.claimedAt().toEpochMilli(),
                ClaimStatus.AWAITING_APPROVAL.name());
    }

    @EventHandler
    void on(CertificateIssued event) {
        jdbc.update(
                "UPDATE report_claims SET status = ?, decided_at = ? WHERE claim_id = ?",
                ClaimStatus.ISSUED.name(),
                event.issuedAt().toEpochMilli(),
                event.claimId());
    }

    @EventHandler
    void on(ClaimRejected event, @Timestamp Instant at) {
        jdbc.update(
                "UPDATE report_claims SET status = ?, decided_at = ? WHERE claim_id = ?",
                ClaimStatus.REJECTED.name(),
                at.toEpochMilli(),
                event.claimId());
    }

    @EventHandler
    void on(CentreApproved event, @MessageIdentifier String id, @Timestamp Instant at) {
        centreChange(id, event.centreId(), at, event.directClaimStatus() ? "APPROVED_WITH_DCS" : "APPROVED", null);
    }

    @EventHandler
    void on(CentreSuspended event, @MessageIdentifier String id, @Timestamp Instant at) {
        centreChange(id, event.centreId(), at, "SUSPENDED", event.reason());
    }

    @EventHandler
    void on(CentreReinstated event, @MessageIdentifier String id, @Timestamp Instant at) {
        centreChange(id, event.centreId(), at, "REINSTATED", event.reason());
    }

    @EventHandler
    void on(CentreWithdrawn event, @MessageIdentifier String id, @Timestamp Instant at) {
        centreChange(id, event.centreId(), at, "WITHDRAWN", event.reason());
    }

    @EventHandler
    void on(CentreSanctionImposed event, @MessageIdentifier String id, @Timestamp Instant at) {
        centreChange(
                id, event.centreId(), at, "SANCTION_IMPOSED_" + event.sanction().name(), event.reason());
    }

    @EventHandler
    void on(CentreSanctionLifted event, @MessageIdentifier String id, @Timestamp Instant at) {
        centreChange(
                id, event.centreId(), at, "SANCTION_LIFTED_" + event.sanction().name(), event.reason());
    }

    @EventHandler
    void on(DirectClaimStatusGranted event, @MessageIdentifier String id, @Timestamp Instant at) {
        centreChange(id, event.centreId(), at, "DCS_GRANTED", event.reason());
    }

    @EventHandler
    void on(DirectClaimStatusRemoved event, @MessageIdentifier String id, @Timestamp Instant at) {
        centreChange(id, event.centreId(), at, "DCS_REMOVED", event.reason());
    }

    private void centreChange(String eventId, String centreId, Instant at, String change, String reason) {
        jdbc.update(
                "INSERT INTO report_centre_changes (event_id, centre_id, changed_at, change, reason) VALUES (?, ?, ?, ?, ?)",
                eventId,
                centreId,
                at.toEpochMilli(),
                change,
                reason);
    }

    @ResetHandler
    void reset() {
        empty(jdbc, "report_registrations", "report_claims", "report_centre_changes");
    }

    /** Deletes every row of the {@code tables}: each component's reset, so that a replay counts from nothing. */
    static void empty(JdbcTemplate jdbc, String... tables) {
        for (String table : tables) {
            jdbc.update("DELETE FROM " + table);
        }
    }

    @QueryHandler
    CentreChanges handle(CentreChangesReport query) {
        Conditions filters = new Conditions()
                .equal("centre_id", query.centreId())
                .withinDays("changed_at", query.from(), query.to());
        List<CentreChanges.Change> changes = jdbc.query(
                "SELECT changed_at, centre_id, change, reason FROM report_centre_changes" + filters.where()
                        + " ORDER BY changed_at, event_id",
                (row, n) -> new CentreChanges.Change(
                        Instant.ofEpochMilli(row.getLong(1)), row.getString(2), row.getString(3), row.getString(4)),
                filters.arguments());
        return new CentreChanges(query.centreId(), query.from(), query.to(), changes);
    }

    @QueryHandler
    ClaimTurnaround handle(ClaimTurnaroundReport query) {
        Conditions scope = Conditions.of(query.centreId(), query.qualificationCode());
        Conditions issuedInPeriod = Conditions.of(query.centreId(), query.qualificationCode())
                .withinDays("decided_at", query.from(), query.to());
        Map<String, long[]> issued = new TreeMap<>();
        jdbc.query(
                "SELECT centre_id, COUNT(*), SUM(decided_at - claimed_at), MAX(decided_at - claimed_at)"
                        + " FROM report_claims WHERE status = 'ISSUED'" + issuedInPeriod.and() + " GROUP BY centre_id",
                row -> {
                    issued.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3), row.getLong(4)});
                },
                issuedInPeriod.arguments());
        long now = query.now().toEpochMilli();
        Map<String, long[]> awaiting = new TreeMap<>();
        jdbc.query(
                "SELECT centre_id, claimed_at FROM report_claims WHERE status = 'AWAITING_APPROVAL'" + scope.and(),
                row -> {
                    long days = Math.max(0, (now - row.getLong(2)) / DAY);
                    long[] counts = awaiting.computeIfAbsent(row.getString(1), centre -> new long[6]);
                    counts[0]++;
                    counts[days <= 7 ? 1 : days <= 14 ? 2 : days <= 30 ? 3 : 4]++;
                    counts[5] = Math.max(counts[5], days);
                },
                scope.arguments());
        Set<String> centres = new TreeSet<>(issued.keySet());
        centres.addAll(awaiting.keySet());
        List<ClaimTurnaround.Row> rows = new ArrayList<>();
        for (String centre : centres) {
            long[] done = issued.get(centre);
            long[] waiting = awaiting.getOrDefault(centre, new long[6]);
            rows.add(new ClaimTurnaround.Row(
                    centre,
                    done == null ? 0 : done[0],
                    done == null ? null : Math.round(done[1] * 10.0 / done[0] / DAY) / 10.0,
                    done == null ? null : done[2] / DAY,
                    waiting[0],
                    waiting[1],
                    waiting[2],
                    waiting[3],
                    waiting[4],
                    waiting[0] == 0 ? null : waiting[5]));
        }
        return new ClaimTurnaround(query.centreId(), query.qualificationCode(), query.from(), query.to(), rows);
    }

    @QueryHandler
    LateRegistrations handle(LateRegistrationsReport query) {
        Conditions filters = Conditions.of(query.centreId(), query.qualificationCode())
                .withinDates("registered_on", query.from(), query.to());
        List<LateRegistrations.Row> rows = jdbc.query(
                "SELECT centre_id, SUM(registrations), SUM(late)" + " FROM report_registrations" + filters.where()
                        + " GROUP BY centre_id ORDER BY centre_id",
                (row, n) -> {
                    long registrations = row.getLong(2);
                    long late = row.getLong(3);
                    return new LateRegistrations.Row(
                            row.getString(1), registrations, late, Rounding.percent(late, registrations));
                },
                filters.arguments());
        return new LateRegistrations(query.centreId(), query.qualificationCode(), query.from(), query.to(), rows);
    }
}
