package org.awardinghub.api.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Length over composition (as current guidance advises): at least 12 characters, no character-class rules,
 * and none of the passwords attackers try first. bcrypt reads at most 72 bytes, so longer ones are refused
 * rather than silently cut.
 */
@Component
public class PasswordPolicy {

    public static final int MINIMUM_LENGTH = 12;
    public static final int MAXIMUM_BYTES = 72;

    private final Set<String> common = new HashSet<>();

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
        return Optional.empty();
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
