package org.awardinghub.command;

/**
 * The lookup tables behind set-based rules (unique PIN, unique email per centre, centre numbers, catalogue codes)
 * are updated by event handlers in this processing group. The application must run it as a SUBSCRIBING processor
 * with a propagating error handler: the rows are then written in the transaction that stores the events, and a
 * unique-constraint violation rolls the whole command back instead of being logged and skipped.
 */
public final class CommandLookups {

    public static final String PROCESSING_GROUP = "command-lookups";

    /** The schema of the lookup tables; idempotent, run at start-up. */
    public static final String SCHEMA_SCRIPT = "db/command-side.sql";

    private CommandLookups() {
    }
}
