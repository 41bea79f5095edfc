package org.awardinghub.command.investigation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Text;
import org.awardinghub.events.audit.RuleAdopted;
import org.awardinghub.events.audit.RuleProposed;
import org.awardinghub.events.audit.RuleRunRecorded;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A proposed rule: tried against history when proposed, then adopted by IMI, once. What is adopted is exactly what
 * was tried (rule and parameters), so that the figures IMI decided on stay the figures of the rule adopted.
 */
@Aggregate
public class RuleProposal {

    @AggregateIdentifier
    private String proposalId;

    private String rule;
    private List<RuleRunRecorded.Parameter> parameters;
    private boolean adopted;

    /** For Axon, which rebuilds the proposal from its events. */
    protected RuleProposal() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    String handle(ProposeRule command, Clock clock) {
        String id = Text.identifier("proposalId", command.proposalId());
        if (command.since() == null) {
            throw new InvalidCommand("since", "since is required");
        }
        if (command.findings() == null) {
            throw new InvalidCommand("findings", "findings are required");
        }
        RuleFindingsRecord findings = command.findings().checked();
        apply(new RuleProposed(
                id,
                RuleFindingsRecord.rule(command.rule()),
                RuleFindingsRecord.parameters(command.parameters()),
                command.since(),
                findings.upToPosition(),
                findings.eventsScanned(),
                findings.breaches(),
                findings.learnersAffected(),
                findings.attemptsRefused(),
                findings.findingsDigest(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        return id;
    }

    @CommandHandler
    void handle(AdoptRule command, Clock clock) {
        if (adopted) {
            throw new RuleViolation("The proposal " + proposalId + " is adopted already");
        }
        apply(new RuleAdopted(proposalId, rule, parameters, clock.instant().truncatedTo(ChronoUnit.MILLIS)));
    }

    @EventSourcingHandler
    void on(RuleProposed event) {
        proposalId = event.proposalId();
        rule = event.rule();
        parameters = event.parameters();
    }

    @EventSourcingHandler
    void on(RuleAdopted event) {
        adopted = true;
    }
}
