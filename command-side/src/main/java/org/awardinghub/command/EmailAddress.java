package org.awardinghub.command;

import java.util.Locale;

/**
 * What counts as an email address here: plausible, not proven. The activation email is the real proof, so this
 * only refuses what can never be delivered (no @, two @, spaces, a domain without a dot).
 */
public final class EmailAddress {

    public static final int MAX_LENGTH = 254;

    private EmailAddress() {}

    /** The trimmed address, or {@link InvalidCommand} naming {@code field}. */
    public static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidCommand(field, field + " is required");
        }
        String address = value.strip();
        if (address.length() > MAX_LENGTH) {
            throw new InvalidCommand(field, field + " must be at most " + MAX_LENGTH + " characters");
        }
        Text.line(field, address);
        if (!isPlausible(address)) {
            throw new InvalidCommand(field, address + " is not a valid email address");
        }
        return address;
    }

    /** Mailboxes are compared without regard to case: Ann@Centre.org and ann@centre.org are one person. */
    public static String key(String address) {
        return address.toLowerCase(Locale.ROOT);
    }

    public static boolean sameMailbox(String one, String other) {
        return key(one).equals(key(other));
    }

    private static boolean isPlausible(String address) {
        int at = address.indexOf('@');
        if (at <= 0 || at != address.lastIndexOf('@') || address.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        String domain = address.substring(at + 1);
        int dot = domain.indexOf('.');
        return dot > 0 && !domain.endsWith(".") && !domain.contains("..");
    }
}
