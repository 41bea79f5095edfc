package org.awardinghub.query.candidate;

import java.time.LocalDate;
import org.awardinghub.events.candidate.CandidateStatus;

/**
 * One page of candidates, ordered by last name, first name. {@code centreId} null searches every centre (IMI).
 * {@code text}, when given, is a registration number, a ULN, or the start of names (every word of it the start
 * of one of the candidate's names, ignoring case and accents). {@code status} and {@code qualificationCode}
 * filter when given, and so do {@code registeredFrom} and {@code registeredTo}: the day registered, both inclusive.
 * Answers a {@code Page<CandidateSummary>}.
 */
public record SearchCandidates(
        String centreId,
        String text,
        CandidateStatus status,
        String qualificationCode,
        LocalDate registeredFrom,
        LocalDate registeredTo,
        int page,
        int size) {

    /** With no registration dates. */
    public SearchCandidates(
            String centreId, String text, CandidateStatus status, String qualificationCode, int page, int size) {
        this(centreId, text, status, qualificationCode, null, null, page, size);
    }

    /** Whether the candidate, registered on {@code registeredOn}, falls within the dates (none given: all do). */
    public boolean registeredWithin(LocalDate registeredOn) {
        if (registeredFrom == null && registeredTo == null) {
            return true;
        }
        return registeredOn != null
                && (registeredFrom == null || !registeredOn.isBefore(registeredFrom))
                && (registeredTo == null || !registeredOn.isAfter(registeredTo));
    }
}
