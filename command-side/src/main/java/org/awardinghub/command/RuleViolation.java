package org.awardinghub.command;

/** The command is not allowed in the record's current state (answered 409). */
public class RuleViolation extends RuntimeException {
    public RuleViolation(String message) {
        super(message);
    }
}
