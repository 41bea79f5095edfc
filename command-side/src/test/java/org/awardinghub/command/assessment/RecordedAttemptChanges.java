package org.awardinghub.command.assessment;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.modelling.command.AggregateNotFoundException;

/**
 * {@link AttemptChanges} for the post-results aggregates' tests: one attempt as the test sets it, and the changes
 * asked for, in order. The real one ({@link AttemptRepositoryChanges}) runs the attempt's own handlers; the API's
 * tests follow it end to end.
 */
public final class RecordedAttemptChanges implements AttemptChanges {

    public AttemptRecord attempt;
    public ReMarked reMarked;
    public final List<Object> changes = new ArrayList<>();

    @Override
    public AttemptRecord record(String attemptId) {
        if (attempt == null || !attempt.attemptId().equals(attemptId)) {
            throw new AggregateNotFoundException(attemptId, "No attempt " + attemptId);
        }
        return attempt;
    }

    @Override
    public void voidAttempt(VoidAttempt command) {
        changes.add(command);
    }

    @Override
    public ReMarked reMark(String attemptId) {
        return reMarked;
    }

    @Override
    public void changeOutcome(ChangeAttemptOutcome command) {
        changes.add(command);
    }
}
