package org.awardinghub.command.candidate;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Answers a {@link Registration}. {@code registeredOn} is today's date where the request was made (the
 * aggregate never reads a clock); {@code startDate} is the learning start date, already defaulted to today.
 * {@code uln} may be null or blank (not given).
 */
public record RegisterCandidate(
        @TargetAggregateIdentifier String candidateId,
        String centreId,
        String firstName,
        String lastName,
        LocalDate dateOfBirth,
        String uln,
        String qualificationCode,
        LocalDate startDate,
        LocalDate registeredOn,
        boolean confirmDuplicate) {}
