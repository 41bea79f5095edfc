package org.awardinghub.events.certification;

import java.time.LocalDate;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/** IMI revoked a certificate (e.g. malpractice): it verifies as REVOKED from {@code revokedOn}. */
@DataSubject("candidateId")
public record CertificateRevoked(
        String claimId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String certificateNumber,
        LocalDate revokedOn,
        @PersonalData String reason) {}
