package org.awardinghub.events.candidate;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/** Either name or both; old and new side by side. */
@DataSubject("candidateId")
public record CandidateNameAmended(
        String candidateId,
        String centreId,
        @PersonalData String oldFirstName,
        @PersonalData String oldLastName,
        @PersonalData String firstName,
        @PersonalData String lastName,
        @PersonalData String reason) {}
