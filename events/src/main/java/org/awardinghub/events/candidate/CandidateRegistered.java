package org.awardinghub.events.candidate;

import java.time.LocalDate;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * A candidate was registered at a centre on a qualification and given a registration number. {@code late} when
 * {@code registeredOn} is more than the policy's days after {@code startDate}; {@code confirmedDuplicate} when the
 * centre confirmed a registration matching an existing one. {@code uln} is null when not given.
 */
@DataSubject("candidateId")
public record CandidateRegistered(
        String candidateId,
        String centreId,
        String registrationNumber,
        @PersonalData String firstName,
        @PersonalData String lastName,
        @PersonalData LocalDate dateOfBirth,
        @PersonalData String uln,
        String qualificationCode,
        LocalDate startDate,
        LocalDate registeredOn,
        boolean late,
        boolean confirmedDuplicate) {}
