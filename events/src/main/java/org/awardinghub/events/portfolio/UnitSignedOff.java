package org.awardinghub.events.portfolio;

import java.time.Instant;

/**
 * The assessor signed a unit off, every one of its criteria being met. {@code assessorSignOffNumber} counts the
 * assessor's sign-offs (this one included); {@code samplePercent} is the sampling rate that applied and
 * {@code sampled} whether this sign-off was drawn for the IQA's sample.
 */
public record UnitSignedOff(
        String candidateId,
        String centreId,
        String qualificationCode,
        String unitCode,
        String assessorUserId,
        String assessorPin,
        int assessorSignOffNumber,
        int samplePercent,
        boolean sampled,
        Instant signedOffAt) {}
