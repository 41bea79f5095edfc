package org.awardinghub.query.candidate;

import java.time.LocalDate;
import org.awardinghub.events.candidate.CandidateStatus;

/** A line of a candidate list; {@code registeredOn} is the day the candidate was registered. */
public record CandidateSummary(
        String candidateId,
        String registrationNumber,
        String centreId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String uln,
        String qualificationCode,
        CandidateStatus status,
        boolean late,
        LocalDate registeredOn) {}
