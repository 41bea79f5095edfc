package org.awardinghub.command;

/**
 * The lookup tables behind set-based rules (unique PIN, unique email per centre, centre numbers, catalogue codes,
 * unique registration numbers, duplicate candidates, one claim per candidate and qualification, unique certificate
 * numbers) are updated by event handlers in this processing group. The
 * application must run it as a SUBSCRIBING processor with a propagating error handler: the rows are then written
 * in the transaction that stores the events, and a unique-constraint violation rolls the whole command back
 * instead of being logged and skipped.
 * <p>
 * The rows are written when the command's own unit of work commits. Commands sent one after another inside one
 * outer database transaction therefore see each other's rows; commands sent inside one outer Axon unit of work
 * do not, because their events are handled only when that outer unit of work commits.
 */
public final class CommandLookups {

    public static final String PROCESSING_GROUP = "command-lookups";

    private CommandLookups() {}
}
