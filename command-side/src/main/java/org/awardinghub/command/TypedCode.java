package org.awardinghub.command;

import java.util.Locale;
import java.util.Random;

/**
 * Codes people read off paper or a screen and type back: access keys, verification codes, registration and
 * certificate numbers. One way to draw them and one way to read what was typed.
 */
public final class TypedCode {

    private TypedCode() {}

    /** {@code length} independent, uniform draws from {@code alphabet}. */
    public static String draw(Random random, String alphabet, int length) {
        char[] code = new char[length];
        for (int i = 0; i < length; i++) {
            code[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        return new String(code);
    }

    /**
     * What was typed, upper-case, without spaces and hyphens; null when missing, longer than {@code maxTyped}
     * (refused before it is looked at), of another length, or (given an {@code alphabet}) holding a character
     * outside it.
     */
    public static String normalised(String typed, String alphabet, int length, int maxTyped) {
        if (typed == null || typed.length() > maxTyped) {
            return null;
        }
        StringBuilder kept = new StringBuilder(length);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            if (c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                continue;
            }
            if (alphabet != null && alphabet.indexOf(c) < 0) {
                return null;
            }
            kept.append(c);
        }
        return kept.length() == length ? kept.toString() : null;
    }
}
