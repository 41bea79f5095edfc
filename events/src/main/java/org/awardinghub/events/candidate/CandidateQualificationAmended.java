package org.awardinghub.events.candidate;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

@DataSubject("candidateId")
public record CandidateQualificationAmended(
        String candidateId,
        String centreId,
        String oldQualificationCode,
        String qualificationCode,
        @PersonalData String reason) {}
