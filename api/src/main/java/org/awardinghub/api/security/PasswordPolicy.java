package org.awardinghub.api.security;

import com.nulabinc.zxcvbn.Feedback;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Length over composition (as current guidance advises): at least 12 characters, no character-class rules,
 * and none of the passwords attackers try first. bcrypt reads at most 72 bytes, so longer ones are refused
 * rather than silently cut.
 *
 * <p>How guessable the rest are is zxcvbn's judgement (ADR 0133): it estimates the guesses an attacker who knows
 * common passwords, words, names, keyboard patterns, dates, sequences and repeats would need, and a score below
 * {@value #MINIMUM_SCORE} (of 0 to 4) is refused with its warning and suggestions. Two older checks stay because
 * zxcvbn lets some of what they refuse through: {@code security/common-passwords.txt}, this project's own list,
 * some 125 of whose 830 entries zxcvbn scores 3 or 4 ({@code ilovemymum2024}, {@code centreshub123}, {@code
 * fortnite2025}); and a piece of 1 to 4 characters repeated whatever its case, which zxcvbn's case-sensitive
 * repeat finder misses in mixed case ({@code AbcaBCabcABC}) and now and then in one case ({@code iixqiixqiixq}).
 * The PIN is checked before zxcvbn, so that the answer names it.
 */
@Component
public class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_BYTES = 72;

    /** zxcvbn's 3: an estimated 10^8 guesses or more, out of reach online and costly offline against bcrypt. */
    public static final int MINIMUM_SCORE = 3;

    private final Set<String> common = new HashSet<>();
    private final Zxcvbn zxcvbn = new Zxcvbn();

    public PasswordPolicy() {
        var stream = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt");
        if (stream == null) {
            throw new IllegalStateException("common-passwords.txt is missing from the application");
        }
        try (var reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .forEach(common::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the password is refused, or empty when it is acceptable for this user. */
    public Optional<String> refusal(String password, String pin) {
        if (password == null || password.codePointCount(0, password.length()) < MINIMUM_LENGTH) {
            return Optional.of("must be at least " + MINIMUM_LENGTH + " characters long");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAXIMUM_BYTES) {
            return Optional.of("must be at most " + MAXIMUM_BYTES + " bytes long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower) || isOneRepeatedRun(lower)) {
            return Optional.of("is one of the most commonly used passwords; choose another");
        }
        if (pin != null && lower.contains(pin)) {
            return Optional.of("must not contain your PIN");
        }
        Strength strength = zxcvbn.measure(password, pin == null ? List.of() : List.of(pin));
        return strength.getScore() < MINIMUM_SCORE ? Optional.of(tooEasy(strength.getFeedback())) : Optional.empty();
    }

    /**
     * zxcvbn's warning and suggestions as one sentence after "is too easy to guess", e.g. "is too easy to guess:
     * this is similar to a commonly used password. Add another word or two. Uncommon words are better". The
     * message ends without a full stop, as the others do: the pages add one.
     */
    private static String tooEasy(Feedback feedback) {
        String warning = withoutStop(feedback.getWarning(Locale.ENGLISH));
        List<String> suggestions = feedback.getSuggestions(Locale.ENGLISH).stream()
                .map(PasswordPolicy::withoutStop)
                .filter(suggestion -> !suggestion.isEmpty())
                .toList();
        StringBuilder message = new StringBuilder("is too easy to guess");
        if (!warning.isEmpty()) {
            message.append(": ")
                    .append(Character.toLowerCase(warning.charAt(0)))
                    .append(warning.substring(1));
        }
        (suggestions.isEmpty() ? List.of("Add another word or two") : suggestions)
                .forEach(suggestion -> message.append(". ").append(suggestion));
        return message.toString();
    }

    private static String withoutStop(String sentence) {
        String text = sentence == null ? "" : sentence.strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    /** "aaaaaaaaaaaa", "abcabcabcabc", "121212121212": a short piece repeated. */
    private static boolean isOneRepeatedRun(String password) {
        for (int piece = 1; piece <= 4; piece++) {
            if (password.length() % piece == 0
                    && password.equals(password.substring(0, piece).repeat(password.length() / piece))) {
                return true;
            }
        }
        return false;
    }
}
