package org.awardinghub.command.arrangement;

import java.util.List;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;

/**
 * A candidate's approved arrangements in force, combined as an attempt applies them: the most extra time approved,
 * the largest text size, the colour scheme approved last, and each kind without a setting when any approved one has
 * it. {@code arrangementIds} names them all, oldest approval first; empty when the candidate has none.
 */
public record Adjustments(
        int extraTimePercent,
        boolean restBreaks,
        boolean reader,
        boolean screenReader,
        TextSize textSize,
        ColourScheme colourScheme,
        boolean separateRoom,
        List<String> arrangementIds) {

    public static final Adjustments NONE = new Adjustments(0, false, false, false, null, null, false, List.of());

    public boolean any() {
        return !arrangementIds.isEmpty();
    }
}
