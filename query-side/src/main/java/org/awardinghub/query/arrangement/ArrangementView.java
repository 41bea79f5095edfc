package org.awardinghub.query.arrangement;

import java.time.Instant;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ArrangementStatus;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Erased;

/**
 * One access arrangement as the centre and IMI see it: what was asked for and why, by whom, the evidence (null
 * without a file), once decided who decided (the policy itself when {@code automatically}), why and when, and once
 * withdrawn the {@code withdrawal} (null until then; a withdrawn pending request has no decision).
 */
public record ArrangementView(
        @DocumentMapper.Id String arrangementId,
        String candidateId,
        String centreId,
        ArrangementKind kind,
        Integer extraTimePercent,
        TextSize textSize,
        ColourScheme colourScheme,
        String reason,
        Evidence evidence,
        ArrangementStatus status,
        String requestedByUserId,
        String requestedByPin,
        Instant requestedAt,
        boolean automatically,
        String decisionReason,
        String decidedByUserId,
        String decidedByPin,
        Instant decidedAt,
        Withdrawal withdrawal) {

    /** Why, by whom and when the arrangement was withdrawn: it applies to no attempt started after {@code at}. */
    public record Withdrawal(String reason, String byUserId, String byPin, Instant at) {}

    /** The evidence file as recorded: its SHA-256 is what the download is checked against. */
    public record Evidence(String fileName, String mediaType, long size, String sha256) {}

    /**
     * The candidate erased (ADR 0165): every reason reads "(erased)" and the evidence file is no longer referred to
     * (null), as the events now read; what was asked for, its status and who decided stay.
     */
    ArrangementView withoutPersonalData() {
        return new ArrangementView(
                arrangementId,
                candidateId,
                centreId,
                kind,
                extraTimePercent,
                textSize,
                colourScheme,
                Erased.text(reason),
                null,
                status,
                requestedByUserId,
                requestedByPin,
                requestedAt,
                automatically,
                Erased.text(decisionReason),
                decidedByUserId,
                decidedByPin,
                decidedAt,
                withdrawal == null
                        ? null
                        : new Withdrawal(
                                Erased.text(withdrawal.reason()),
                                withdrawal.byUserId(),
                                withdrawal.byPin(),
                                withdrawal.at()));
    }

    ArrangementView decided(
            ArrangementStatus status, boolean automatically, String reason, String userId, String pin, Instant at) {
        return new ArrangementView(
                arrangementId,
                candidateId,
                centreId,
                kind,
                extraTimePercent,
                textSize,
                colourScheme,
                this.reason,
                evidence,
                status,
                requestedByUserId,
                requestedByPin,
                requestedAt,
                automatically,
                reason,
                userId,
                pin,
                at,
                withdrawal);
    }

    ArrangementView withdrawn(Withdrawal withdrawal) {
        return new ArrangementView(
                arrangementId,
                candidateId,
                centreId,
                kind,
                extraTimePercent,
                textSize,
                colourScheme,
                reason,
                evidence,
                ArrangementStatus.WITHDRAWN,
                requestedByUserId,
                requestedByPin,
                requestedAt,
                automatically,
                decisionReason,
                decidedByUserId,
                decidedByPin,
                decidedAt,
                withdrawal);
    }
}
