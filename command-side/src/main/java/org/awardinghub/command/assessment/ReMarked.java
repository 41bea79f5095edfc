package org.awardinghub.command.assessment;

import org.awardinghub.events.assessment.Outcome;

/** A submitted attempt marked again: the result recorded, and the result the marking gives now. */
public record ReMarked(
        String attemptId,
        Outcome recordedOutcome,
        int recordedScore,
        Outcome outcome,
        int score,
        int maxScore,
        double percent) {

    public boolean changed() {
        return score != recordedScore || outcome != recordedOutcome;
    }
}
