package org.awardinghub.events.candidate;

/** The candidate's certificate was revoked: they are REGISTERED again, holding no certificate. */
public record CandidateCertificateRevoked(
        String candidateId, String centreId, String claimId, String certificateNumber, String reason) {}
