package org.awardinghub.command.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.awardinghub.command.InvalidCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Worked examples of r = (Σ dᵢ·(11−i) for i = 1..9) mod 11, valid when r ≠ 0 and d₁₀ = 10 − r:
 * 123456789 → 10+18+24+28+30+30+28+24+18 = 210, r = 1, check 9: 1234567899;
 * 500000000 → 50, r = 6, check 4; 411111111 → 4·10 + 44 = 84, r = 7, check 3;
 * 999999999 → 9·54 = 486, r = 2, check 8; 100000000 → 10, r = 10, check 0;
 * 987654321 → 330, r = 0: no check digit can make it valid.
 */
class UlnTest {

    @ParameterizedTest
    @ValueSource(strings = {"1234567899", "5000000004", "4111111113", "9999999998", "1000000000", "2345678908"})
    void givenCheckDigitMatches_whenChecked_thenValid(String digits) {
        assertThat(Uln.isValid(digits)).isTrue();
        assertThat(new Uln(digits).value()).isEqualTo(digits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567890", "1234567898", "5000000005", "1000000001", "2345678909"})
    void givenCheckDigitWrong_whenChecked_thenInvalid(String digits) {
        assertThat(Uln.isValid(digits)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9876543210", "9876543211", "9876543219", "1000000060", "1000000066"})
    void givenWeightedSumDivisibleBy11_whenChecked_thenInvalidWhateverTheLastDigit(String digits) {
        assertThat(Uln.isValid(digits)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "0123456789",
                "0000000000",
                "123456789",
                "12345678999",
                "12345678A9",
                "１２３４５６７８９９",
                "1234 567899",
                "+123456789",
                "١٢٣٤٥٦٧٨٩٩"
            })
    void givenNotTenAsciiDigitsOrLeadingZero_whenChecked_thenInvalid(String text) {
        assertThat(Uln.isValid(text)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void givenNothing_whenOptionalUlnRead_thenNone(String given) {
        assertThat(Uln.optional("uln", given)).isNull();
        assertThat(Uln.valueOf(Uln.optional("uln", given))).isNull();
    }

    @Test
    void givenSurroundingSpaces_whenOptionalUlnRead_thenTrimmed() {
        assertThat(Uln.optional("uln", " 1234567899 ")).isEqualTo(new Uln("1234567899"));
    }

    @Test
    void givenInvalidUln_whenOptionalUlnRead_thenRefusedOnTheGivenField() {
        assertThatThrownBy(() -> Uln.optional("value", "1234567890"))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("value"))
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> Uln.optional("uln", "0123456789"))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("uln"))
                .hasMessageContaining("10 digits");
    }

    @Test
    void givenInvalidDigits_whenConstructed_thenRefusedOnUln() {
        assertThatThrownBy(() -> new Uln("1234567890"))
                .isInstanceOfSatisfying(
                        InvalidCommand.class,
                        refusal -> assertThat(refusal.field()).isEqualTo("uln"));
        assertThatThrownBy(() -> new Uln(null)).isInstanceOf(InvalidCommand.class);
    }
}
