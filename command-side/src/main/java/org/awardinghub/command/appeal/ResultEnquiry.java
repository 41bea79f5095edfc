package org.awardinghub.command.appeal;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Reason;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.assessment.AttemptChanges;
import org.awardinghub.command.assessment.AttemptRecord;
import org.awardinghub.command.assessment.ChangeAttemptOutcome;
import org.awardinghub.command.assessment.ReMarked;
import org.awardinghub.command.consideration.PostResultsPeople;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.appeal.AppealDecided;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ClericalReCheckCompleted;
import org.awardinghub.events.appeal.ReCheckOutcome;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * An enquiry about a result and its appeal (ADR 0156). Stage 1, the clerical re-check, happens as the enquiry is
 * raised: the attempt marks its submitted answers again, against the answer key in force when it was taken and its
 * own pass mark; a different score corrects the attempt's result (CHANGED) in the same transaction. Stage 2: the
 * centre may appeal within the policy's time; IMI upholds, correcting the result through the attempt's own
 * {@link ChangeAttemptOutcome} in the same transaction, or dismisses. Each stage is decided once.
 */
@Aggregate
public class ResultEnquiry {

    static final int REASONS_MAX_LENGTH = 5000;

    @AggregateIdentifier
    private String enquiryId;

    private String attemptId;
    private String candidateId;
    private String centreId;
    private Outcome outcome;
    private int score;
    private Instant reCheckedAt;
    private boolean appealed;
    private boolean decided;

    /** For Axon, which rebuilds the enquiry from its events. */
    protected ResultEnquiry() {}

    @CommandHandler
    ResultEnquiry(
            RaiseResultEnquiry command,
            AttemptChanges attempts,
            EnquiryDirectory enquiries,
            UserDirectory users,
            EnquiryPolicy policy,
            Clock clock) {
        String id = Text.identifier("enquiryId", command.enquiryId());
        String attempt = Text.identifier("attemptId", command.attemptId());
        String reasons = Text.requiredLines("reasons", command.reasons(), REASONS_MAX_LENGTH);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);

        AttemptRecord record = attempts.record(attempt);
        UserAccount centreUser = PostResultsPeople.centreUser(
                users, Text.identifier("raisedByUserId", command.raisedByUserId()), attempt, record.centreId());
        if (record.status() != AttemptStatus.SUBMITTED) {
            throw new RuleViolation(
                    "The attempt is " + record.status() + "; only a SUBMITTED attempt's result can be reviewed");
        }
        Instant closes = record.submittedAt().plus(policy.raiseWithin());
        if (now.isAfter(closes)) {
            throw new RuleViolation("Enquiries about this result closed at " + closes + " ("
                    + policy.raiseWithin().toDays() + " days after the result)");
        }
        enquiries.enquiryFor(attempt).ifPresent(existing -> {
            throw new RuleViolation("A review of this result was already asked for (" + existing + ")");
        });
        apply(new ResultEnquiryRaised(
                id,
                attempt,
                record.candidateId(),
                record.centreId(),
                record.qualificationCode(),
                record.assessmentCode(),
                record.outcome(),
                record.score(),
                record.maxScore(),
                reasons,
                centreUser.userId(),
                centreUser.pin(),
                now));

