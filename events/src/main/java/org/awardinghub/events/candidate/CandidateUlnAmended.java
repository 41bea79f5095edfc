package org.awardinghub.events.candidate;

import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/** A ULN given, corrected or removed: either side may be null. */
@DataSubject("candidateId")
public record CandidateUlnAmended(
        String candidateId,
        String centreId,
        @PersonalData String oldUln,
        @PersonalData String uln,
        @PersonalData String reason) {}
