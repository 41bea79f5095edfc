package org.awardinghub.events.portfolio;

import java.time.Instant;

/** The IQA sampled a signed-off unit and agreed with the assessor. */
public record UnitSampleAgreed(
        String candidateId,
        String centreId,
        String unitCode,
        String assessorPin,
        String iqaUserId,
        String iqaPin,
        String feedback,
        Instant decidedAt) {}
