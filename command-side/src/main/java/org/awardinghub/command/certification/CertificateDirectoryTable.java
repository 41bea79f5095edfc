package org.awardinghub.command.certification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.certification.ClaimStatus;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every claim and every certificate number, current within the transaction of the claim's events: table
 * {@code certificate_claims} (each claim's status and current number), {@code certificates} (each number ever
 * issued and what it verifies as) and {@code active_certificate_claims}, the one claim a candidate may have on a
 * qualification. That table's primary key is what refuses a second claim, also when two are made at the same
 * moment; its row goes only when the claim is rejected, so a candidate certificated once (even if later revoked)
 * is never claimed for again on that qualification.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
final class CertificateDirectoryTable implements CertificateDirectory {

    private static final String CLAIM_COLUMNS =
            "c.claim_id, c.candidate_id, c.centre_id, c.qualification_code, c.status, c.certificate_number";
    private static final String CERTIFICATE_COLUMNS =
            "certificate_number, claim_id, candidate_id, centre_id, qualification_code, status";

    private final JdbcTemplate jdbc;

    CertificateDirectoryTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(CertificateClaimed event) {
        jdbc.update(
                "INSERT INTO certificate_claims (claim_id, candidate_id, centre_id, qualification_code, status)"
                        + " VALUES (?, ?, ?, ?, ?)",
                event.claimId(),
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                ClaimStatus.AWAITING_APPROVAL.name());
        jdbc.update(
                "INSERT INTO active_certificate_claims (candidate_id, qualification_code, claim_id)"
                        + " VALUES (?, ?, ?)",
                event.candidateId(),
                event.qualificationCode(),
                event.claimId());
    }

    @EventHandler
    void on(CertificateIssued event) {
        jdbc.update(
                "UPDATE certificate_claims SET status = ?, certificate_number = ? WHERE claim_id = ?",
                ClaimStatus.ISSUED.name(),
                event.certificateNumber(),
                event.claimId());
        insertCertificate(
                event.certificateNumber(),
                event.claimId(),
                event.candidateId(),
                event.centreId(),
                event.qualificationCode());
    }

    /** The centre may claim again once the reason is dealt with: the active claim goes. */
    @EventHandler
    void on(ClaimRejected event) {
        jdbc.update(
                "UPDATE certificate_claims SET status = ? WHERE claim_id = ?",
                ClaimStatus.REJECTED.name(),
                event.claimId());
        jdbc.update("DELETE FROM active_certificate_claims WHERE claim_id = ?", event.claimId());
    }

    @EventHandler
    void on(CertificateReplaced event) {
        jdbc.update(
                "UPDATE certificates SET status = ? WHERE certificate_number = ?",
                CertificateStatus.REPLACED.name(),
                event.replacedNumber());
        insertCertificate(
                event.certificateNumber(),
                event.claimId(),
                event.candidateId(),
                event.centreId(),
                event.qualificationCode());
        jdbc.update(
                "UPDATE certificate_claims SET certificate_number = ? WHERE claim_id = ?",
                event.certificateNumber(),
                event.claimId());
    }

    @EventHandler
    void on(CertificateRevoked event) {
        jdbc.update(
                "UPDATE certificates SET status = ? WHERE certificate_number = ?",
                CertificateStatus.REVOKED.name(),
                event.certificateNumber());
    }

    @Override
    public Optional<ClaimEntry> claim(String claimId) {
        return jdbc
                .query(
                        "SELECT " + CLAIM_COLUMNS + " FROM certificate_claims c WHERE c.claim_id = ?",
                        CertificateDirectoryTable::claimEntry,
                        claimId)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<CertificateEntry> certificate(String certificateNumber) {
        return jdbc
                .query(
                        "SELECT " + CERTIFICATE_COLUMNS + " FROM certificates WHERE certificate_number = ?",
                        CertificateDirectoryTable::certificateEntry,
                        certificateNumber)
                .stream()
                .findFirst();
    }

    @Override
    public Optional<ClaimEntry> activeClaim(String candidateId, String qualificationCode) {
        return jdbc
                .query(
                        "SELECT " + CLAIM_COLUMNS + " FROM active_certificate_claims a"
                                + " JOIN certificate_claims c ON c.claim_id = a.claim_id"
                                + " WHERE a.candidate_id = ? AND a.qualification_code = ?",
                        CertificateDirectoryTable::claimEntry,
                        candidateId,
                        qualificationCode)
                .stream()
                .findFirst();
    }

    @Override
    public boolean numberTaken(String certificateNumber) {
        Integer rows = jdbc.queryForObject(
                "SELECT COUNT(*) FROM certificates WHERE certificate_number = ?", Integer.class, certificateNumber);
        return rows != null && rows > 0;
    }

    private void insertCertificate(
            String number, String claimId, String candidateId, String centreId, String qualificationCode) {
        jdbc.update(
                "INSERT INTO certificates (certificate_number, claim_id, candidate_id, centre_id,"
                        + " qualification_code, status) VALUES (?, ?, ?, ?, ?, ?)",
                number,
                claimId,
                candidateId,
                centreId,
                qualificationCode,
                CertificateStatus.VALID.name());
    }

    private static ClaimEntry claimEntry(ResultSet row, int rowNumber) throws SQLException {
        return new ClaimEntry(
                row.getString("claim_id"),
                row.getString("candidate_id"),
                row.getString("centre_id"),
                row.getString("qualification_code"),
                ClaimStatus.valueOf(row.getString("status")),
                row.getString("certificate_number"));
    }

    private static CertificateEntry certificateEntry(ResultSet row, int rowNumber) throws SQLException {
        return new CertificateEntry(
                row.getString("certificate_number"),
                row.getString("claim_id"),
                row.getString("candidate_id"),
                row.getString("centre_id"),
                row.getString("qualification_code"),
                CertificateStatus.valueOf(row.getString("status")));
    }
}
