package org.awardinghub.command.arrangement;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Reason;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.AccessArrangementWithdrawn;
import org.awardinghub.events.arrangement.ArrangementEvidence;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ArrangementStatus;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.user.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One access arrangement for one candidate (ADR 0153): requested by a centre admin or coordinator of the
 * candidate's centre with a reason and optional evidence; approved at once when {@link ArrangementPolicy} allows
 * the kind, otherwise PENDING until an IMI administrator approves or rejects it with a reason. An approved
 * arrangement applies to every attempt the candidate starts afterwards ({@link ArrangementDirectory}), until it is
 * withdrawn: by the candidate's centre or by IMI, pending or approved, with a reason.
 */
@Aggregate
public class AccessArrangement {

    @AggregateIdentifier
    private String arrangementId;

    private String candidateId;
    private String centreId;
    private ArrangementKind kind;
    private Integer extraTimePercent;
    private TextSize textSize;
    private ColourScheme colourScheme;
    private ArrangementStatus status;

    /** For Axon, which rebuilds the arrangement from its events. */
    protected AccessArrangement() {}

    /**
     * Answers the status after the request. A method with an ALWAYS creation policy, not a constructor, because
     * Axon answers a constructor handler with the aggregate id.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    ArrangementStatus handle(
            RequestAccessArrangement command,
            CandidateDirectory candidates,
            UserDirectory users,
            ArrangementDirectory arrangements,
            Clock clock) {
        String id = Text.identifier("arrangementId", command.arrangementId());
        String candidate = Text.identifier("candidateId", command.candidateId());
        String requesterId = Text.identifier("requestedByUserId", command.requestedByUserId());
        if (command.kind() == null) {
            throw new InvalidCommand(
                    "kind", "a kind is required: one of " + java.util.Arrays.toString(ArrangementKind.values()));
        }
        Integer percent = settingFor(
                command.kind() == ArrangementKind.EXTRA_TIME,
                "extraTimePercent",
                command.extraTimePercent(),
                "EXTRA_TIME");
        if (percent != null) {
            Text.between(
                    "extraTimePercent",
                    percent,
                    ArrangementPolicy.MIN_EXTRA_TIME_PERCENT,
                    ArrangementPolicy.MAX_EXTRA_TIME_PERCENT);
        }
        TextSize size = settingFor(
                command.kind() == ArrangementKind.ENLARGED_TEXT, "textSize", command.textSize(), "ENLARGED_TEXT");
        ColourScheme scheme = settingFor(
                command.kind() == ArrangementKind.COLOUR_SCHEME,
                "colourScheme",
                command.colourScheme(),
                "COLOUR_SCHEME");
        String reason = Reason.of(command);
        ArrangementEvidence evidence = command.evidence();

        CandidateEntry entry =
                candidates.find(candidate).orElseThrow(() -> new UnknownRecord("No candidate " + candidate));
        UserAccount requester = users.findById(requesterId)
                .filter(user -> user.active()
                        && (user.roles().contains(Role.CENTRE_ADMIN)
                                || user.roles().contains(Role.CENTRE_COORDINATOR))
                        && entry.centreId().equals(user.centreId()))
                .orElseThrow(
                        () -> new RuleViolation(
                                "Only a centre admin or coordinator of the candidate's centre can request an access arrangement"));
        if (entry.status() == CandidateStatus.WITHDRAWN || entry.status() == CandidateStatus.CERTIFICATED) {
            throw new RuleViolation("Candidate is " + entry.status() + "; they sit no further assessments, so an"
                    + " access arrangement would apply to nothing");
        }
        if (arrangements.pending(candidate, command.kind())) {
            throw new RuleViolation("Candidate already has a " + command.kind()
                    + " request awaiting IMI's decision; wait for it before requesting another");
        }
        Instant now = now(clock);
        apply(new AccessArrangementRequested(
                id,
                candidate,
                entry.centreId(),
                command.kind(),
                percent,
                size,
                scheme,
                reason,
                evidence,
                requester.userId(),
                requester.pin(),
                now));
        Optional<String> byPolicy = ArrangementPolicy.automaticApproval(command.kind(), percent);
        byPolicy.ifPresent(rule -> apply(new AccessArrangementApproved(
                id,
                candidate,
                entry.centreId(),
                command.kind(),
                percent,
                size,
                scheme,
                true,
                rule,
                AuditMetadata.SYSTEM_ACTOR,
                null,
                now)));
        return status;
    }

    @CommandHandler
    void handle(ApproveAccessArrangement command, UserDirectory users, Clock clock) {
        requireOfCandidate(command.candidateId());
        String reason = Reason.of(command);
        UserAccount decider = imiAdmin(users, command.approvedByUserId());
        requirePending("approved");
        apply(new AccessArrangementApproved(
                arrangementId,
                candidateId,
                centreId,
                kind,
                extraTimePercent,
                textSize,
                colourScheme,
                false,
                reason,
                decider.userId(),
                decider.pin(),
                now(clock)));
    }

    @CommandHandler
    void handle(RejectAccessArrangement command, UserDirectory users, Clock clock) {
        requireOfCandidate(command.candidateId());
        String reason = Reason.of(command);
        UserAccount decider = imiAdmin(users, command.rejectedByUserId());
        requirePending("rejected");
        apply(new AccessArrangementRejected(
                arrangementId, candidateId, centreId, kind, reason, decider.userId(), decider.pin(), now(clock)));
    }

    /**
     * Withdraws a pending or approved arrangement, with the reason: the candidate's centre (a centre admin or
     * coordinator of the centre the candidate is at now) or an IMI administrator.
     */
    @CommandHandler
    void handle(WithdrawAccessArrangement command, CandidateDirectory candidates, UserDirectory users, Clock clock) {
        requireOfCandidate(command.candidateId());
        String reason = Reason.of(command);
        String withdrawerId = Text.identifier("withdrawnByUserId", command.withdrawnByUserId());
        String centreNow =
                candidates.find(candidateId).map(CandidateEntry::centreId).orElse(centreId);
        UserAccount withdrawer = users.findById(withdrawerId)
                .filter(user -> user.active()
                        && (user.roles().contains(Role.IMI_ADMIN)
                                || centreNow.equals(user.centreId())
                                        && (user.roles().contains(Role.CENTRE_ADMIN)
                                                || user.roles().contains(Role.CENTRE_COORDINATOR))))
                .orElseThrow(() -> new RuleViolation("Only a centre admin or coordinator of the candidate's centre, or"
                        + " an IMI administrator, can withdraw an access arrangement"));
        if (status != ArrangementStatus.PENDING && status != ArrangementStatus.APPROVED) {
            throw new RuleViolation(
                    "The access arrangement is " + status + "; only a PENDING or APPROVED one can be withdrawn");
        }
        apply(new AccessArrangementWithdrawn(
                arrangementId,
                candidateId,
                centreId,
                kind,
                status,
                reason,
                withdrawer.roles().contains(Role.IMI_ADMIN),
                withdrawer.userId(),
                withdrawer.pin(),
                now(clock)));
    }

