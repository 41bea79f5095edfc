package org.awardinghub.events.assessment;

import java.util.List;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;

/**
 * The candidate's approved access arrangements in force when they started the attempt, combined, recorded just
 * before {@link AttemptStarted}: its {@code endsAt} already includes {@code extraTimePercent}. Recorded only for a
 * candidate with at least one approved arrangement; {@code arrangementIds} names every one that applied, so that an
 * investigator can follow each back to its request, evidence and decision. {@code textSize} and
 * {@code colourScheme} are null where none was approved (the test page's standard display).
 */
public record AccessArrangementsApplied(
        String attemptId,
        String candidateId,
        String centreId,
        int extraTimePercent,
        boolean restBreaks,
        boolean reader,
        boolean screenReader,
        TextSize textSize,
        ColourScheme colourScheme,
        boolean separateRoom,
        List<String> arrangementIds) {}
