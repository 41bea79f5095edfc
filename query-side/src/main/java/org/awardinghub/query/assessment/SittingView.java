package org.awardinghub.query.assessment;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;

/**
 * What the candidate sitting the attempt sees: the questions in their form's order, the option they chose for
 * each (null: none yet), the end time, and once submitted their own result. Never the answer key, nor anything
 * that tells which option is right (no per-question marks).
 */
public record SittingView(
        String attemptId,
        String assessmentCode,
        AttemptStatus status,
        Instant startedAt,
        Instant endsAt,
        Instant submittedAt,
        List<Question> questions,
        Result result) {

    public record Question(String questionId, String stem, List<Option> options, String chosenOptionId) {}

    public record Option(String optionId, String text) {}

    public record Result(int score, int maxScore, double percent, Outcome outcome) {}
}
