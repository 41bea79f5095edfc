package org.awardinghub.events.appeal;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/** Stage 2: the centre, not satisfied with the re-check, appealed to IMI, with its reasons. */
@DataSubject("candidateId")
public record AppealLodged(
        String enquiryId,
        String attemptId,
        String candidateId,
        String centreId,
        @PersonalData String reasons,
        String lodgedByUserId,
        String lodgedByPin,
        Instant lodgedAt) {}
