package org.awardinghub.command.arrangement;

import org.awardinghub.command.Reasoned;
import org.awardinghub.events.arrangement.ArrangementEvidence;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A centre admin or coordinator requests an arrangement for a candidate of their centre, saying why; the evidence
 * file, if any, is already in the file store. Answers the arrangement's status after the request: PENDING, or
 * APPROVED when the policy approves the kind at once.
 */
public record RequestAccessArrangement(
        @TargetAggregateIdentifier String arrangementId,
        String candidateId,
        ArrangementKind kind,
        Integer extraTimePercent,
        TextSize textSize,
        ColourScheme colourScheme,
        String reason,
        ArrangementEvidence evidence,
        String requestedByUserId)
        implements Reasoned {}
