package org.awardinghub.command;

/** The command refers to a record that does not exist (answered 404). */
public class UnknownRecord extends RuntimeException {
    public UnknownRecord(String message) {
        super(message);
    }
}
