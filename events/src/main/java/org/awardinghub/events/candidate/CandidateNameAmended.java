package org.awardinghub.events.candidate;

/** Either name or both; old and new side by side. */
public record CandidateNameAmended(
        String candidateId,
        String centreId,
        String oldFirstName,
        String oldLastName,
        String firstName,
        String lastName,
        String reason) {}
