package org.awardinghub.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.awardinghub.events.assessment.AttemptSubmitted.AnswerChanges;
import org.awardinghub.events.assessment.AttemptSubmitted.Mark;
import org.awardinghub.events.assessment.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MarkingTest {

    /** Q1 shows the item's options reversed; Q2 as in the bank; Q3 has two options. */
    static final List<FormQuestion> FORM = List.of(
            new FormQuestion("Q1", "I-7", List.of("A", "B", "C", "D"), List.of(3, 2, 1, 0)),
            new FormQuestion("Q2", "I-2", List.of("A", "B", "C"), List.of(0, 1, 2)),
            new FormQuestion("Q3", "I-5", List.of("A", "B"), List.of(1, 0)));

    static final Map<String, Integer> KEY = Map.of("I-7", 0, "I-2", 2, "I-5", 0);

    @Test
    void givenAnswers_whenMarked_thenOneMarkPerQuestionInFormOrderAgainstTheBankIndex() {
        Marking.Result result = Marking.mark(FORM, Map.of("Q1", "D", "Q2", "A"), Map.of(), KEY, 30);

        assertThat(result.marks())
                .containsExactly(
                        new Mark("Q1", "I-7", "D", 0, 4, true),
                        new Mark("Q2", "I-2", "A", 0, 3, false),
                        new Mark("Q3", "I-5", null, null, 2, false));
        assertThat(result.score()).isEqualTo(1);
        assertThat(result.maxScore()).isEqualTo(3);
        assertThat(result.percent()).isEqualTo(33.3);
        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void givenAllRight_whenMarked_thenFullMarks() {
        Marking.Result result = Marking.mark(FORM, Map.of("Q1", "D", "Q2", "C", "Q3", "B"), Map.of(), KEY, 100);
        assertThat(result.score()).isEqualTo(3);
        assertThat(result.percent()).isEqualTo(100.0);
        assertThat(result.outcome()).isEqualTo(Outcome.PASS);
    }

    /** The outcome compares whole numbers: 2 of 3 is 66.67%, which passes 66 and fails 67, whatever it shows. */
    @ParameterizedTest
    @CsvSource({"66, PASS", "67, FAIL", "1, PASS", "100, FAIL"})
    void givenTwoOfThreeRight_whenMarkedAgainstAPassMark_thenPassOnlyIfScoreTimes100ReachesIt(
            int passPercent, Outcome outcome) {
        Marking.Result result = Marking.mark(FORM, Map.of("Q1", "D", "Q2", "C", "Q3", "A"), Map.of(), KEY, passPercent);
        assertThat(result.score()).isEqualTo(2);
        assertThat(result.percent()).isEqualTo(66.7);
        assertThat(result.outcome()).isEqualTo(outcome);
    }

    @Test
    void givenExactlyThePassMark_whenMarked_thenPass() {
        List<FormQuestion> four = List.of(
                FORM.get(0), FORM.get(1), FORM.get(2), new FormQuestion("Q4", "I-9", List.of("A", "B"), List.of(0, 1)));
        Map<String, Integer> key = Map.of("I-7", 0, "I-2", 2, "I-5", 0, "I-9", 1);
        Map<String, String> threeRight = Map.of("Q1", "D", "Q2", "C", "Q3", "B", "Q4", "A");

        assertThat(Marking.mark(four, threeRight, Map.of(), key, 75).outcome()).isEqualTo(Outcome.PASS);
        assertThat(Marking.mark(four, threeRight, Map.of(), key, 76).outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void givenChangedAnswers_whenMarked_thenEachChangeIsClassedByTheKey() {
        // Q1 (key: bank 0): 2 -> 0 (wrong to right) -> 1 (right to wrong) -> 0 (wrong to right); Q2 (key: bank 2):
        // 0 -> 1 (wrong to wrong); Q3 answered once: no change.
        Map<String, List<Integer>> chosen = Map.of("Q1", List.of(2, 0, 1, 0), "Q2", List.of(0, 1), "Q3", List.of(1));

        Marking.Result result = Marking.mark(FORM, Map.of("Q1", "D", "Q2", "B", "Q3", "A"), chosen, KEY, 50);

        assertThat(result.answerChanges()).isEqualTo(new AnswerChanges(4, 2, 1, 1));
    }

    @Test
    void givenNoChanges_whenMarked_thenNoneCounted() {
        Marking.Result result = Marking.mark(FORM, Map.of("Q1", "D"), Map.of("Q1", List.of(0)), KEY, 50);

        assertThat(result.answerChanges()).isEqualTo(AnswerChanges.NONE);
    }

    @ParameterizedTest
    @CsvSource({
        "0, 3, 0.0",
        "1, 3, 33.3",
        "2, 3, 66.7",
        "1, 6, 16.7",
        "5, 8, 62.5",
        "1, 16, 6.3",
        "3, 16, 18.8",
        "1, 40, 2.5",
        "1, 80, 1.3",
        "7, 7, 100.0"
    })
    void givenScoreAndMaximum_whenPercentWorkedOut_thenRoundedHalfUpToOneDecimal(
            int score, int maxScore, double percent) {
        assertThat(Marking.percent(score, maxScore)).isEqualTo(percent);
    }

    @Test
    void givenAnItemMissingFromTheAnswerKey_whenMarked_thenRefusedRatherThanMarkedWrong() {
        assertThatThrownBy(() -> Marking.mark(FORM, Map.of(), Map.of(), Map.of("I-7", 0, "I-2", 2), 50))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("I-5");
    }
}
