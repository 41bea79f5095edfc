package org.awardinghub.api.notification;

import org.awardinghub.events.appeal.AppealDecided;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.appeal.ClericalReCheckCompleted;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.consideration.ConsiderationDecision;

/** Access arrangements, special consideration and appeal decisions, in the words of a notice to the centre. */
final class PostResultsWords {

    private PostResultsWords() {}

    static String arrangement(ArrangementKind kind) {
        return switch (kind) {
            case EXTRA_TIME -> "extra time";
            case REST_BREAKS -> "supervised rest breaks";
            case READER -> "a reader";
            case SCREEN_READER -> "a screen reader";
            case ENLARGED_TEXT -> "enlarged text";
            case COLOUR_SCHEME -> "a colour scheme";
            case SEPARATE_ROOM -> "a separate room";
        };
    }

    /** The approved arrangement with its setting: "extra time (25 %)". */
    static String arrangement(AccessArrangementApproved approved) {
        String words = arrangement(approved.kind());
        if (approved.extraTimePercent() != null) {
            return words + " (" + approved.extraTimePercent() + " %)";
        }
        if (approved.textSize() != null) {
            return words + " (" + textSize(approved.textSize()) + ")";
        }
        if (approved.colourScheme() != null) {
            return words + " (" + colourScheme(approved.colourScheme()) + ")";
        }
        return words;
    }

    private static String textSize(TextSize size) {
        return switch (size) {
            case LARGE -> "125 %";
            case EXTRA_LARGE -> "150 %";
            case LARGEST -> "200 %";
        };
    }

    private static String colourScheme(ColourScheme scheme) {
        return switch (scheme) {
            case CREAM -> "dark text on cream";
            case LIGHT_BLUE -> "dark text on light blue";
            case PALE_YELLOW -> "dark text on pale yellow";
            case YELLOW_ON_BLACK -> "yellow text on black";
        };
    }

    /** The decision, short, for a subject line. */
    static String considerationDecision(ConsiderationDecision decision) {
        return switch (decision) {
            case VOID_AND_RESIT -> "attempt voided, re-sit allowed";
            case NOTE_ON_RECORD -> "result stands, noted on the record";
            case REJECTED -> "rejected";
        };
    }

    /** What the decision means for the candidate and the centre. */
    static String considerationEffect(ConsiderationDecision decision) {
        return switch (decision) {
            case VOID_AND_RESIT ->
                "The attempt is voided and counts for nothing. The candidate may re-sit the assessment at once, once,"
                        + " without the usual wait.";
            case NOTE_ON_RECORD -> "The result stands; the candidate's record shows the consideration beside it.";
            case REJECTED -> "The application is rejected; the result stands.";
        };
    }

    static String appealDecision(AppealDecision decision) {
        return decision == AppealDecision.UPHELD ? "upheld" : "dismissed";
    }

    /** The result after the appeal, and what it was. */
    static String appealResult(AppealDecided decided) {
        if (decided.decision() == AppealDecision.UPHELD) {
            return "The result is corrected to " + result(decided.outcome(), decided.score()) + " (it was "
                    + result(decided.previousOutcome(), decided.previousScore()) + ").";
        }
        return "The result stands: " + result(decided.outcome(), decided.score()) + ".";
    }

    static String reCheckResult(ClericalReCheckCompleted reCheck) {
        return "The result is now " + result(reCheck.outcome(), reCheck.score()) + " of " + reCheck.maxScore()
                + " (it was " + result(reCheck.previousOutcome(), reCheck.previousScore()) + ").";
    }

    private static String result(Outcome outcome, int score) {
        return outcome.name().toLowerCase(java.util.Locale.ROOT) + ", score " + score;
    }
}
