package org.awardinghub.command.arrangement;

import java.util.Optional;
import org.awardinghub.events.arrangement.ArrangementKind;

/**
 * Which requests are approved at once and which wait for IMI (ADR 0153, after JCQ's Access Arrangements and
 * Reasonable Adjustments): what JCQ lets a centre put in place on its own assessment of need — up to 25 % extra
 * time, supervised rest breaks, a screen reader (JCQ's computer reader), enlarged text, a colour scheme (JCQ's
 * coloured overlays) — is approved by the policy when requested. More than 25 % extra time, a human reader and a
 * separate room change the conditions the assessment is taken under more, and wait for an IMI administrator.
 */
public final class ArrangementPolicy {

    /** The most extra time a centre's request is given without IMI's review. */
    public static final int AUTOMATIC_EXTRA_TIME_PERCENT = 25;

    /** The least and most extra time that can be requested, in whole percent of the time limit. */
    public static final int MIN_EXTRA_TIME_PERCENT = 5;

    public static final int MAX_EXTRA_TIME_PERCENT = 100;

    private ArrangementPolicy() {}

    /** The rule approving the request at once, in words for the event's reason; empty when it waits for IMI. */
    public static Optional<String> automaticApproval(ArrangementKind kind, Integer extraTimePercent) {
        return switch (kind) {
            case EXTRA_TIME ->
                extraTimePercent != null && extraTimePercent <= AUTOMATIC_EXTRA_TIME_PERCENT
                        ? Optional.of("Approved by policy: extra time of up to " + AUTOMATIC_EXTRA_TIME_PERCENT
                                + " % is a centre-delegated arrangement (JCQ AARA; ADR 0153)")
                        : Optional.empty();
            case REST_BREAKS, SCREEN_READER, ENLARGED_TEXT, COLOUR_SCHEME ->
                Optional.of("Approved by policy: " + kind + " is a centre-delegated arrangement (JCQ AARA; ADR 0153)");
            case READER, SEPARATE_ROOM -> Optional.empty();
        };
    }
}
