package org.awardinghub.query.assessment;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.query.DocumentMapper;

/**
 * What the candidate sitting the attempt sees: the questions in their form's order, the option they chose for
 * each (null: none yet), the end time (moved by every pause resumed), {@code pausedAt} while the invigilator has it
 * paused, and once submitted their own result. Never the answer key, nor anything
 * that tells which option is right (no per-question marks).
 */
public record SittingView(
        @DocumentMapper.Id String attemptId,
        String assessmentCode,
        AttemptStatus status,
        Instant startedAt,
        Instant endsAt,
        Instant submittedAt,
        List<Question> questions,
        Result result,
        Adjustments adjustments,
        Instant pausedAt) {

    /** The sitting with the option chosen for that question; unchanged for a question not on its form. */
    SittingView chosen(String questionId, String optionId) {
        List<Question> answered = questions.stream()
                .map(question -> question.questionId().equals(questionId)
                        ? new Question(question.questionId(), question.stem(), question.options(), optionId)
                        : question)
                .toList();
        return new SittingView(
                attemptId,
                assessmentCode,
                status,
                startedAt,
                endsAt,
                submittedAt,
                answered,
                result,
                adjustments,
                pausedAt);
    }

    SittingView submitted(Instant submittedAt, Result result) {
        return new SittingView(
                attemptId,
                assessmentCode,
                AttemptStatus.SUBMITTED,
                startedAt,
                endsAt,
                submittedAt,
                questions,
                result,
                adjustments,
                null);
    }

    /** A result corrected after a review (issue 18): the candidate sees the new one. */
    SittingView corrected(Result corrected) {
        return new SittingView(
                attemptId,
                assessmentCode,
                status,
                startedAt,
                endsAt,
                submittedAt,
                questions,
                corrected,
                adjustments,
                pausedAt);
    }

    SittingView with(AttemptStatus status) {
        return new SittingView(
                attemptId,
                assessmentCode,
                status,
                startedAt,
                endsAt,
                submittedAt,
                questions,
                result,
                adjustments,
                status == AttemptStatus.STARTED ? pausedAt : null);
    }

    SittingView with(Adjustments adjustments) {
        return new SittingView(
                attemptId,
                assessmentCode,
                status,
                startedAt,
                endsAt,
                submittedAt,
                questions,
                result,
                adjustments,
                pausedAt);
    }

    /** Paused at {@code at}, or running again ({@code at} null) until {@code ends}. */
    SittingView clock(Instant at, Instant ends) {
        return new SittingView(
                attemptId, assessmentCode, status, startedAt, ends, submittedAt, questions, result, adjustments, at);
    }

    public record Question(String questionId, String stem, List<Option> options, String chosenOptionId) {}

    public record Option(String optionId, String text) {}

    public record Result(int score, int maxScore, double percent, Outcome outcome) {}
}
