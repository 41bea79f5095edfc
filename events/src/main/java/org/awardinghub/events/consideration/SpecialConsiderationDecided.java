package org.awardinghub.events.consideration;

import java.time.Instant;

/** IMI decided an application for special consideration, with the reason, who decided and when. */
public record SpecialConsiderationDecided(
        String considerationId,
        String attemptId,
        String candidateId,
        String centreId,
        String assessmentCode,
        ConsiderationDecision decision,
        String reason,
        String decidedByUserId,
        String decidedByPin,
        Instant decidedAt) {}
