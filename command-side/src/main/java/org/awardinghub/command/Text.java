package org.awardinghub.command;

/**
 * Free text and identifiers from a command are checked here, once, so that every aggregate trims and bounds
 * them the same way. Lengths are counted in Java characters, which never exceeds what the database columns hold.
 *
 * <p>The characters of text follow one rule (ADR 0139). Text on one line (names, titles, subjects, codes,
 * email addresses, identifiers) holds no control character (Unicode category Cc: NUL, ESC, DEL, the C1
 * controls), no format character (Cf: the bidirectional marks, embeddings, overrides and isolates, zero-width
 * space, word joiner, byte-order mark, soft hyphen, tags) and no line or paragraph separator. Text of several
 * lines (bodies, replies, descriptions, notes, feedback, reasons, a postal address) may also hold line feed,
 * carriage return, tab and the two separators. Both allow the zero-width non-joiner and joiner, which Persian
 * and Indic spellings and emoji sequences need. A lone surrogate is not text at all, and is refused too.
 */
public final class Text {

    /** Identifiers are made by the application (UUIDs); the bound only keeps them inside their columns. */
    public static final int IDENTIFIER_MAX_LENGTH = 100;

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private Text() {}

    /**
     * The value without surrounding white space, on one line; refused when blank, longer than {@code maxLength}, or
     * holding a character {@link #allowedInLine} refuses.
     */
    public static String required(String field, String value, int maxLength) {
        return line(field, stripped(field, value, maxLength));
    }

    /** As {@link #required}, for text of several lines: line breaks and tabs are kept ({@link #allowedInLines}). */
    public static String requiredLines(String field, String value, int maxLength) {
        return lines(field, stripped(field, value, maxLength));
    }

    /**
     * An identifier is kept exactly as given (it is also the aggregate's routing key), so it is not trimmed; it is
     * one line.
     */
    public static String identifier(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field, field + " is required");
        }
        if (value.length() > IDENTIFIER_MAX_LENGTH) {
            throw new InvalidCommand(field, field + " must be at most " + IDENTIFIER_MAX_LENGTH + " characters");
        }
        return line(field, value);
    }

    /** A whole number within bounds, both inclusive. */
    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidCommand(field, field + " must be between " + min + " and " + max);
        }
        return value;
    }

    /** The value as given when every character may stand on one line; {@link InvalidCommand} naming the field. */
    public static String line(String field, String value) {
        return checked(field, value, false);
    }

    /** The value as given when every character may stand in text of several lines. */
    public static String lines(String field, String value) {
        return checked(field, value, true);
    }

    /**
     * What is wrong with the value's characters, as a refusal reads after the field's name ("may not hold ..."),
     * or null when nothing is (and for null). The message names the character by its code point and never repeats
     * it, so the answer carries no control character either.
     */
    public static String refusal(String value, boolean severalLines) {
        if (value == null) {
            return null;
        }
        for (int i = 0, position = 1; i < value.length(); position++) {
            int c = value.codePointAt(i);
            if (!allowed(c, severalLines)) {
                return (severalLines
                                ? "may not hold control characters other than line breaks and tabs, nor invisible"
                                        + " formatting characters"
                                : "may not hold control characters, line breaks or invisible formatting characters")
                        + String.format(" (U+%04X is character %d)", c, position);
            }
            i += Character.charCount(c);
        }
        return null;
    }

    /** Whether a character may stand in text on one line. */
    public static boolean allowedInLine(int codePoint) {
        return allowed(codePoint, false);
    }

    /** Whether a character may stand in text of several lines: as on one line, and line breaks and tabs. */
    public static boolean allowedInLines(int codePoint) {
        return allowed(codePoint, true);
    }

    private static boolean allowed(int c, boolean severalLines) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return severalLines;
        }
        if (c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE -> false;
            case Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> severalLines;
            default -> true;
        };
    }

    private static String checked(String field, String value, boolean severalLines) {
        String refusal = refusal(value, severalLines);
        if (refusal != null) {
            throw new InvalidCommand(field, field + " " + refusal);
        }
        return value;
    }

    private static String stripped(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field, field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidCommand(field, field + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }
}
