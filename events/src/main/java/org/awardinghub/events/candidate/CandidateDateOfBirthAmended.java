package org.awardinghub.events.candidate;

import java.time.LocalDate;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

@DataSubject("candidateId")
public record CandidateDateOfBirthAmended(
        String candidateId,
        String centreId,
        @PersonalData LocalDate oldDateOfBirth,
        @PersonalData LocalDate dateOfBirth,
        @PersonalData String reason) {}
