package org.awardinghub.command;

/**
 * Free text and identifiers from a command are checked here, once, so that every aggregate trims and bounds
 * them the same way. Lengths are counted in Java characters, which never exceeds what the database columns hold.
 */
public final class Text {

    /** Identifiers are made by the application (UUIDs); the bound only keeps them inside their columns. */
    public static final int IDENTIFIER_MAX_LENGTH = 100;

    private Text() {}

    /** The value without surrounding white space; refused when blank or longer than {@code maxLength}. */
    public static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field, field + " is required");
        }
        String stripped = value.strip();
        if (stripped.length() > maxLength) {
            throw new InvalidCommand(field, field + " must be at most " + maxLength + " characters");
        }
        return stripped;
    }

    /** An identifier is kept exactly as given (it is also the aggregate's routing key), so it is not trimmed. */
    public static String identifier(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field, field + " is required");
        }
        if (value.length() > IDENTIFIER_MAX_LENGTH) {
            throw new InvalidCommand(field, field + " must be at most " + IDENTIFIER_MAX_LENGTH + " characters");
        }
        return value;
    }

    /** A whole number within bounds, both inclusive. */
    public static int between(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidCommand(field, field + " must be between " + min + " and " + max);
        }
        return value;
    }
}
