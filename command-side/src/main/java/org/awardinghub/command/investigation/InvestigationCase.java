package org.awardinghub.command.investigation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Text;
import org.awardinghub.events.audit.CaseFrozen;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An investigation's frozen case: which records, frozen at which global position, by whom (the event's metadata).
 * Frozen once; a case is never changed, so its bundle never changes either.
 */
@Aggregate
public class InvestigationCase {

    /** The record types an investigation can name: the aggregates whose histories the audit API serves. */
    public static final Set<String> RECORD_TYPES =
            Set.of("centre", "user", "candidate", "attempt", "claim", "portfolio");
    /** The record types as a refusal names them. */
    public static final String RECORD_TYPE_NAMES = "centre, user, candidate, attempt, claim, portfolio";

    /** The most records a case holds. */
    public static final int MAX_RECORDS = 100;

    static final int TITLE_MAX_LENGTH = 200;

    @AggregateIdentifier
    private String caseId;

    /** For Axon, which rebuilds the case from its event. */
    protected InvestigationCase() {}

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    String handle(FreezeCase command, Clock clock) {
        String id = Text.identifier("caseId", command.caseId());
        String title = Text.required("title", command.title(), TITLE_MAX_LENGTH);
        if (command.records() == null
                || command.records().isEmpty()
                || command.records().size() > MAX_RECORDS) {
            throw new InvalidCommand("records", "between 1 and " + MAX_RECORDS + " records are required");
        }
        Set<CaseFrozen.RecordRef> records = new LinkedHashSet<>();
        for (int i = 0; i < command.records().size(); i++) {
            CaseFrozen.RecordRef record = command.records().get(i);
            String field = "records[" + i + "]";
            if (record == null
                    || record.type() == null
                    || !RECORD_TYPES.contains(record.type().strip())) {
                throw new InvalidCommand(field + ".type", "type must be one of " + RECORD_TYPE_NAMES);
            }
            records.add(new CaseFrozen.RecordRef(record.type().strip(), Text.identifier(field + ".id", record.id())));
        }
        if (command.upToPosition() < 0) {
            throw new InvalidCommand("upToPosition", "upToPosition must not be negative");
        }
        String ruleRunId = command.ruleRunId() == null ? null : Text.identifier("ruleRunId", command.ruleRunId());
        apply(new CaseFrozen(
                id,
                title,
                new ArrayList<>(records),
                command.upToPosition(),
                clock.instant().truncatedTo(ChronoUnit.MILLIS),
                ruleRunId));
        return id;
    }

    @EventSourcingHandler
    void on(CaseFrozen event) {
        caseId = event.caseId();
    }
}
