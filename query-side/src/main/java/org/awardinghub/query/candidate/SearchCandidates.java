package org.awardinghub.query.candidate;

import org.awardinghub.events.candidate.CandidateStatus;

/**
 * One page of candidates, ordered by last name, first name. {@code centreId} null searches every centre (IMI).
 * {@code text}, when given, is a registration number, a ULN, or the start of names (every word of it the start
 * of one of the candidate's names, ignoring case and accents). {@code status} and {@code qualificationCode}
 * filter when given. Answers a {@code Page<CandidateSummary>}.
 */
public record SearchCandidates(
        String centreId, String text, CandidateStatus status, String qualificationCode, int page, int size) {}
