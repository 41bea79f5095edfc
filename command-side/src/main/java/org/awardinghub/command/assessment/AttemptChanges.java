package org.awardinghub.command.assessment;

/**
 * What a post-results decision does to an attempt, inside the deciding command's own unit of work and transaction:
 * the attempt is loaded and its own command handlers run, so its rules and events apply, and either both the
 * decision and the attempt's change are stored or neither is (ADR 0155, ADR 0156).
 */
public interface AttemptChanges {

    /** The attempt as its events say it is now; Axon's {@code AggregateNotFoundException} for an unknown id. */
    AttemptRecord record(String attemptId);

    /** Voids the attempt through its own {@link VoidAttempt} handler. */
    void voidAttempt(VoidAttempt command);

    /** Marks the submitted attempt again, recording nothing. */
    ReMarked reMark(String attemptId);

    /** Corrects the attempt's result through its own {@link ChangeAttemptOutcome} handler. */
    void changeOutcome(ChangeAttemptOutcome command);
}
