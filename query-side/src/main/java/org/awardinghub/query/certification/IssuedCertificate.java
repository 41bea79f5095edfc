package org.awardinghub.query.certification;

import java.time.Instant;
import java.time.LocalDate;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Erased;

/**
 * A certificate number as stored, in {@value CertificateProjection#CERTIFICATES} and as an entry of the
 * candidate's document in {@value CandidateCertificatesProjection#CANDIDATE_CERTIFICATES}: its
 * {@link CertificateView}, and the instant it was issued ({@code issuedAt}, a replacement's is its event's time),
 * which orders the candidate's numbers. {@code erased}: the holder's personal data was erased, from the erasure itself
 * or from a name that reads "(erased)" when it was issued (an event handled after the erasure, in a replay).
 */
record IssuedCertificate(
        @DocumentMapper.Id String certificateNumber,
        String claimId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String holderName,
        LocalDate issuedOn,
        Instant issuedAt,
        CertificateStatus status,
        String replacedBy,
        LocalDate revokedOn,
        String reason,
        boolean erased) {

    /** The number a claim's issue gives, VALID. */
    static IssuedCertificate issued(CertificateIssued event) {
        return valid(
                event.certificateNumber(),
                event.claimId(),
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                event.holderName(),
                event.issuedOn(),
                event.issuedAt());
    }

    /** The number that replaces another, VALID, issued at the replacement's time. */
    static IssuedCertificate replacing(CertificateReplaced event, Instant at) {
        return valid(
                event.certificateNumber(),
                event.claimId(),
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                event.holderName(),
                event.issuedOn(),
                at);
    }

    /** A newly issued number. */
    private static IssuedCertificate valid(
            String certificateNumber,
            String claimId,
            String candidateId,
            String centreId,
            String qualificationCode,
            String holderName,
            LocalDate issuedOn,
            Instant issuedAt) {
        return new IssuedCertificate(
                certificateNumber,
                claimId,
                candidateId,
                centreId,
                qualificationCode,
                holderName,
                issuedOn,
                issuedAt,
                CertificateStatus.VALID,
                null,
                null,
                null,
                Erased.is(holderName));
    }

    IssuedCertificate replaced(String by, String reason) {
        return new IssuedCertificate(
                certificateNumber,
                claimId,
                candidateId,
                centreId,
                qualificationCode,
                holderName,
                issuedOn,
                issuedAt,
                CertificateStatus.REPLACED,
                by,
                revokedOn,
                reason,
                erased);
    }

    IssuedCertificate revoked(LocalDate on, String reason) {
        return new IssuedCertificate(
                certificateNumber,
                claimId,
                candidateId,
                centreId,
                qualificationCode,
                holderName,
                issuedOn,
                issuedAt,
                CertificateStatus.REVOKED,
                replacedBy,
                on,
                reason,
                erased);
    }

    /**
     * The holder erased (ADR 0165): the name and the reason read "(erased)", as the events now read themselves; the
     * number, status, dates and qualification stay.
     */
    IssuedCertificate withoutPersonalData() {
        return new IssuedCertificate(
                certificateNumber,
                claimId,
                candidateId,
                centreId,
                qualificationCode,
                Erased.text(holderName),
                issuedOn,
                issuedAt,
                status,
                replacedBy,
                revokedOn,
                Erased.text(reason),
                true);
    }

    CertificateView view() {
        return new CertificateView(
                certificateNumber,
                claimId,
                candidateId,
                centreId,
                qualificationCode,
                holderName,
                issuedOn,
                status,
                replacedBy,
                revokedOn,
                reason,
                erased);
    }
}
