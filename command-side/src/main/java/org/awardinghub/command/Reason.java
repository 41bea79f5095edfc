package org.awardinghub.command;

/**
 * The reason a {@link Reasoned} command gives: mandatory, because investigators read it years later. It may run
 * over several lines ({@link Text#lines}).
 */
public final class Reason {

    public static final int MAX_LENGTH = 1000;

    private Reason() {}

    /** The trimmed reason, or {@link InvalidCommand} on field {@code reason}. */
    public static String of(Reasoned command) {
        String reason = command.reason();
        if (reason == null || reason.isBlank()) {
            throw new InvalidCommand("reason", "a reason is required");
        }
        String stripped = reason.strip();
        if (stripped.length() > MAX_LENGTH) {
            throw new InvalidCommand("reason", "a reason must be at most " + MAX_LENGTH + " characters");
        }
        return Text.lines("reason", stripped);
    }
}
