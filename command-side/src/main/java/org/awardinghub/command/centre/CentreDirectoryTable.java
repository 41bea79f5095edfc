package org.awardinghub.command.centre;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.centre.RegistrationRefusal.Kind;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreQualificationApproved;
import org.awardinghub.events.centre.CentreQualificationRemoved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.DirectClaimStatusRemoved;
import org.awardinghub.events.centre.Sanction;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which centres exist, their status, the centre numbers issued, the qualifications each is approved for, the
 * sanctions in force and whether the centre holds Direct Claim Status: what other aggregates (users, hub requests,
 * candidates, claims) must know about a centre, kept in the same transaction as the centre's events.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class CentreDirectoryTable implements CentreDirectory {

    static final int FIRST_CENTRE_NUMBER = 100001;

    private final JdbcTemplate jdbc;

    CentreDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CentreApplied event) {
        jdbc.update(
                "INSERT INTO centre_directory (centre_id, status) VALUES (?, ?)",
                event.centreId(),
                CentreStatus.APPLIED.name());
    }

    @EventHandler
    void on(CentreApproved event) {
        jdbc.update(
                "UPDATE centre_directory SET centre_number = ?, status = ?, direct_claim_status = ?"
                        + " WHERE centre_id = ?",
                event.centreNumber(),
                CentreStatus.APPROVED.name(),
                event.directClaimStatus(),
                event.centreId());
        for (String code : event.qualificationCodes()) {
            approveQualification(event.centreId(), code);
        }
    }

    @EventHandler
    void on(CentreQualificationApproved event) {
        approveQualification(event.centreId(), event.qualificationCode());
    }

    @EventHandler
    void on(CentreQualificationRemoved event) {
        jdbc.update(
                "DELETE FROM centre_qualification WHERE centre_id = ? AND qualification_code = ?",
                event.centreId(),
                event.qualificationCode());
    }

    @EventHandler
    void on(CentreSanctionImposed event) {
        jdbc.update(
                "UPDATE centre_directory SET " + sanctionColumn(event.sanction()) + " = ? WHERE centre_id = ?",
                true,
                event.centreId());
    }

    @EventHandler
    void on(CentreSanctionLifted event) {
        jdbc.update(
                "UPDATE centre_directory SET " + sanctionColumn(event.sanction()) + " = ? WHERE centre_id = ?",
                false,
                event.centreId());
    }

    @EventHandler
    void on(DirectClaimStatusGranted event) {
        jdbc.update("UPDATE centre_directory SET direct_claim_status = ? WHERE centre_id = ?", true, event.centreId());
    }

    @EventHandler
    void on(DirectClaimStatusRemoved event) {
        jdbc.update("UPDATE centre_directory SET direct_claim_status = ? WHERE centre_id = ?", false, event.centreId());
    }

    @EventHandler
    void on(CentreSuspended event) {
        changeStatus(event.centreId(), CentreStatus.SUSPENDED);
    }

    @EventHandler
    void on(CentreReinstated event) {
        changeStatus(event.centreId(), CentreStatus.APPROVED);
    }

    @EventHandler
    void on(CentreWithdrawn event) {
        changeStatus(event.centreId(), CentreStatus.WITHDRAWN);
    }

    @Override
    public Optional<CentreStatus> statusOf(String centreId) {
        return jdbc
                .query(
                        "SELECT status FROM centre_directory WHERE centre_id = ?",
                        (row, n) -> CentreStatus.valueOf(row.getString(1)),
                        centreId)
                .stream()
                .findFirst();
    }

    /** One read by the unique {@code centre_number}, which the UNIQUE constraint indexes. */
    @Override
    public Optional<String> centreIdOfNumber(String centreNumber) {
        return jdbc
                .queryForList(
                        "SELECT centre_id FROM centre_directory WHERE centre_number = ?", String.class, centreNumber)
                .stream()
                .findFirst();
    }

    @Override
    public CentreStatus requireNotWithdrawn(String centreId, String refusal) {
        CentreStatus status = statusOf(centreId).orElseThrow(() -> new UnknownRecord("No centre " + centreId));
        if (status == CentreStatus.WITHDRAWN) {
            throw new RuleViolation("Centre is WITHDRAWN; " + refusal);
        }
        return status;
    }

    @Override
    public Optional<RegistrationRefusal> registrationRefusal(String centreId, String qualificationCode) {
        Optional<Standing> found = jdbc
                .query(
                        "SELECT c.centre_number, c.status, c.registrations_sanctioned,"
                                + " q.qualification_code FROM centre_directory c LEFT JOIN centre_qualification q"
                                + " ON q.centre_id = c.centre_id AND q.qualification_code = ? WHERE c.centre_id = ?",
                        (row, n) -> new Standing(
                                row.getString(1),
                                CentreStatus.valueOf(row.getString(2)),
                                row.getBoolean(3),
                                row.getString(4) != null),
                        qualificationCode,
                        centreId)
                .stream()
                .findFirst();
        if (found.isEmpty()) {
            return Optional.of(new RegistrationRefusal(Kind.UNKNOWN_CENTRE, "No centre " + centreId));
        }
        Standing centre = found.get();
        String named = "Centre " + (centre.number() == null ? centreId : centre.number());
        if (centre.status() != CentreStatus.APPROVED) {
            return Optional.of(new RegistrationRefusal(
                    Kind.CENTRE_NOT_APPROVED,
                    named + " is " + centre.status() + "; only an APPROVED centre can register candidates"));
        }
        if (centre.registrationsSanctioned()) {
            return Optional.of(new RegistrationRefusal(
                    Kind.REGISTRATIONS_SANCTIONED,
                    named + " is under a REGISTRATIONS sanction; it cannot register candidates until it is"
                            + " lifted"));
        }
        if (!centre.approvedForQualification()) {
            return Optional.of(new RegistrationRefusal(
                    Kind.QUALIFICATION_NOT_APPROVED,
                    named + " is not approved for qualification " + qualificationCode));
        }
        return Optional.empty();
    }

    @Override
    public boolean approvedFor(String centreId, String qualificationCode) {
        Integer rows = jdbc.queryForObject(
                "SELECT COUNT(*) FROM centre_qualification WHERE centre_id = ? AND qualification_code = ?",
                Integer.class,
                centreId,
                qualificationCode);
        return rows != null && rows > 0;
    }

    @Override
    public Set<Sanction> sanctionsOn(String centreId) {
        Set<Sanction> sanctions = EnumSet.noneOf(Sanction.class);
        jdbc.query(
                "SELECT registrations_sanctioned, certification_sanctioned FROM centre_directory"
                        + " WHERE centre_id = ?",
                row -> {
                    if (row.getBoolean(1)) {
                        sanctions.add(Sanction.REGISTRATIONS);
                    }
                    if (row.getBoolean(2)) {
                        sanctions.add(Sanction.CERTIFICATION);
                    }
                },
                centreId);
        return sanctions;
    }

    @Override
    public boolean hasDirectClaimStatus(String centreId) {
        return jdbc
                .queryForList(
                        "SELECT direct_claim_status FROM centre_directory WHERE centre_id = ?", Boolean.class, centreId)
                .stream()
                .findFirst()
                .orElse(false);
    }

    @Override
    public String nextCentreNumber() {
        jdbc.queryForList("SELECT id FROM centre_number_lock WHERE id = 1 FOR UPDATE", Integer.class);
        Integer highest =
                jdbc.queryForObject("SELECT MAX(CAST(centre_number AS INTEGER)) FROM centre_directory", Integer.class);
        return Integer.toString(highest == null ? FIRST_CENTRE_NUMBER : Math.max(highest + 1, FIRST_CENTRE_NUMBER));
    }

    private void changeStatus(String centreId, CentreStatus status) {
        jdbc.update("UPDATE centre_directory SET status = ? WHERE centre_id = ?", status.name(), centreId);
    }

    private void approveQualification(String centreId, String qualificationCode) {
        jdbc.update(
                "INSERT INTO centre_qualification (centre_id, qualification_code) VALUES (?, ?)",
                centreId,
                qualificationCode);
    }

    private static String sanctionColumn(Sanction sanction) {
        return switch (sanction) {
            case REGISTRATIONS -> "registrations_sanctioned";
            case CERTIFICATION -> "certification_sanctioned";
        };
    }

    /** What the registration rule needs to know about a centre, read in one statement. */
    private record Standing(
            String number, CentreStatus status, boolean registrationsSanctioned, boolean approvedForQualification) {}
}
