package org.awardinghub.command.invigilation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.assessment.AttemptDirectory;
import org.awardinghub.command.assessment.AttemptEntry;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.awardinghub.events.user.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * Something that happened in the examination room, written down by an invigilator against the attempts it touched
 * (ADR 0154): evidence for IMI, auditors and a later special consideration, which refers to it by id. An incident is
 * recorded once and never changed: a correction is a further incident that says so.
 */
@Aggregate
public class Incident {

    static final int DESCRIPTION_MAX_LENGTH = 5000;
    /** A room of a hundred and more; the bound only keeps one event a sensible size. */
    static final int MAX_ATTEMPTS = 300;
    /** Clocks of the invigilator's device and the server may differ a little; beyond this is a mistake. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

    @AggregateIdentifier
    private String incidentId;

    private String centreId;

    /** For Axon, which rebuilds the incident from its event. */
    protected Incident() {}

    /**
     * Every attempt must be one of the invigilator's own centre; one that is not, or does not exist, is reported
     * as unknown, so that nothing is learnt of another centre's attempts.
     */
    @CommandHandler
    Incident(RecordIncident command, UserDirectory users, AttemptDirectory attempts, Clock clock) {
        String id = Text.identifier("incidentId", command.incidentId());
        String invigilatorId = Text.identifier("invigilatorUserId", command.invigilatorUserId());
        UserAccount invigilator = users.findById(invigilatorId)
                .filter(user -> user.active() && user.roles().contains(Role.INVIGILATOR) && user.centreId() != null)
                .orElseThrow(() -> new RuleViolation("Only an invigilator of a centre can record an incident"));
        if (command.kind() == null) {
            throw new InvalidCommand(
                    "kind",
                    "kind must be one of LATE_START, DISRUPTION, SUSPECTED_MALPRACTICE, TECHNICAL_FAILURE, ILLNESS,"
                            + " OTHER");
        }
        String description = Text.requiredLines("description", command.description(), DESCRIPTION_MAX_LENGTH);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (command.occurredAt() == null) {
            throw new InvalidCommand("occurredAt", "occurredAt, when it happened, is required");
        }
        Instant occurredAt = command.occurredAt().truncatedTo(ChronoUnit.MILLIS);
        if (occurredAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
            throw new InvalidCommand(
                    "occurredAt", "occurredAt is in the future; an incident is recorded once it" + " has happened");
        }
        Set<String> ids = attemptIds(command.attemptIds());
        List<String> candidateIds = new ArrayList<>();
        for (String attemptId : ids) {
            AttemptEntry attempt = attempts.find(attemptId)
                    .filter(entry -> invigilator.centreId().equals(entry.centreId()))
                    .orElseThrow(() -> new UnknownRecord("No attempt " + attemptId + " at your centre"));
            candidateIds.add(attempt.candidateId());
        }
        apply(new IncidentRecorded(
                id,
                invigilator.centreId(),
                List.copyOf(ids),
                List.copyOf(candidateIds),
                command.kind(),
                description,
                occurredAt,
                invigilator.userId(),
                invigilator.pin(),
                now));
    }

    @EventSourcingHandler
    void on(IncidentRecorded event) {
        incidentId = event.incidentId();
        centreId = event.centreId();
    }

    /** The attempts named, each once, in the order given. */
    private static Set<String> attemptIds(List<String> given) {
        if (given == null || given.isEmpty()) {
            throw new InvalidCommand("attemptIds", "attemptIds must name at least one attempt");
        }
        if (given.size() > MAX_ATTEMPTS) {
            throw new InvalidCommand("attemptIds", "attemptIds may name at most " + MAX_ATTEMPTS + " attempts");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String attemptId : given) {
            ids.add(Text.identifier("attemptIds", attemptId));
        }
        return ids;
    }
}
