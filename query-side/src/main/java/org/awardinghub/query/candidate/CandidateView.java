package org.awardinghub.query.candidate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.awardinghub.events.candidate.CandidateStatus;

/**
 * A candidate's record as the portal shows it. {@code results} and {@code certificate} are filled by the
 * assessment and certification read models when those exist; until then a candidate has none. {@code version} is
 * the sequence number of the candidate's last event shown here: the aggregate's version, which the API answers as
 * the record's ETag and an amendment may name in {@code If-Match}. {@code erased}: the candidate's personal data was
 * erased (ADR 0165); the names then read {@code "(erased)"}, the date of birth null, a ULN {@code "(erased)"}.
 */
public record CandidateView(
        String candidateId,
        String registrationNumber,
        String centreId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String uln,
        String qualificationCode,
        LocalDate startDate,
        LocalDate registeredOn,
        boolean late,
        CandidateStatus status,
        boolean erased,
        List<Object> results,
        Object certificate,
        Instant updatedAt,
        long version) {}
