package org.awardinghub.events.candidate;

/** IMI lifted the legal hold on the candidate's record: it may be erased again when its retention ends. */
public record CandidateLegalHoldLifted(String candidateId, String centreId, String reason) {}
