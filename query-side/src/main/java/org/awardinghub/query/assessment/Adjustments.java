package org.awardinghub.query.assessment;

import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;
import org.awardinghub.events.assessment.AccessArrangementsApplied;

/**
 * The candidate's access arrangements applied to an attempt when it started (ADR 0153): the extra time already in
 * its {@code endsAt}, rest breaks the invigilator may pause for, a reader, a screen reader, a separate room, and the
 * display the test page opens with ({@code textSize}, {@code colourScheme}: null for the standard one). Null on the
 * attempt of a candidate without approved arrangements.
 */
public record Adjustments(
        int extraTimePercent,
        boolean restBreaks,
        boolean reader,
        boolean screenReader,
        TextSize textSize,
        ColourScheme colourScheme,
        boolean separateRoom) {

    static Adjustments of(AccessArrangementsApplied applied) {
        return new Adjustments(
                applied.extraTimePercent(),
                applied.restBreaks(),
                applied.reader(),
                applied.screenReader(),
                applied.textSize(),
                applied.colourScheme(),
                applied.separateRoom());
    }
}
