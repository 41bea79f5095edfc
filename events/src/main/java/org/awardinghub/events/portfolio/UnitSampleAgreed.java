package org.awardinghub.events.portfolio;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/** The IQA sampled a signed-off unit and agreed with the assessor. */
@DataSubject("candidateId")
public record UnitSampleAgreed(
        String candidateId,
        String centreId,
        String unitCode,
        String assessorPin,
        String iqaUserId,
        String iqaPin,
        @PersonalData String feedback,
        Instant decidedAt) {}
