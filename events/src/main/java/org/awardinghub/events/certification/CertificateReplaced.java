package org.awardinghub.events.certification;

import java.time.LocalDate;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * IMI replaced a certificate (lost, or the name corrected): a new number and code; {@code replacedNumber} now
 * verifies as REPLACED and says nothing personal. {@code holderName} is the name on the new certificate, taken from
 * the candidate's record at that moment.
 */
@DataSubject("candidateId")
public record CertificateReplaced(
        String claimId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String replacedNumber,
        String certificateNumber,
        @PersonalData String holderName,
        LocalDate issuedOn,
        @PersonalData String reason) {}
