package org.awardinghub.events.appeal;

import java.time.Instant;

/** Stage 2: the centre, not satisfied with the re-check, appealed to IMI, with its reasons. */
public record AppealLodged(
        String enquiryId,
        String attemptId,
        String candidateId,
        String centreId,
        String reasons,
        String lodgedByUserId,
        String lodgedByPin,
        Instant lodgedAt) {}
