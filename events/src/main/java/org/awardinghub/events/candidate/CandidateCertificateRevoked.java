package org.awardinghub.events.candidate;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/** The candidate's certificate was revoked: they are REGISTERED again, holding no certificate. */
@DataSubject("candidateId")
public record CandidateCertificateRevoked(
        String candidateId,
        String centreId,
        String claimId,
        String certificateNumber,
        @PersonalData String reason) {}
