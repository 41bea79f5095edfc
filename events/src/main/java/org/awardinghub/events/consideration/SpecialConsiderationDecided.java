package org.awardinghub.events.consideration;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/** IMI decided an application for special consideration, with the reason, who decided and when. */
@DataSubject("candidateId")
public record SpecialConsiderationDecided(
        String considerationId,
        String attemptId,
        String candidateId,
        String centreId,
        String assessmentCode,
        ConsiderationDecision decision,
        @PersonalData String reason,
        String decidedByUserId,
        String decidedByPin,
        Instant decidedAt) {}
