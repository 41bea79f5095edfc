package org.awardinghub.events.certification;

import java.time.Instant;
import java.time.LocalDate;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * The certificate was issued: at once for a Direct Claim Status centre ({@code approvedByImi} false), or when IMI
 * approved the claim. The certificate number is public and not guessable in sequence; the verification code that
 * goes with it is a credential and is never in an event (the command side keeps it).
 */
@DataSubject("candidateId")
public record CertificateIssued(
        String claimId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String certificateNumber,
        @PersonalData String holderName,
        LocalDate issuedOn,
        Instant issuedAt,
        boolean approvedByImi) {}
