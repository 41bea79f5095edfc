package org.awardinghub.query.certification;

import java.time.Instant;
import java.time.LocalDate;
import org.awardinghub.events.certification.ClaimStatus;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Erased;

/**
 * A certificate claim: who claimed it when, whether the centre had Direct Claim Status then, its status, IMI's
 * decision (when, and the reason of a rejection) and the certificate it produced (current number, issue date).
 */
public record ClaimView(
        @DocumentMapper.Id String claimId,
        String candidateId,
        String registrationNumber,
        String holderName,
        String centreId,
        String qualificationCode,
        ClaimStatus status,
        boolean directClaimStatus,
        Instant claimedAt,
        String claimedByPin,
        Instant decidedAt,
        String reason,
        String certificateNumber,
        LocalDate issuedOn) {

    /** The candidate erased (ADR 0165): the holder's name and the reason read "(erased)", as the events now read. */
    ClaimView withoutPersonalData() {
        return new ClaimView(
                claimId,
                candidateId,
                registrationNumber,
                Erased.text(holderName),
                centreId,
                qualificationCode,
                status,
                directClaimStatus,
                claimedAt,
                claimedByPin,
                decidedAt,
                Erased.text(reason),
                certificateNumber,
                issuedOn);
    }
}
