package org.awardinghub.command.assessment;

import org.axonframework.config.Configuration;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * {@link AttemptChanges} through Axon's attempt repository: the attempt joins the unit of work of the command being
 * handled (its lock held until that commits), and the events it applies are stored with that command's. The
 * configuration is looked up when first needed, because it is built after the beans that handle commands.
 */
@Component
class AttemptRepositoryChanges implements AttemptChanges {

    private final ObjectProvider<Configuration> configuration;
    private final ItemDirectory bank;
    private final AttemptDeadlines pending;
    private final ObjectProvider<DeadlineManager> deadlines;

    AttemptRepositoryChanges(
            ObjectProvider<Configuration> configuration,
            ItemDirectory bank,
            AttemptDeadlines pending,
            ObjectProvider<DeadlineManager> deadlines) {
        this.configuration = configuration;
        this.bank = bank;
        this.pending = pending;
        this.deadlines = deadlines;
    }

    @Override
    public AttemptRecord record(String attemptId) {
        return load(attemptId).invoke(Attempt::record);
    }

    @Override
    public void voidAttempt(VoidAttempt command) {
        load(command.attemptId()).execute(attempt -> attempt.handle(command, deadlines.getObject(), pending));
    }

    @Override
    public ReMarked reMark(String attemptId) {
        return load(attemptId).invoke(attempt -> attempt.reMarked(bank));
    }

    @Override
    public void changeOutcome(ChangeAttemptOutcome command) {
        load(command.attemptId()).execute(attempt -> attempt.handle(command));
    }

    private Aggregate<Attempt> load(String attemptId) {
        Repository<Attempt> attempts = configuration.getObject().repository(Attempt.class);
        return attempts.load(attemptId);
    }
}
