package org.awardinghub.events.certification;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * A centre claimed a certificate for a candidate who had achieved everything the qualification requires:
 * {@code achievedBy} names the passing attempts that made them eligible. {@code directClaimStatus} is whether the
 * centre held Direct Claim Status at that moment (an investigation asks exactly this): with it the certificate is
 * issued at once ({@link CertificateIssued} follows in the same transaction), without it the claim waits for IMI.
 * {@code holderName} is the candidate's name as the certificate will print it.
 */
@DataSubject("candidateId")
public record CertificateClaimed(
        String claimId,
        String candidateId,
        String registrationNumber,
        String centreId,
        String qualificationCode,
        @PersonalData String holderName,
        boolean directClaimStatus,
        List<String> achievedBy,
        String claimedByUserId,
        String claimedByPin,
        Instant claimedAt) {}
