package org.awardinghub.query.consideration;

import java.time.Instant;
import org.awardinghub.events.consideration.Circumstance;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Erased;

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

    /**
     * The candidate erased (ADR 0165): the centre's description and IMI's reason read "(erased)" and the evidence file
     * is no longer referred to (null), as the events now read; the circumstance and the decision stay.
     */
    ConsiderationView withoutPersonalData() {
        return new ConsiderationView(
                considerationId,
                attemptId,
                candidateId,
                centreId,
                qualificationCode,
                assessmentCode,
                circumstance,
                incidentId,
                Erased.text(description),
                null,
                status,
                appliedByUserId,
                appliedByPin,
                appliedAt,
                decision,
                Erased.text(reason),
                decidedByUserId,
                decidedByPin,
                decidedAt);
    }

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
