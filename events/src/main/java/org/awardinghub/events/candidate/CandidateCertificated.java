package org.awardinghub.events.candidate;

/**
 * The candidate holds a certificate for their qualification: status CERTIFICATED. Recorded on the candidate's own
 * history after the claim's certificate was issued.
 */
public record CandidateCertificated(
        String candidateId, String centreId, String claimId, String qualificationCode, String certificateNumber) {}
