package org.awardinghub.events.certification;

import java.time.LocalDate;

/** IMI revoked a certificate (e.g. malpractice): it verifies as REVOKED from {@code revokedOn}. */
public record CertificateRevoked(
        String claimId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String certificateNumber,
        LocalDate revokedOn,
        String reason) {}
