package org.awardinghub.events.candidate;

public record CandidateTransferred(String candidateId, String fromCentreId, String toCentreId, String reason) {}
