package org.awardinghub.events.candidate;

import java.time.LocalDate;

/**
 * A candidate was registered at a centre on a qualification and given a registration number. {@code late} when
 * {@code registeredOn} is more than the policy's days after {@code startDate}; {@code confirmedDuplicate} when the
 * centre confirmed a registration matching an existing one. {@code uln} is null when not given.
 */
public record CandidateRegistered(
        String candidateId,
        String centreId,
        String registrationNumber,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String uln,
        String qualificationCode,
        LocalDate startDate,
        LocalDate registeredOn,
        boolean late,
        boolean confirmedDuplicate) {}
