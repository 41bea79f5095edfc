package org.awardinghub.command.investigation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Text;
import org.awardinghub.events.audit.RuleRunRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A rule run, recorded once: the record that lets anyone rerun it up to the same position and check that the
 * findings are the same (their digest). The rule itself runs on the query side, over the audit log; the command
 * side only records that it ran, which it cannot check against the log, so it checks the record's form.
 */
@Aggregate
public class RuleRun {

    @AggregateIdentifier
    private String runId;

    /** For Axon, which rebuilds the run from its event. */
    protected RuleRun() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    String handle(RecordRuleRun command, Clock clock) {
        String id = Text.identifier("runId", command.runId());
        if (command.findings() == null) {
            throw new InvalidCommand("findings", "findings are required");
        }
        if (command.from() != null && command.to() != null && !command.from().isBefore(command.to())) {
            throw new InvalidCommand("to", "to must come after from");
        }
        RuleFindingsRecord findings = command.findings().checked();
        apply(new RuleRunRecorded(
                id,
                RuleFindingsRecord.rule(command.rule()),
                RuleFindingsRecord.parameters(command.parameters()),
                command.from(),
                command.to(),
                findings.upToPosition(),
                findings.eventsScanned(),
                findings.breaches(),
                findings.learnersAffected(),
                findings.attemptsRefused(),
                findings.findingsDigest(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return id;
    }

    @EventSourcingHandler
    void on(RuleRunRecorded event) {
        runId = event.runId();
    }
}
