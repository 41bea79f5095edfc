package org.awardinghub.command.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.Outcome;

/**
 * How an attempt is marked, whoever ends it: one mark per question of the form, in form order; the score counts
 * right answers (unanswered is wrong); the percent is rounded half-up to one decimal, for showing only; the outcome
 * compares whole numbers, {@code score * 100 >= passPercent * maxScore}, so that rounding never decides a pass.
 * Each change of an answer is classed by the key too (wrong to right, right to wrong, wrong to wrong): the key never
 * leaves the command side, so only marking can say which changes corrected an answer.
 */
final class Marking {

    private Marking() {}

    record Result(
            int score,
            int maxScore,
            double percent,
            Outcome outcome,
            List<AttemptSubmitted.Mark> marks,
            AttemptSubmitted.AnswerChanges answerChanges) {}

    /**
     * @param answers   the last option chosen per question id (letters as shown)
     * @param chosen    every option chosen per question id, in order, as bank indexes (a missing question: none)
     * @param answerKey the right option's bank index per item id; every item of the form must be in it
     */
    static Result mark(
            List<FormQuestion> form,
            Map<String, String> answers,
            Map<String, List<Integer>> chosen,
            Map<String, Integer> answerKey,
            int passPercent) {
        List<AttemptSubmitted.Mark> marks = new ArrayList<>(form.size());
        int score = 0;
        int changes = 0;
        int wrongToRight = 0;
        int rightToWrong = 0;
        for (FormQuestion question : form) {
            Integer right = answerKey.get(question.itemId());
            if (right == null) {
                throw new IllegalStateException("The item bank has no answer key for item " + question.itemId());
            }
            List<Integer> options = chosen.getOrDefault(question.questionId(), List.of());
            for (int i = 1; i < options.size(); i++) {
                boolean wasRight = right.equals(options.get(i - 1));
                boolean isRight = right.equals(options.get(i));
                changes++;
                wrongToRight += !wasRight && isRight ? 1 : 0;
                rightToWrong += wasRight && !isRight ? 1 : 0;
            }
            String optionId = answers.get(question.questionId());
            Integer itemOption = question.itemOptionOf(optionId);
            boolean correct = right.equals(itemOption);
            if (correct) {
                score++;
            }
            marks.add(new AttemptSubmitted.Mark(
                    question.questionId(),
                    question.itemId(),
                    itemOption == null ? null : optionId,
                    itemOption,
                    question.optionCount(),
                    correct));
        }
        int maxScore = form.size();
        return new Result(
                score,
                maxScore,
                percent(score, maxScore),
                (long) score * 100 >= (long) passPercent * maxScore ? Outcome.PASS : Outcome.FAIL,
                List.copyOf(marks),
                new AttemptSubmitted.AnswerChanges(
                        changes, wrongToRight, rightToWrong, changes - wrongToRight - rightToWrong));
    }

    static double percent(int score, int maxScore) {
        if (maxScore == 0) {
            return 0.0;
        }
        return BigDecimal.valueOf(100L * score)
                .divide(BigDecimal.valueOf(maxScore), 1, RoundingMode.HALF_UP)
                .doubleValue();
    }
}
