package org.awardinghub.events.arrangement;

import java.time.Instant;
import org.awardinghub.events.DataSubject;
import org.awardinghub.events.PersonalData;

/**
 * The arrangement was approved: it applies to every attempt the candidate starts from now on. With
 * {@code automatically} the policy approved it when it was requested (a kind centres may put in place on their own
 * assessment of need, ADR 0153): {@code approvedByUserId} is then {@code system}, {@code approvedByPin} null, and
 * {@code reason} names the policy rule. Otherwise an IMI administrator approved it, with their reason.
 */
@DataSubject("candidateId")
public record AccessArrangementApproved(
        String arrangementId,
        String candidateId,
        String centreId,
        ArrangementKind kind,
        Integer extraTimePercent,
        TextSize textSize,
        ColourScheme colourScheme,
        boolean automatically,
        @PersonalData String reason,
        String approvedByUserId,
        String approvedByPin,
        Instant approvedAt) {}
