package org.awardinghub.command.certification;

import java.util.Optional;

/**
 * What the command side knows of every certificate claim and certificate, as of the transaction that changed it.
 * Read-only: kept from the events by {@link CertificateDirectoryTable}, in the transaction that stores them.
 */
public interface CertificateDirectory {

    Optional<ClaimEntry> claim(String claimId);

    /** The certificate by its number exactly as issued (capitals); empty for a number never issued. */
    Optional<CertificateEntry> certificate(String certificateNumber);

    /**
     * The candidate's claim on the qualification that stands in the way of another: awaiting approval, or issued
     * (whatever became of its certificate since). Empty when there is none, or only rejected ones.
     */
    Optional<ClaimEntry> activeClaim(String candidateId, String qualificationCode);

    /** Also true for replaced and revoked numbers: a certificate number is never issued twice. */
    boolean numberTaken(String certificateNumber);
}
