package org.awardinghub.events.candidate;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

@DataSubject("candidateId")
public record CandidateTransferred(
        String candidateId,
        String fromCentreId,
        String toCentreId,
        @PersonalData String reason) {}
