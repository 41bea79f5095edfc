package org.awardinghub.events.candidate;

/** A ULN given, corrected or removed: either side may be null. */
public record CandidateUlnAmended(String candidateId, String centreId, String oldUln, String uln, String reason) {}
