package org.awardinghub.events.arrangement;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * A pending or approved arrangement was withdrawn, with the reason: by the candidate's centre (the need has passed,
 * or it was asked for in error) or by an IMI administrator (it was found not to be justified). It applies to no
 * attempt started from then on; an attempt already started keeps what was applied at its start.
 * {@code previousStatus} is what was withdrawn: PENDING or APPROVED; {@code byImi} whether IMI withdrew it (the centre
 * is then told).
 */
@DataSubject("candidateId")
public record AccessArrangementWithdrawn(
        String arrangementId,
        String candidateId,
        String centreId,
        ArrangementKind kind,
        ArrangementStatus previousStatus,
        @PersonalData String reason,
        boolean byImi,
        String withdrawnByUserId,
        String withdrawnByPin,
        Instant withdrawnAt) {}
