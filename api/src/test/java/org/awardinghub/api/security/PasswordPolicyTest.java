package org.awardinghub.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.awardinghub.api.ApplicationTest;
import org.junit.jupiter.api.Test;

/** What someone choosing a password sees: which are refused, and why, in words they can act on. */
class PasswordPolicyTest {

    private static final String PIN = "48151623";

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void givenOrdinaryPassphrases_whenJudged_thenAccepted() {
        assertThat(List.of(
                        ApplicationTest.ADMIN_PASSWORD,
                        ApplicationTest.GOOD_PASSWORD,
                        "a different long passphrase",
                        "yet another passphrase 1",
                        "summer holiday in Wales",
                        "blue car yellow door"))
                .allSatisfy(password ->
                        assertThat(policy.refusal(password, PIN)).as(password).isEmpty());
    }

    @Test
    void givenTooShortOrTooLong_whenJudged_thenTheLengthRulesSaySo() {
        assertThat(policy.refusal("short", PIN)).contains("must be at least 12 characters long");
        assertThat(policy.refusal(null, PIN)).contains("must be at least 12 characters long");
        assertThat(policy.refusal("crème brûlée", PIN).orElse(""))
                .as("12 characters, though 15 bytes")
                .doesNotContain("at least 12 characters");
        assertThat(policy.refusal("é".repeat(37), PIN))
                .as("37 characters but 74 bytes: bcrypt would cut it")
                .contains("must be at most 72 bytes long");
    }

    @Test
    void givenGuessablePasswords_whenJudged_thenZxcvbnSaysWhatIsWrongAndWhatToDo() {
        assertThat(policy.refusal("Liverpool1892", PIN))
                .contains("is too easy to guess: this is similar to a commonly used password. Add another word or"
                        + " two. Uncommon words are better. Capitalization doesn't help very much");
        assertThat(policy.refusal("sarah19051990", PIN))
                .hasValueSatisfying(why -> assertThat(why)
                        .startsWith("is too easy to guess: dates are often easy to guess.")
                        .contains("Avoid dates and years that are associated with you"));
        assertThat(policy.refusal("abcdefgh1234", PIN))
                .hasValueSatisfying(why -> assertThat(why).contains("sequences like abc or 6543", "Avoid sequences"));
        assertThat(policy.refusal("williamwilliam", PIN))
                .hasValueSatisfying(why -> assertThat(why).contains("Avoid repeated words and characters"));
        assertThat(policy.refusal("september2024!", PIN))
                .as("no warning, still advice")
                .contains("is too easy to guess. Add another word or two. Uncommon words are better");
    }

    @Test
    void givenCommonOrRepeatedOrWithThePin_whenJudged_thenTheProjectsOwnRulesSaySo() {
        assertThat(policy.refusal("Password1234", PIN))
                .contains("is one of the most commonly used passwords; choose another");
        assertThat(policy.refusal("AbcaBCabcABC", PIN))
                .as("a repeated piece in mixed case, which zxcvbn scores 4")
                .contains("is one of the most commonly used passwords; choose another");
        assertThat(policy.refusal("my own pin is " + PIN, PIN)).contains("must not contain your PIN");
    }

    @Test
    void givenEveryEntryOfTheCommonList_whenJudged_thenRefusedThoughZxcvbnAloneWouldLetSomeThrough()
            throws IOException {
        List<String> entries;
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            entries = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        }
        assertThat(entries).hasSizeGreaterThan(800);

        assertThat(entries)
                .allSatisfy(entry ->
                        assertThat(policy.refusal(entry, PIN)).as(entry).isPresent());
        Zxcvbn zxcvbn = new Zxcvbn();
        assertThat(entries.stream().filter(entry -> zxcvbn.measure(entry).getScore() >= PasswordPolicy.MINIMUM_SCORE))
                .as("entries zxcvbn would accept; when none are left, the list and its loading can go (ADR 0133)")
                .isNotEmpty();
    }

    @Test
    void givenTheBootstrapAdminsGeneratedPassword_whenJudged_thenAccepted() {
        IntStream.range(0, 200)
                .mapToObj(i -> SecretTokens.newToken().substring(0, 20))
                .forEach(password ->
                        assertThat(policy.refusal(password, null)).as(password).isEmpty());
    }
}
