package org.awardinghub.events.candidate;

public record CandidateQualificationAmended(
        String candidateId, String centreId, String oldQualificationCode, String qualificationCode, String reason) {}
