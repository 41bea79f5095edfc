package org.awardinghub.command.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.dao.DataIntegrityViolationException;

class VerificationCodesTest {

    static final String NUMBER = "C7KQ3MZ9BX";
    static final Instant NOW = Instant.parse("2026-12-01T10:00:00.123Z");

    LookupDatabase database;
    VerificationCodes codes;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        codes = new VerificationCodes(database.jdbc(), new MutableClock(NOW));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void whenIssued_thenTenCharactersOf32KeptWithTheNumberAndTheTime() {
        String code = codes.issue(NUMBER);

        assertThat(code).matches("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{10}");
        assertThat(VerificationCodes.ALPHABET).hasSize(32).doesNotContain("0", "O", "1", "I");
        assertThat(codes.codeOf(NUMBER)).contains(code);
        assertThat(database.jdbc().queryForObject("SELECT issued_at FROM certificate_codes", Long.class))
                .isEqualTo(NOW.toEpochMilli());
    }

    /** 32 = 2⁵ letters, ten of them: 50 bits, each draw uniform. */
    @Test
    void whenManyAreDrawn_thenEveryLetterInEveryPositionAndNoRepeats() {
        Random random = new Random(5);
        Set<String> seen = new HashSet<>();
        Set<String> drawn = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            String code = VerificationCodes.draw(random);
            drawn.add(code);
            for (int position = 0; position < code.length(); position++) {
                seen.add(position + ":" + code.charAt(position));
            }
        }
        assertThat(seen).hasSize(VerificationCodes.LENGTH * 32);
        assertThat(drawn).hasSize(3000);
    }

    @Test
    void givenCodesForTwoNumbers_whenRead_thenEachItsOwnFromASecureSource() {
        String one = codes.issue(NUMBER);
        String other = codes.issue("CHJ4RT6WYZ");
        assertThat(one).isNotEqualTo(other);
        assertThat(codes.codeOf("CHJ4RT6WYZ")).contains(other);
        assertThat(codes.codeOf("C222222222")).isEmpty();
    }

    @Test
    void givenANumberWithACode_whenIssuedAgain_thenTheWriteFails() {
        codes.issue(NUMBER);
        assertThatThrownBy(() -> codes.issue(NUMBER)).isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenACode_whenTypedExactly_thenItMatches() {
        String code = codes.issue(NUMBER);
        assertThat(codes.matches(NUMBER, code)).isTrue();
    }

    @Test
    void givenACode_whenTypedInLowerCaseWithSpacesAndHyphens_thenItMatches() {
        String code = new VerificationCodes(database.jdbc(), new MutableClock(NOW), new Random(3)).issue(NUMBER);
        String typed = " " + code.substring(0, 5).toLowerCase() + "-" + code.substring(5) + " ";

        assertThat(codes.matches(NUMBER, typed)).isTrue();
        assertThat(codes.matches(" c7kq3mz9bx ", code))
                .as("the number typed loosely too")
                .isTrue();
    }

    @Test
    void givenACode_whenItDiffersInTheFirstOrTheLastCharacter_thenNoMatch() {
        String code = codes.issue(NUMBER);
        assertThat(codes.matches(NUMBER, other(code.charAt(0)) + code.substring(1)))
                .isFalse();
        assertThat(codes.matches(NUMBER, code.substring(0, 9) + other(code.charAt(9))))
                .isFalse();
    }

    @Test
    void givenACode_whenTheCodeOfAnotherNumberIsTyped_thenNoMatch() {
        codes.issue(NUMBER);
        String otherCode = codes.issue("CHJ4RT6WYZ");
        assertThat(codes.matches(NUMBER, otherCode)).isFalse();
    }

    /** The comparison is made against a stand-in, so an unknown number answers like a wrong code. */
    @Test
    void givenAnUnknownNumber_whenAnyCodeIsTyped_thenNoMatch() {
        String code = codes.issue(NUMBER);
        assertThat(codes.matches("CHJ4RT6WYZ", code)).isFalse();
        assertThat(codes.matches("CHJ4RT6WYZ", "??????????"))
                .as("not even the stand-in")
                .isFalse();
        assertThat(codes.matches(null, code)).isFalse();
        assertThat(codes.matches("", code)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "ABCDEFGHJ", "ABCDEFGHJKM", "ABCDEFGHJ0", "ABCDEFGHJO", "ABCDEFGHJ!", "ABCDE_FGHJK"})
    void givenACode_whenBlankOrMalformedTextIsTyped_thenNoMatch(String typed) {
        codes.issue(NUMBER);
        assertThat(codes.matches(NUMBER, typed)).isFalse();
    }

    @Test
    void givenOverlongInput_whenTyped_thenNoMatchWithoutLookingAtIt() {
        String code = codes.issue(NUMBER);
        assertThat(codes.matches(NUMBER, code + " ".repeat(40))).isFalse();
        assertThat(VerificationCodes.normalised("-".repeat(41), VerificationCodes.LENGTH, null))
                .isNull();
    }

    private static char other(char c) {
        return VerificationCodes.ALPHABET.charAt(
                (VerificationCodes.ALPHABET.indexOf(c) + 1) % VerificationCodes.ALPHABET.length());
    }
}
