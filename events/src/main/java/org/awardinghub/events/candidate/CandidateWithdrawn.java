package org.awardinghub.events.candidate;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

@DataSubject("candidateId")
public record CandidateWithdrawn(
        String candidateId, String centreId, @PersonalData String reason) {}
