package org.awardinghub.command.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrationNumbersTest {

    static final String FORM = "[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}";

    LookupDatabase database;
    CandidateDirectory candidates;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        candidates = database.lookup(CandidateDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    void issueTo(String candidateId, String number) {
        database.apply(new CandidateRegistered(
                candidateId,
                "centre-1",
                number,
                "Ann",
                "Smith",
                LocalDate.parse("2005-04-17"),
                null,
                "MVR-L2",
                LocalDate.parse("2026-09-01"),
                LocalDate.parse("2026-11-26"),
                false,
                false));
    }

    @Test
    void whenIssued_thenEightCharactersWithoutLookAlikes() {
        RegistrationNumbers numbers = new RegistrationNumbers(candidates);
        for (int i = 0; i < 2000; i++) {
            assertThat(numbers.issue()).matches(FORM).doesNotContain("0", "O", "1", "I", "L", "U");
        }
    }

    @Test
    void whenManyAreIssued_thenEveryLetterOfTheAlphabetIsUsedInEveryPosition() {
        RegistrationNumbers numbers = new RegistrationNumbers(candidates, new Random(11));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            String number = numbers.issue();
            for (int position = 0; position < number.length(); position++) {
                seen.add(position + ":" + number.charAt(position));
            }
        }
        assertThat(seen).hasSize(RegistrationNumbers.LENGTH * RegistrationNumbers.ALPHABET.length());
    }

    @Test
    void whenIssuedOneAfterAnother_thenNotInSequence() {
        RegistrationNumbers numbers = new RegistrationNumbers(candidates);
        String first = numbers.issue();
        String second = numbers.issue();
        assertThat(first.substring(0, 6))
                .as("numbers drawn in a row share no visible sequence")
                .isNotEqualTo(second.substring(0, 6));
    }

    @Test
    void givenTheFirstDrawnNumberIssued_whenIssuedWithTheSameDraws_thenADifferentNumber() {
        String first = new RegistrationNumbers(candidates, new Random(42)).issue();
        issueTo("candidate-1", first);

        String second = new RegistrationNumbers(candidates, new Random(42)).issue();

        assertThat(second).isNotEqualTo(first).matches(FORM);
    }

    @Test
    void givenNumbersOfWithdrawnCandidates_whenIssuedWithTheSameDraws_thenNoneIsReused() {
        Set<String> issued = new HashSet<>();
        for (int n = 0; n < 20; n++) {
            String number = new RegistrationNumbers(candidates, new Random(7)).issue();
            assertThat(issued).doesNotContain(number);
            issued.add(number);
            issueTo("candidate-" + n, number);
            database.apply(new CandidateWithdrawn("candidate-" + n, "centre-1", "Left the course"));
        }
    }

    @Test
    void givenEveryDrawnNumberTaken_whenIssued_thenItGivesUpRatherThanLoopForever() {
        Random alwaysLowest = new Random() {
            @Override
            public long nextLong(long bound) {
                return 0;
            }
        };
        issueTo("candidate-1", "22222222");
        assertThatThrownBy(() -> new RegistrationNumbers(candidates, alwaysLowest).issue())
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenLowestAndHighestDraws_whenSpelt_thenFirstAndLastNumbers() {
        assertThat(RegistrationNumbers.spell(0)).isEqualTo("22222222");
        assertThat(RegistrationNumbers.spell(1)).isEqualTo("22222223");
        assertThat(RegistrationNumbers.spell(30)).isEqualTo("22222232");
        assertThat(RegistrationNumbers.spell(RegistrationNumbers.NUMBER_COUNT - 1))
                .isEqualTo("ZZZZZZZZ");
    }

    @Test
    void givenTexts_whenAskedIfWellFormed_thenOnlyIssuableNumbers() {
        assertThat(RegistrationNumbers.isWellFormed("7KQ3MZ9B")).isTrue();
        assertThat(RegistrationNumbers.isWellFormed("7kq3mz9b")).isFalse();
        assertThat(RegistrationNumbers.isWellFormed("7KQ3MZ9")).isFalse();
        assertThat(RegistrationNumbers.isWellFormed("7KQ3MZ9O")).isFalse();
        assertThat(RegistrationNumbers.isWellFormed("7KQ3MZ9U")).isFalse();
        assertThat(RegistrationNumbers.isWellFormed(null)).isFalse();
    }
}
