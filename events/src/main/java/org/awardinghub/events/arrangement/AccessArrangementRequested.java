package org.awardinghub.events.arrangement;

import java.time.Instant;

/**
 * A centre requested an access arrangement for one of its candidates, saying why; {@code evidence} is null when no
 * file was attached. {@code extraTimePercent} is set for {@link ArrangementKind#EXTRA_TIME} only,
 * {@code textSize} for {@link ArrangementKind#ENLARGED_TEXT} only, {@code colourScheme} for
 * {@link ArrangementKind#COLOUR_SCHEME} only. Whether it waits for IMI or is approved at once is said by the event
 * that follows ({@link AccessArrangementApproved} with {@code automatically}), in the same transaction.
 */
public record AccessArrangementRequested(
        String arrangementId,
        String candidateId,
        String centreId,
        ArrangementKind kind,
        Integer extraTimePercent,
        TextSize textSize,
        ColourScheme colourScheme,
        String reason,
        ArrangementEvidence evidence,
        String requestedByUserId,
        String requestedByPin,
        Instant requestedAt) {}
