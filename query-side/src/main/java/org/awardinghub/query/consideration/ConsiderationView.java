package org.awardinghub.query.consideration;

import java.time.Instant;
import org.awardinghub.events.consideration.Circumstance;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.query.DocumentMapper;

/**
 * An application for special consideration: what the centre said and, once decided ({@code status} DECIDED), IMI's
 * decision with its reason, who decided and when. {@code incidentId} is the centre's reference to an incident in the
 * room, as given.
 */
public record ConsiderationView(
        @DocumentMapper.Id String considerationId,
        String attemptId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String assessmentCode,
        Circumstance circumstance,
        String incidentId,
        String description,
        SpecialConsiderationApplied.Evidence evidence,
        String status,
        String appliedByUserId,
        String appliedByPin,
        Instant appliedAt,
        ConsiderationDecision decision,
        String reason,
        String decidedByUserId,
        String decidedByPin,
        Instant decidedAt) {

    public static final String PENDING = "PENDING";
    public static final String DECIDED = "DECIDED";

    ConsiderationView decided(
            ConsiderationDecision decision, String reason, String byUserId, String byPin, Instant decidedAt) {
        return new ConsiderationView(
                considerationId,
                attemptId,
                candidateId,
                centreId,
                qualificationCode,
                assessmentCode,
                circumstance,
                incidentId,
                description,
                evidence,
                DECIDED,
                appliedByUserId,
                appliedByPin,
                appliedAt,
                decision,
                reason,
                byUserId,
                byPin,
                decidedAt);
    }
}