    @EventSourcingHandler
    void on(AccessArrangementRequested event) {
        arrangementId = event.arrangementId();
        candidateId = event.candidateId();
        centreId = event.centreId();
        kind = event.kind();
        extraTimePercent = event.extraTimePercent();
        textSize = event.textSize();
        colourScheme = event.colourScheme();
        status = ArrangementStatus.PENDING;
    }

    @EventSourcingHandler
    void on(AccessArrangementApproved event) {
        status = ArrangementStatus.APPROVED;
    }

    @EventSourcingHandler
    void on(AccessArrangementRejected event) {
        status = ArrangementStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(AccessArrangementWithdrawn event) {
        status = ArrangementStatus.WITHDRAWN;
    }

    /** The setting the kind needs, required for it and refused for every other kind. */
    private static <T> T settingFor(boolean needed, String field, T value, String kindNeedingIt) {
        if (needed && value == null) {
            throw new InvalidCommand(field, field + " is required for " + kindNeedingIt);
        }
        if (!needed && value != null) {
            throw new InvalidCommand(field, field + " is only for " + kindNeedingIt);
        }
        return value;
    }

    /** Another candidate's arrangement is answered as unknown, as a made-up id would be. */
    private void requireOfCandidate(String claimedCandidateId) {
        if (claimedCandidateId != null && !claimedCandidateId.equals(candidateId)) {
            throw new UnknownRecord("No access arrangement " + arrangementId + " for candidate " + claimedCandidateId);
        }
    }

    private void requirePending(String action) {
        if (status != ArrangementStatus.PENDING) {
            throw new RuleViolation("The access arrangement is " + status + "; only a PENDING one can be " + action);
        }
    }

    private static UserAccount imiAdmin(UserDirectory users, String userId) {
        String id = Text.identifier("userId", userId);
        return users.findById(id)
                .filter(user -> user.active() && user.roles().contains(Role.IMI_ADMIN))
                .orElseThrow(() -> new RuleViolation("Only an IMI administrator decides an access arrangement"));
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
