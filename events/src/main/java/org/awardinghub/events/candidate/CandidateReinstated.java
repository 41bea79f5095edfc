package org.awardinghub.events.candidate;

public record CandidateReinstated(String candidateId, String centreId, String reason) {}
