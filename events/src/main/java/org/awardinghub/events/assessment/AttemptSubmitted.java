package org.awardinghub.events.assessment;

import java.time.Instant;
import java.util.List;

/**
 * The attempt ended and was marked at once: by the candidate, or by the time limit at {@code endsAt}. The score
 * counts correct answers; the outcome compares {@code score / maxScore} with the pass mark copied in when the
 * attempt was opened ({@code score * 100 >= passPercent * maxScore}). One mark per question of the form.
 * {@code answerChanges} counts the candidate's changes of answer by whether each made the answer right or wrong
 * (only marking knows the key); it is null in attempts submitted before it was recorded.
 */
public record AttemptSubmitted(
        String attemptId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String assessmentCode,
        SubmittedBy submittedBy,
        Instant startedAt,
        Instant endsAt,
        Instant submittedAt,
        int score,
        int maxScore,
        double percent,
        int passPercent,
        Outcome outcome,
        List<Mark> marks,
        AnswerChanges answerChanges) {

    /**
     * A question's mark: the option chosen last (null: unanswered; {@code itemOption} is its index in the bank
     * item), how many options the item has, and whether the answer was the right one.
     */
    public record Mark(
            String questionId, String itemId, String optionId, Integer itemOption, int optionCount, boolean correct) {}

    /**
     * Every change of an answer already given, by its effect: from a wrong option to the right one, from the right
     * one to a wrong one, or from one wrong option to another. A first answer is not a change. An unusual number of
     * changes from wrong to right is a sign of answers corrected by someone else.
     */
    public record AnswerChanges(int changes, int wrongToRight, int rightToWrong, int wrongToWrong) {

        public static final AnswerChanges NONE = new AnswerChanges(0, 0, 0, 0);
    }
}
