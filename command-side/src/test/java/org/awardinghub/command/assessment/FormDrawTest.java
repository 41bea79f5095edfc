package org.awardinghub.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.awardinghub.events.assessment.AttemptStarted.Option;
import org.awardinghub.events.assessment.AttemptStarted.Question;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormDrawTest {

    /** Ten items; item n has 2 + n % 5 options (2 to 6). */
    static final List<BankItem> BANK = IntStream.rangeClosed(1, 10)
            .mapToObj(n -> new BankItem(
                    "BANK-Q" + n,
                    "Stem " + n,
                    IntStream.range(0, 2 + n % 5)
                            .mapToObj(k -> "Item " + n + " option " + k)
                            .toList()))
            .toList();

    @Test
    void givenTheSameSeedAndBank_whenDrawnAgain_thenTheSameForm() {
        for (long seed : new long[] {0L, 1L, -7L, Long.MAX_VALUE, 20261126L}) {
            assertThat(FormDraw.draw(BANK, 6, seed)).isEqualTo(FormDraw.draw(List.copyOf(BANK), 6, seed));
        }
    }

    @Test
    void givenDifferentSeeds_whenDrawn_thenFormsDiffer() {
        Set<List<Question>> forms = LongStream.range(0, 20)
                .mapToObj(seed -> FormDraw.draw(BANK, 6, seed))
                .collect(Collectors.toSet());
        assertThat(forms).hasSize(20);
    }

    /**
     * Investigators reproduce forms drawn years before: the draw for a seed must never change between releases.
     * Pinned here from the draw as first released.
     */
    @Test
    void givenAPinnedSeed_whenDrawn_thenExactlyTheFormFirstReleased() {
        List<Question> form = FormDraw.draw(BANK, 4, 42L);

        assertThat(form).extracting(Question::itemId).containsExactlyElementsOf(PINNED_ITEMS);
        assertThat(form)
                .extracting(question ->
                        question.options().stream().map(Option::itemOption).toList())
                .containsExactlyElementsOf(PINNED_OPTION_ORDERS);
    }

    /** Also what {@code Collections.shuffle} gives on Java 17, checked when pinned. */
    static final List<String> PINNED_ITEMS = List.of("BANK-Q5", "BANK-Q7", "BANK-Q3", "BANK-Q2");

    static final List<List<Integer>> PINNED_OPTION_ORDERS =
            List.of(List.of(1, 0), List.of(1, 0, 2, 3), List.of(3, 0, 4, 1, 2), List.of(0, 2, 1, 3));

    @ParameterizedTest
    @ValueSource(longs = {0L, 3L, 99L, -123456789L})
    void givenAnySeed_whenDrawn_thenDistinctBankItemsAsQ1ToQnWithOptionsAPermutationLetteredAFromA(long seed) {
        Map<String, BankItem> byId = BANK.stream().collect(Collectors.toMap(BankItem::itemId, Function.identity()));

        List<Question> form = FormDraw.draw(BANK, 6, seed);

        assertThat(form).extracting(Question::questionId).containsExactly("Q1", "Q2", "Q3", "Q4", "Q5", "Q6");
        assertThat(form).extracting(Question::itemId).doesNotHaveDuplicates().allMatch(byId::containsKey);
        for (Question question : form) {
            BankItem item = byId.get(question.itemId());
            assertThat(question.stem()).isEqualTo(item.stem());
            assertThat(question.options())
                    .extracting(Option::optionId)
                    .containsExactlyElementsOf(IntStream.range(0, item.options().size())
                            .mapToObj(k -> String.valueOf((char) ('A' + k)))
                            .toList());
            assertThat(question.options())
                    .extracting(Option::itemOption)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.range(0, item.options().size()).boxed().toList());
            for (Option option : question.options()) {
                assertThat(option.text()).isEqualTo(item.options().get(option.itemOption()));
            }
        }
    }

    @Test
    void givenAsManyQuestionsAsItems_whenDrawn_thenTheWholeBankInSomeOrder() {
        assertThat(FormDraw.draw(BANK, 10, 5L))
                .extracting(Question::itemId)
                .containsExactlyInAnyOrderElementsOf(
                        BANK.stream().map(BankItem::itemId).toList());
    }

    @Test
    void givenABankSmallerThanTheQuestionCount_whenDrawn_thenEveryItemOnce() {
        assertThat(FormDraw.draw(BANK.subList(0, 3), 5, 5L))
                .extracting(Question::itemId)
                .containsExactlyInAnyOrder("BANK-Q1", "BANK-Q2", "BANK-Q3");
    }

    @Test
    void givenNoQuestionsAsked_whenDrawn_thenRefused() {
        assertThatThrownBy(() -> FormDraw.draw(BANK, 0, 1L)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Forms are randomised: over many seeds every item is drawn first, and options land in every place. */
    @Test
    void givenManySeeds_whenDrawn_thenEveryItemLeadsSomeFormAndEveryOptionIsShownFirstSometimes() {
        Set<String> leading = new HashSet<>();
        Set<Integer> firstShownOfSixOptions = new HashSet<>();
        for (long seed = 0; seed < 500; seed++) {
            List<Question> form = FormDraw.draw(BANK, 10, seed);
            leading.add(form.get(0).itemId());
            form.stream()
                    .filter(question -> question.itemId().equals("BANK-Q4"))
                    .findFirst()
                    .ifPresent(question ->
                            firstShownOfSixOptions.add(question.options().get(0).itemOption()));
        }
        assertThat(leading).hasSize(10);
        assertThat(firstShownOfSixOptions).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5);
    }
}
