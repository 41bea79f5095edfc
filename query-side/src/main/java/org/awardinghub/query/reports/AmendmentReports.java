package org.awardinghub.query.reports;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.certification.CertificateClaimed;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The amendments report's figures ({@value ReportsProjection#MIGRATION}), in the reports processor beside
 * {@link ReportsProjection}: each candidate's qualification and first result and claim ({@code report_candidates}),
 * what every amendment needs to be judged; amendments counted per centre, qualification and day
 * ({@code report_amendments}); and those made after a result or a claim one row each ({@code
 * report_late_amendments}). The processor's one segment delivers the candidate's results and claims (other
 * aggregates) before any later amendment.
 */
@Component
@ProcessingGroup(ReportsProjection.PROCESSING_GROUP)
class AmendmentReports {

    /** The kinds of amendment, as the late ones are listed. */
    enum Kind {
        NAME,
        DATE_OF_BIRTH,
        ULN,
        QUALIFICATION,
        TRANSFER
    }

    private final JdbcTemplate jdbc;
    private final Counters amendments;

    public AmendmentReports(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.amendments = new Counters(
                jdbc,
                "report_amendments",
                List.of("centre_id", "qualification_code", "amended_on"),
                List.of(
                        "amendments",
                        "names",
                        "dates_of_birth",
                        "ulns",
                        "qualifications",
                        "transfers",
                        "after_result",
                        "after_claim",
                        "after_either"));
    }

    @EventHandler
    void on(CandidateRegistered event) {
        jdbc.update(
                "INSERT INTO report_candidates (candidate_id, qualification_code) VALUES (?, ?)",
                event.candidateId(),
                event.qualificationCode());
    }

    @EventHandler
    void on(AttemptSubmitted event) {
        jdbc.update(
                "UPDATE report_candidates SET first_result_at = ? WHERE candidate_id = ?"
                        + " AND first_result_at IS NULL",
                event.submittedAt().toEpochMilli(),
                event.candidateId());
    }

    @EventHandler
    void on(CertificateClaimed event) {
        jdbc.update(
                "UPDATE report_candidates SET first_claim_at = ? WHERE candidate_id = ?"
                        + " AND first_claim_at IS NULL",
                event.claimedAt().toEpochMilli(),
                event.candidateId());
    }

    @EventHandler
    void on(
            CandidateNameAmended event,
            @MessageIdentifier String id,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin) {
        amended(new Amendment(
                id, at, event.candidateId(), event.centreId(), null, Kind.NAME, event.reason(), actorPin));
    }

    @EventHandler
    void on(
            CandidateDateOfBirthAmended event,
            @MessageIdentifier String id,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin) {
        amended(new Amendment(
                id, at, event.candidateId(), event.centreId(), null, Kind.DATE_OF_BIRTH, event.reason(), actorPin));
    }

    @EventHandler
    void on(
            CandidateUlnAmended event,
            @MessageIdentifier String id,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin) {
        amended(new Amendment(id, at, event.candidateId(), event.centreId(), null, Kind.ULN, event.reason(), actorPin));
    }

    /** Counted under the qualification left; the candidate's later amendments under the new one. */
    @EventHandler
    void on(
            CandidateQualificationAmended event,
            @MessageIdentifier String id,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin) {
        amended(new Amendment(
                id,
                at,
                event.candidateId(),
                event.centreId(),
                event.oldQualificationCode(),
                Kind.QUALIFICATION,
                event.reason(),
                actorPin));
        jdbc.update(
                "UPDATE report_candidates SET qualification_code = ? WHERE candidate_id = ?",
                event.qualificationCode(),
                event.candidateId());
    }

    /** Counted at the centre left; the candidate's later amendments name the new centre themselves. */
    @EventHandler
    void on(
            CandidateTransferred event,
            @MessageIdentifier String id,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin) {
        amended(new Amendment(
                id, at, event.candidateId(), event.fromCentreId(), null, Kind.TRANSFER, event.reason(), actorPin));
    }

    /**
     * The candidate erased (ADR 0165): their late amendments stay listed and counted, with the reason "(erased)", as
     * the amendments' events now read.
     */
    @EventHandler
    void on(CandidateErased event) {
        jdbc.update(
                "UPDATE report_late_amendments SET reason = ? WHERE candidate_id = ? AND reason IS NOT NULL",
                PersonalData.ERASED,
                event.candidateId());
    }

    /** One amendment; {@code qualificationCode} null: the candidate's at the time. */
    private record Amendment(
            String eventId,
            Instant at,
            String candidateId,
            String centreId,
            String qualificationCode,
            Kind kind,
            String reason,
            String actorPin) {}

