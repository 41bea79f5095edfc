package org.awardinghub.events.arrangement;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * A centre requested an access arrangement for one of its candidates, saying why; {@code evidence} is null when no
 * file was attached. {@code extraTimePercent} is set for {@link ArrangementKind#EXTRA_TIME} only,
 * {@code textSize} for {@link ArrangementKind#ENLARGED_TEXT} only, {@code colourScheme} for
 * {@link ArrangementKind#COLOUR_SCHEME} only. Whether it waits for IMI or is approved at once is said by the event
 * that follows ({@link AccessArrangementApproved} with {@code automatically}), in the same transaction.
 */
@DataSubject("candidateId")
public record AccessArrangementRequested(
        String arrangementId,
        String candidateId,
        String centreId,
        ArrangementKind kind,
        Integer extraTimePercent,
        TextSize textSize,
        ColourScheme colourScheme,
        @PersonalData String reason,
        @PersonalData ArrangementEvidence evidence,
        String requestedByUserId,
        String requestedByPin,
        Instant requestedAt) {}