        ReMarked reMarked = attempts.reMark(attempt);
        apply(new ClericalReCheckCompleted(
                id,
                attempt,
                record.candidateId(),
                record.centreId(),
                reMarked.changed() ? ReCheckOutcome.CHANGED : ReCheckOutcome.CONFIRMED,
                reMarked.recordedOutcome(),
                reMarked.outcome(),
                reMarked.recordedScore(),
                reMarked.score(),
                reMarked.maxScore(),
                reMarked.percent(),
                now));
        if (reMarked.changed()) {
            attempts.changeOutcome(new ChangeAttemptOutcome(
                    attempt,
                    id,
                    reMarked.outcome(),
                    reMarked.score(),
                    "Clerical re-check: the answers marked again score " + reMarked.score() + " out of "
                            + reMarked.maxScore() + ", not " + reMarked.recordedScore()));
        }
    }

    @CommandHandler
    void handle(LodgeAppeal command, UserDirectory users, EnquiryPolicy policy, Clock clock) {
        if (command.attemptId() != null && !command.attemptId().equals(attemptId)) {
            throw new UnknownRecord("No enquiry " + enquiryId + " about attempt " + command.attemptId());
        }
        String reasons = Text.requiredLines("reasons", command.reasons(), REASONS_MAX_LENGTH);
        UserAccount centreUser = PostResultsPeople.centreUser(
                users, Text.identifier("lodgedByUserId", command.lodgedByUserId()), attemptId, centreId);
        if (appealed) {
            throw new RuleViolation("An appeal was already lodged on this enquiry");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Instant closes = reCheckedAt.plus(policy.appealWithin());
        if (now.isAfter(closes)) {
            throw new RuleViolation("Appeals on this enquiry closed at " + closes + " ("
                    + policy.appealWithin().toDays() + " days after the clerical re-check)");
        }
        apply(new AppealLodged(
                enquiryId, attemptId, candidateId, centreId, reasons, centreUser.userId(), centreUser.pin(), now));
    }

    @CommandHandler
    void handle(DecideAppeal command, AttemptChanges attempts, UserDirectory users, Clock clock) {
        if (!appealed) {
            throw new RuleViolation("No appeal was lodged on this enquiry; there is nothing to decide");
        }
        if (decided) {
            throw new RuleViolation("This appeal was already decided");
        }
        if (command.decision() == null) {
            throw new InvalidCommand("decision", "a decision (UPHELD or DISMISSED) is required");
        }
        String reason = Reason.of(command);
        UserAccount decider =
                PostResultsPeople.imiAdmin(users, Text.identifier("decidedByUserId", command.decidedByUserId()));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (command.decision() == AppealDecision.DISMISSED) {
            if (command.outcome() != null || command.score() != null) {
                throw new InvalidCommand("score", "a dismissed appeal leaves the result as it is: give no score");
            }
            apply(new AppealDecided(
                    enquiryId,
                    attemptId,
                    candidateId,
                    centreId,
                    AppealDecision.DISMISSED,
                    outcome,
                    outcome,
                    score,
                    score,
                    reason,
                    decider.userId(),
                    decider.pin(),
                    now));
            return;
        }
        if (command.outcome() == null) {
            throw new InvalidCommand("outcome", "an upheld appeal gives the corrected outcome (PASS or FAIL)");
        }
        if (command.score() == null) {
            throw new InvalidCommand("score", "an upheld appeal gives the corrected score");
        }
        if (command.outcome() == outcome && command.score() == score) {
            throw new InvalidCommand(
                    "score", "an upheld appeal corrects the result; to leave it as it is, dismiss the appeal");
        }
        apply(new AppealDecided(
                enquiryId,
                attemptId,
                candidateId,
                centreId,
                AppealDecision.UPHELD,
                outcome,
                command.outcome(),
                score,
                command.score(),
                reason,
                decider.userId(),
                decider.pin(),
                now));
        String changeReason = "Appeal upheld: " + reason;
        attempts.changeOutcome(new ChangeAttemptOutcome(
                attemptId,
                enquiryId,
                command.outcome(),
                command.score(),
                changeReason.length() <= Reason.MAX_LENGTH ? changeReason : reason));
    }

    @EventSourcingHandler
    void on(ResultEnquiryRaised event) {
        enquiryId = event.enquiryId();
        attemptId = event.attemptId();
        candidateId = event.candidateId();
        centreId = event.centreId();
        outcome = event.outcome();
        score = event.score();
    }

    @EventSourcingHandler
    void on(ClericalReCheckCompleted event) {
        outcome = event.outcome();
        score = event.score();
        reCheckedAt = event.completedAt();
    }

    @EventSourcingHandler
    void on(AppealLodged event) {
        appealed = true;
    }

    @EventSourcingHandler
    void on(AppealDecided event) {
        decided = true;
        outcome = event.outcome();
        score = event.score();
    }
}
