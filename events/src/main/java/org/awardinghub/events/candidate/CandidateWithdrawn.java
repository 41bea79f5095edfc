package org.awardinghub.events.candidate;

public record CandidateWithdrawn(String candidateId, String centreId, String reason) {}
