package org.awardinghub.command.consideration;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Reason;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Text;
import org.awardinghub.command.assessment.AttemptChanges;
import org.awardinghub.command.assessment.AttemptRecord;
import org.awardinghub.command.assessment.VoidAttempt;
import org.awardinghub.command.invigilation.IncidentDirectory;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An application for special consideration (ADR 0155): a centre applies, after a sitting, for a candidate affected by
 * something outside their control; IMI decides once. VOID_AND_RESIT voids the attempt through the attempt's own
 * {@link VoidAttempt} handler in the same unit of work and transaction as the decision, so that either both are
 * recorded or neither; the command side's lookup then holds a re-sit waiver, used by the next attempt opened.
 */
@Aggregate
public class SpecialConsideration {

    static final int DESCRIPTION_MAX_LENGTH = 5000;

    @AggregateIdentifier
    private String considerationId;

    private String attemptId;
    private String candidateId;
    private String centreId;
    private String assessmentCode;
    private ConsiderationDecision decision;

    /** For Axon, which rebuilds the application from its events. */
    protected SpecialConsideration() {}

    @CommandHandler
    SpecialConsideration(
            ApplyForSpecialConsideration command,
            AttemptChanges attempts,
            ConsiderationDirectory applications,
            IncidentDirectory incidents,
            UserDirectory users,
            ConsiderationPolicy policy,
            Clock clock) {
        String id = Text.identifier("considerationId", command.considerationId());
        String attempt = Text.identifier("attemptId", command.attemptId());
        if (command.circumstance() == null) {
            throw new InvalidCommand(
                    "circumstance", "a circumstance (INCIDENT_IN_ROOM, ILLNESS, BEREAVEMENT or OTHER) is required");
        }
        String incident = command.incidentId() == null || command.incidentId().isBlank()
                ? null
                : Text.identifier("incidentId", command.incidentId());
        String description = Text.requiredLines("description", command.description(), DESCRIPTION_MAX_LENGTH);
        SpecialConsiderationApplied.Evidence evidence = command.evidence();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        AttemptRecord record = attempts.record(attempt);
        UserAccount applicant = PostResultsPeople.centreUser(
                users, Text.identifier("appliedByUserId", command.appliedByUserId()), attempt, record.centreId());
        if (record.status() != AttemptStatus.SUBMITTED) {
            throw new RuleViolation("The attempt is " + record.status()
                    + "; special consideration is for a SUBMITTED attempt, after the sitting");
        }
        Instant closes = record.submittedAt().plus(policy.applyWithin());
        if (now.isAfter(closes)) {
            throw new RuleViolation("Applications for special consideration for this attempt closed at " + closes + " ("
                    + policy.applyWithin().toDays() + " days after it was submitted)");
        }
        if (incident != null
                && incidents
                        .find(incident)
                        .filter(recorded -> recorded.attemptIds().contains(attempt))
                        .isEmpty()) {
            throw new InvalidCommand(
                    "incidentId", "no incident " + incident + " was recorded by an invigilator against this attempt");
        }
        applications.applicationFor(attempt).ifPresent(existing -> {
            throw new RuleViolation("Special consideration was already applied for on this attempt (" + existing + ")");
        });
        apply(new SpecialConsiderationApplied(
                id,
                attempt,
                record.candidateId(),
                record.centreId(),
                record.qualificationCode(),
                record.assessmentCode(),
                command.circumstance(),
                incident,
                description,
                evidence,
                applicant.userId(),
                applicant.pin(),
                now));
    }

    @CommandHandler
    void handle(DecideSpecialConsideration command, AttemptChanges attempts, UserDirectory users, Clock clock) {
        if (decision != null) {
            throw new RuleViolation("This application was already decided: " + decision);
        }
        if (command.decision() == null) {
            throw new InvalidCommand("decision", "a decision (VOID_AND_RESIT, NOTE_ON_RECORD or REJECTED) is required");
        }
        String reason = Reason.of(command);
        UserAccount decider =
                PostResultsPeople.imiAdmin(users, Text.identifier("decidedByUserId", command.decidedByUserId()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        apply(new SpecialConsiderationDecided(
                considerationId,
                attemptId,
                candidateId,
                centreId,
                assessmentCode,
                command.decision(),
                reason,
                decider.userId(),
                decider.pin(),
                now));
        if (command.decision() == ConsiderationDecision.VOID_AND_RESIT) {
            String voidReason = "Special consideration " + considerationId + ": " + reason;
            attempts.voidAttempt(
                    new VoidAttempt(attemptId, voidReason.length() <= Reason.MAX_LENGTH ? voidReason : reason));
        }
    }

    @EventSourcingHandler
    void on(SpecialConsiderationApplied event) {
        considerationId = event.considerationId();
        attemptId = event.attemptId();
        candidateId = event.candidateId();
        centreId = event.centreId();
        assessmentCode = event.assessmentCode();
    }

    @EventSourcingHandler
    void on(SpecialConsiderationDecided event) {
        decision = event.decision();
    }
}
