package org.awardinghub.events.certification;

import java.time.Instant;
import java.util.List;

/**
 * A centre claimed a certificate for a candidate who had achieved everything the qualification requires:
 * {@code achievedBy} names the passing attempts that made them eligible. {@code directClaimStatus} is whether the
 * centre held Direct Claim Status at that moment (an investigation asks exactly this): with it the certificate is
 * issued at once ({@link CertificateIssued} follows in the same transaction), without it the claim waits for IMI.
 * {@code holderName} is the candidate's name as the certificate will print it.
 */
public record CertificateClaimed(
        String claimId,
        String candidateId,
        String registrationNumber,
        String centreId,
        String qualificationCode,
        String holderName,
        boolean directClaimStatus,
        List<String> achievedBy,
        String claimedByUserId,
        String claimedByPin,
        Instant claimedAt) {}
