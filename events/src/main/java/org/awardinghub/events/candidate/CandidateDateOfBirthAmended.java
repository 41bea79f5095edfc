package org.awardinghub.events.candidate;

import java.time.LocalDate;

public record CandidateDateOfBirthAmended(
        String candidateId, String centreId, LocalDate oldDateOfBirth, LocalDate dateOfBirth, String reason) {}
