package org.awardinghub.events.candidate;

import java.time.Instant;

/**
 * IMI erased the candidate's personal data: the candidate's key was deleted in the same transaction, so every
 * personal field of every event about them now reads as erased. The record itself stays: its id, registration
 * number, attempts, results and certificates, with nobody's name on them. {@code legalBasis} is the ground for
 * erasure (for example UK GDPR Article 17(1)(a), or the retention period ending); {@code reason} says why, and names
 * nobody.
 */
public record CandidateErased(
        String candidateId,
        String centreId,
        String registrationNumber,
        String reason,
        String legalBasis,
        Instant erasedAt) {}
