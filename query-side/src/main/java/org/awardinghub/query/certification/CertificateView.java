package org.awardinghub.query.certification;

import java.time.LocalDate;
import org.awardinghub.events.certification.CertificateStatus;

/**
 * A certificate number and what it stands for. A REPLACED number keeps {@code replacedBy} (the number that
 * replaced it); a REVOKED one its {@code revokedOn} and reason. The holder's name is as printed on it; {@code erased}:
 * the holder's personal data was erased (ADR 0165), and the name and reason read {@code "(erased)"}. The number, its
 * status and qualification stay, so that it still verifies.
 */
public record CertificateView(
        String certificateNumber,
        String claimId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String holderName,
        LocalDate issuedOn,
        CertificateStatus status,
        String replacedBy,
        LocalDate revokedOn,
        String reason,
        boolean erased) {}
