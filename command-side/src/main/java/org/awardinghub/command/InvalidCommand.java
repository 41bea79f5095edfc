package org.awardinghub.command;

/** A value in the command is not acceptable (answered 400, naming the field). */
public class InvalidCommand extends RuntimeException {
    private final String field;

    public InvalidCommand(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
