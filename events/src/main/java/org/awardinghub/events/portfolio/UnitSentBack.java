package org.awardinghub.events.portfolio;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * The IQA sampled a signed-off unit and sent it back to the assessor: the unit is no longer signed off, and its
 * criteria need fresh judgements before it can be signed off again.
 */
@DataSubject("candidateId")
public record UnitSentBack(
        String candidateId,
        String centreId,
        String unitCode,
        String assessorPin,
        String iqaUserId,
        String iqaPin,
        @PersonalData String feedback,
        Instant decidedAt) {}
