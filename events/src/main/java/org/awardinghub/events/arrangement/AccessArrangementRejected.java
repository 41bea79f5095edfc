package org.awardinghub.events.arrangement;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/** An IMI administrator rejected a pending arrangement, with the reason the centre is shown; it never applies. */
@DataSubject("candidateId")
public record AccessArrangementRejected(
        String arrangementId,
        String candidateId,
        String centreId,
        ArrangementKind kind,
        @PersonalData String reason,
        String rejectedByUserId,
        String rejectedByPin,
        Instant rejectedAt) {}
