package org.awardinghub.events.arrangement;

import java.time.Instant;

/** An IMI administrator rejected a pending arrangement, with the reason the centre is shown; it never applies. */
public record AccessArrangementRejected(
        String arrangementId,
        String candidateId,
        String centreId,
        ArrangementKind kind,
        String reason,
        String rejectedByUserId,
        String rejectedByPin,
        Instant rejectedAt) {}
