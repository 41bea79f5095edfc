package org.awardinghub.command.candidate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateRevoked;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every candidate ever registered: the unique constraint on the registration number is what makes numbers
 * unique and never reused; the duplicate key (centre, names folded for matching, date of birth, qualification)
 * is what finds a candidate registered twice. Which centre a candidate belongs to is read here too, current
 * within the transaction of the command that moved them, and their names as a certificate prints them. A ULN
 * plays no part in any rule here, so its amendments are not kept. Every statement touches one row through the
 * primary key or an index.
 * <p>
 * The status follows the claim's events as well as the candidate's: CERTIFICATED from the moment a certificate is
 * issued, REGISTERED again when it is revoked, in the claim's own transaction. The candidate's history records the
 * same a moment later (the certification policy), and until then this is what refuses a centre's withdrawal.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class CandidateDirectoryTable implements CandidateDirectory {

    private static final String ENTRY_COLUMNS = "candidate_id, registration_number, centre_id, status";

    private final JdbcTemplate jdbc;

    CandidateDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CandidateRegistered event) {
        jdbc.update(
                "INSERT INTO candidate_directory (candidate_id, registration_number, centre_id, status,"
                        + " first_name_key, last_name_key, date_of_birth, qualification_code, first_name, last_name)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                event.candidateId(),
                event.registrationNumber(),
                event.centreId(),
                CandidateStatus.REGISTERED.name(),
                CandidateName.matchKey(event.firstName()),
                CandidateName.matchKey(event.lastName()),
                event.dateOfBirth(),
                event.qualificationCode(),
                event.firstName(),
                event.lastName());
    }

    @EventHandler
    void on(CandidateNameAmended event) {
        jdbc.update(
                "UPDATE candidate_directory SET first_name_key = ?, last_name_key = ?, first_name = ?,"
                        + " last_name = ? WHERE candidate_id = ?",
                CandidateName.matchKey(event.firstName()),
                CandidateName.matchKey(event.lastName()),
                event.firstName(),
                event.lastName(),
                event.candidateId());
    }

    /**
     * The directory forgets the candidate's names and date of birth: an erased candidate matches nobody as a
     * duplicate, and a claim made afterwards names the holder as erased.
     */
    @EventHandler
    void on(CandidateErased event) {
        jdbc.update(
                "UPDATE candidate_directory SET first_name_key = '', last_name_key = '', first_name = ?,"
                        + " last_name = ?, date_of_birth = NULL WHERE candidate_id = ?",
                PersonalData.ERASED,
                PersonalData.ERASED,
                event.candidateId());
    }

    @EventHandler
    void on(CandidateDateOfBirthAmended event) {
        jdbc.update(
                "UPDATE candidate_directory SET date_of_birth = ? WHERE candidate_id = ?",
                event.dateOfBirth(),
                event.candidateId());
    }

    @EventHandler
    void on(CandidateQualificationAmended event) {
        jdbc.update(
                "UPDATE candidate_directory SET qualification_code = ? WHERE candidate_id = ?",
                event.qualificationCode(),
                event.candidateId());
    }

    @EventHandler
    void on(CandidateTransferred event) {
        jdbc.update(
                "UPDATE candidate_directory SET centre_id = ? WHERE candidate_id = ?",
                event.toCentreId(),
                event.candidateId());
    }

    @EventHandler
    void on(CandidateWithdrawn event) {
        changeStatus(event.candidateId(), CandidateStatus.WITHDRAWN);
    }

    @EventHandler
    void on(CandidateReinstated event) {
        changeStatus(event.candidateId(), CandidateStatus.REGISTERED);
    }

    /** Certificated from the moment of issue; a candidate withdrawn since (by IMI) stays WITHDRAWN. */
    @EventHandler
    void on(CertificateIssued event) {
        jdbc.update(
                "UPDATE candidate_directory SET status = ? WHERE candidate_id = ? AND status = ?",
                CandidateStatus.CERTIFICATED.name(),
                event.candidateId(),
                CandidateStatus.REGISTERED.name());
    }

    /** REGISTERED again, holding no certificate; a candidate IMI withdrew stays WITHDRAWN. */
    @EventHandler
    void on(CertificateRevoked event) {
        jdbc.update(
                "UPDATE candidate_directory SET status = ? WHERE candidate_id = ? AND status = ?",
                CandidateStatus.REGISTERED.name(),
                event.candidateId(),
                CandidateStatus.CERTIFICATED.name());
    }

    @Override
    public Optional<CandidateEntry> find(String candidateId) {
        return jdbc
                .query(
                        "SELECT " + ENTRY_COLUMNS + " FROM candidate_directory WHERE candidate_id = ?",
                        CandidateDirectoryTable::entry,
                        candidateId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<String> qualificationOf(String candidateId) {
        return jdbc
                .queryForList(
                        "SELECT qualification_code FROM candidate_directory WHERE candidate_id = ?",
                        String.class,
                        candidateId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<String> holderName(String candidateId) {
        return jdbc
                .query(
                        "SELECT first_name, last_name FROM candidate_directory WHERE candidate_id = ?",
                        (row, n) -> row.getString(1) == null || row.getString(2) == null
                                ? null
                                : row.getString(1) + " " + row.getString(2),
                        candidateId)
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    @Override
    public Optional<CandidateEntry> duplicateOf(
            String centreId, String firstName, String lastName, LocalDate dateOfBirth, String qualificationCode) {
        return jdbc
                .query(
                        "SELECT " + ENTRY_COLUMNS + " FROM candidate_directory WHERE centre_id = ?"
                                + " AND last_name_key = ? AND first_name_key = ? AND date_of_birth = ?"
                                + " AND qualification_code = ? ORDER BY registration_number",
                        CandidateDirectoryTable::entry,
                        centreId,
                        CandidateName.matchKey(lastName),
                        CandidateName.matchKey(firstName),
                        dateOfBirth,
                        qualificationCode)
                .stream()
                .findFirst();
    }

    @Override
    public boolean registrationNumberTaken(String registrationNumber) {
        Integer rows = jdbc.queryForObject(
                "SELECT COUNT(*) FROM candidate_directory WHERE registration_number = ?",
                Integer.class,
                registrationNumber);
        return rows != null && rows > 0;
    }

    private void changeStatus(String candidateId, CandidateStatus status) {
        jdbc.update("UPDATE candidate_directory SET status = ? WHERE candidate_id = ?", status.name(), candidateId);
    }

    private static CandidateEntry entry(ResultSet row, int rowNumber) throws SQLException {
        return new CandidateEntry(
                row.getString("candidate_id"),
                row.getString("registration_number"),
                row.getString("centre_id"),
                CandidateStatus.valueOf(row.getString("status")));
    }
}