    /** A candidate as an amendment finds them; all null for one never seen registered. */
    private record Candidate(String qualificationCode, Long firstResultAt, Long firstClaimAt) {}

    private void amended(Amendment amendment) {
        Candidate candidate = jdbc.query(
                "SELECT qualification_code, first_result_at, first_claim_at"
                        + " FROM report_candidates WHERE candidate_id = ?",
                rows -> rows.next()
                        ? new Candidate(rows.getString(1), nullable(rows, 2), nullable(rows, 3))
                        : new Candidate(null, null, null),
                amendment.candidateId());
        String qualification = amendment.qualificationCode() != null
                ? amendment.qualificationCode()
                : candidate.qualificationCode() != null ? candidate.qualificationCode() : "";
        boolean afterResult = candidate.firstResultAt() != null;
        boolean afterClaim = candidate.firstClaimAt() != null;
        Kind kind = amendment.kind();
        amendments.add(
                List.of(
                        amendment.centreId(),
                        qualification,
                        Date.valueOf(LocalDate.ofInstant(amendment.at(), ZoneOffset.UTC))),
                1,
                one(kind == Kind.NAME),
                one(kind == Kind.DATE_OF_BIRTH),
                one(kind == Kind.ULN),
                one(kind == Kind.QUALIFICATION),
                one(kind == Kind.TRANSFER),
                one(afterResult),
                one(afterClaim),
                one(afterResult || afterClaim));
        if (afterResult || afterClaim) {
            jdbc.update(
                    "INSERT INTO report_late_amendments (event_id, amended_at, candidate_id, centre_id,"
                            + " qualification_code, kind, reason, actor_pin, first_result_at, first_claim_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    amendment.eventId(),
                    amendment.at().toEpochMilli(),
                    amendment.candidateId(),
                    amendment.centreId(),
                    qualification,
                    kind.name(),
                    amendment.reason(),
                    amendment.actorPin(),
                    candidate.firstResultAt(),
                    candidate.firstClaimAt());
        }
    }

    @ResetHandler
    void reset() {
        ReportsProjection.empty(jdbc, "report_candidates", "report_amendments", "report_late_amendments");
    }

    @QueryHandler
    Amendments handle(AmendmentsReport query) {
        Conditions filters = Conditions.of(query.centreId(), query.qualificationCode())
                .withinDates("amended_on", query.from(), query.to());
        List<Counted> counted = jdbc.query(
                "SELECT centre_id, SUM(amendments), SUM(names),"
                        + " SUM(dates_of_birth), SUM(ulns), SUM(qualifications), SUM(transfers), SUM(after_result),"
                        + " SUM(after_claim), SUM(after_either) FROM report_amendments" + filters.where()
                        + " GROUP BY centre_id ORDER BY centre_id",
                (row, n) -> new Counted(
                        new Amendments.Row(
                                row.getString(1),
                                row.getLong(2),
                                row.getLong(3),
                                row.getLong(4),
                                row.getLong(5),
                                row.getLong(6),
                                row.getLong(7),
                                row.getLong(8),
                                row.getLong(9)),
                        row.getLong(10)),
                filters.arguments());
        Conditions listed = Conditions.of(query.centreId(), query.qualificationCode())
                .withinDays("amended_at", query.from(), query.to());
        List<Amendments.LateAmendment> late = jdbc.query(
                "SELECT amended_at, candidate_id, centre_id,"
                        + " qualification_code, kind, reason, actor_pin, first_result_at, first_claim_at"
                        + " FROM report_late_amendments" + listed.where() + " ORDER BY amended_at, event_id"
                        + " FETCH FIRST " + Amendments.LISTED + " ROWS ONLY",
                (row, n) -> new Amendments.LateAmendment(
                        Instant.ofEpochMilli(row.getLong(1)),
                        row.getString(2),
                        row.getString(3),
                        row.getString(4),
                        row.getString(5),
                        row.getString(6),
                        row.getString(7),
                        instant(nullable(row, 8)),
                        instant(nullable(row, 9))),
                listed.arguments());
        return new Amendments(
                query.centreId(),
                query.qualificationCode(),
                query.from(),
                query.to(),
                counted.stream().map(Counted::row).toList(),
                counted.stream().mapToLong(Counted::late).sum(),
                late);
    }

    /** A centre's row, and how many of its amendments were after a result or a claim: those listed one by one. */
    private record Counted(Amendments.Row row, long late) {}

    private static long one(boolean counted) {
        return counted ? 1 : 0;
    }

    private static Long nullable(ResultSet row, int column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? null : value;
    }

    private static Instant instant(Long epochMilli) {
        return epochMilli == null ? null : Instant.ofEpochMilli(epochMilli);
    }
}
