package org.awardinghub.command.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificateNumbersTest {

    static final String FORM = "C[23456789ABCDEFGHJKMNPQRSTVWXYZ]{9}";

    LookupDatabase database;
    CertificateDirectory register;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        register = database.lookup(CertificateDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    void issuedOnClaim(String claimId, String number) {
        database.apply(new CertificateClaimed(
                claimId,
                "candidate-" + claimId,
                "7KQ3MZ9B",
                "centre-1",
                "MVR-L2",
                "Zoë O'Brien",
                true,
                List.of(),
                "user-admin",
                "34567890",
                Instant.parse("2026-12-01T10:00:00Z")));
        database.apply(new CertificateIssued(
                claimId,
                "candidate-" + claimId,
                "centre-1",
                "MVR-L2",
                number,
                "Zoë O'Brien",
                LocalDate.parse("2026-12-01"),
                Instant.parse("2026-12-01T10:00:00Z"),
                false));
    }

    @Test
    void whenIssued_thenCAndNineCharactersWithoutLookAlikes() {
        CertificateNumbers numbers = new CertificateNumbers(register);
        for (int i = 0; i < 2000; i++) {
            String number = numbers.issue();
            assertThat(number).matches(FORM).hasSize(CertificateNumbers.LENGTH);
            assertThat(number.substring(1)).doesNotContain("0", "O", "1", "I", "L");
            assertThat(CertificateNumbers.isWellFormed(number)).isTrue();
        }
    }

    /** 30⁹ ≈ 2 × 10¹³ numbers: about 44 bits. */
    @Test
    void givenTheAlphabet_whenCounted_thenThirtyCharactersForAbout44Bits() {
        assertThat(CertificateNumbers.ALPHABET).hasSize(30).doesNotContain("0", "O", "1", "I", "L");
        double bits = CertificateNumbers.DRAWN_LENGTH * Math.log(CertificateNumbers.ALPHABET.length()) / Math.log(2);
        assertThat(bits).isGreaterThan(44).isLessThan(45);
    }

    @Test
    void whenManyAreIssued_thenEveryCharacterOfTheAlphabetIsUsedInEveryDrawnPosition() {
        CertificateNumbers numbers = new CertificateNumbers(register, new Random(11));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 3000; i++) {
            String number = numbers.issue();
            for (int position = 1; position < number.length(); position++) {
                seen.add(position + ":" + number.charAt(position));
            }
        }
        assertThat(seen).hasSize(CertificateNumbers.DRAWN_LENGTH * CertificateNumbers.ALPHABET.length());
    }

    @Test
    void whenIssuedOneAfterAnother_thenNotInSequence() {
        CertificateNumbers numbers = new CertificateNumbers(register);
        String first = numbers.issue();
        String second = numbers.issue();
        assertThat(first.substring(0, 7))
                .as("numbers drawn in a row share no visible sequence")
                .isNotEqualTo(second.substring(0, 7));
    }

    @Test
    void givenTheFirstDrawnNumberIssued_whenIssuedWithTheSameDraws_thenTheNextDrawIsIssued() {
        Random same = new Random(42);
        String first = CertificateNumbers.draw(same);
        String next = CertificateNumbers.draw(same);
        issuedOnClaim("claim-1", first);

        assertThat(new CertificateNumbers(register, new Random(42)).issue())
                .isEqualTo(next)
                .isNotEqualTo(first);
    }

    @Test
    void givenEveryDrawTaken_whenIssued_thenItGivesUpInsteadOfLooping() {
        CertificateNumbers numbers = new CertificateNumbers(register, new Random(7) {
            @Override
            public int nextInt(int bound) {
                return 0;
            }
        });
        issuedOnClaim("claim-1", "C222222222");
        assertThatThrownBy(numbers::issue).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void givenTextThatIsNoNumber_whenChecked_thenNotWellFormed() {
        assertThat(CertificateNumbers.isWellFormed(null)).isFalse();
        assertThat(CertificateNumbers.isWellFormed("c7kq3mz9bx")).isFalse();
        assertThat(CertificateNumbers.isWellFormed("C7KQ3MZ9B")).isFalse();
        assertThat(CertificateNumbers.isWellFormed("C7KQ3MZ9B0")).isFalse();
        assertThat(CertificateNumbers.isWellFormed("X7KQ3MZ9BX")).isFalse();
    }
}
