package org.awardinghub.command.certification;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.awardinghub.command.Reason;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.assessment.AttemptDirectory;
import org.awardinghub.command.assessment.AttemptEntry;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateEntry;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.certification.ClaimStatus;
import org.awardinghub.events.user.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A centre's claim of the certificate of a candidate's qualification: made by a centre admin or coordinator for an
 * eligible candidate ({@link Eligibility}); issued at once when the centre holds Direct Claim Status, otherwise
 * waiting until IMI approves or rejects it. Issuing assigns a certificate number and a verification code (the code
 * is kept by {@link VerificationCodes}, never in an event). IMI may later replace the certificate (a new number and
 * code; the old number verifies as REPLACED) or revoke it.
 * <p>
 * Times come from the injected {@link Clock}, to the millisecond; dates (issued on, revoked on) are UTC dates.
 */
@Aggregate
public class Claim {

    @AggregateIdentifier
    private String claimId;

    private String candidateId;
    private String centreId;
    private String qualificationCode;
    private String holderName;
    private List<String> achievedBy = List.of();
    private ClaimStatus status;
    /** The current certificate's number once issued; a replacement takes its place. */
    private String certificateNumber;

    private CertificateStatus certificateStatus;
    private LocalDate revokedOn;
    /** Every number this claim's certificates had, the current one included. */
    private final Set<String> numbers = new HashSet<>();

    /** For Axon: rebuilds the claim from events, and is the blank instance the creation handler starts from. */
    protected Claim() {}

    /**
     * Answers whether the certificate was issued at once. A method with an ALWAYS creation policy, not a
     * constructor, because Axon answers a constructor handler with the aggregate id. Events applied here reach the
     * event sourcing handlers only when the handler returns, so it works on local values throughout.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    ClaimMade handle(
            ClaimCertificate command,
            CandidateDirectory candidates,
            UserDirectory users,
            CentreDirectory centres,
            Eligibility eligibility,
            CertificateNumbers certificateNumbers,
            VerificationCodes codes,
            Clock clock) {
        String id = Text.identifier("claimId", command.claimId());
        String candidate = Text.identifier("candidateId", command.candidateId());
        String claimerId = Text.identifier("claimedByUserId", command.claimedByUserId());
        Instant now = now(clock);

        CandidateEntry entry =
                candidates.find(candidate).orElseThrow(() -> new UnknownRecord("No candidate " + candidate));
        UserAccount claimer = users.findById(claimerId)
                .filter(user -> user.active()
                        && entry.centreId().equals(user.centreId())
                        && (user.roles().contains(Role.CENTRE_ADMIN)
                                || user.roles().contains(Role.CENTRE_COORDINATOR)))
                .orElseThrow(() -> new RuleViolation("Only a centre admin or coordinator of the candidate's centre"
                        + " can claim a certificate for them"));
        Eligibility.Verdict verdict = eligibility.requireEligible(candidate);
        String holder = candidates
                .holderName(candidate)
                .orElseThrow(() -> new RuleViolation(
                        "The candidate's name is not on the command side's record (registered before certificates were"
                                + " issued); amend their name to record it, then claim again"));
        boolean directClaimStatus = centres.hasDirectClaimStatus(entry.centreId());

        apply(new CertificateClaimed(
                id,
                candidate,
                entry.registrationNumber(),
                entry.centreId(),
                verdict.qualificationCode(),
                holder,
                directClaimStatus,
                verdict.achievedBy(),
                claimer.userId(),
                claimer.pin(),
                now));
        if (!directClaimStatus) {
            return new ClaimMade(id, ClaimStatus.AWAITING_APPROVAL, null);
        }
        String number = issue(
                id,
                candidate,
                entry.centreId(),
                verdict.qualificationCode(),
                holder,
                now,
                false,
                certificateNumbers,
                codes);
        return new ClaimMade(id, ClaimStatus.ISSUED, number);
    }

    /**
     * IMI issues a waiting claim's certificate; answers its number. What can have changed since the claim is
     * judged again: the candidate withdrawn, the centre under a CERTIFICATION sanction, an attempt the claim rests
     * on voided, or the candidate moved to another qualification. Every such reason refuses it, all of them named.
     */
    @CommandHandler
    String handle(
            ApproveClaim command,
            CandidateDirectory candidates,
            CentreDirectory centres,
            AttemptDirectory attempts,
            CertificateNumbers certificateNumbers,
            VerificationCodes codes,
            Clock clock) {
        requireAwaitingApproval("approved");
        List<String> reasons = new ArrayList<>();
        if (candidates.find(candidateId).map(CandidateEntry::status).orElse(null) == CandidateStatus.WITHDRAWN) {
            reasons.add("The candidate is WITHDRAWN; a claim for a withdrawn candidate cannot be approved.");
        }
        if (!candidates
                .qualificationOf(candidateId)
                .map(qualificationCode::equals)
                .orElse(true)) {
            reasons.add("The candidate is no longer registered on qualification " + qualificationCode
                    + "; the claim cannot be approved.");
        }
        for (String attemptId : achievedBy) {
            AttemptEntry attempt = attempts.find(attemptId).orElse(null);
            if (attempt != null && attempt.status() == AttemptStatus.VOIDED) {
                reasons.add("Attempt " + attemptId + " at assessment " + attempt.assessmentCode()
                        + " was voided after the claim was made; the claim cannot be approved.");
            }
        }
        CentreStatus centreStatus = centres.statusOf(centreId).orElse(null);
        if (centreStatus != CentreStatus.APPROVED) {
            reasons.add("The centre is " + centreStatus + "; only an APPROVED centre's claims can be approved.");
        }
        if (centres.sanctionsOn(centreId).contains(Sanction.CERTIFICATION)) {
            reasons.add("The centre is under a CERTIFICATION sanction; its claims cannot be approved until the"
                    + " sanction is lifted.");
        }
        if (!reasons.isEmpty()) {
            throw new NotEligible(reasons);
        }
        return issue(
                claimId,
                candidateId,
                centreId,
                qualificationCode,
                holderName,
                now(clock),
                true,
                certificateNumbers,
                codes);
    }

    @CommandHandler
    void handle(RejectClaim command) {
        requireAwaitingApproval("rejected");
        apply(new ClaimRejected(claimId, candidateId, centreId, qualificationCode, Reason.of(command)));
    }

    /**
     * A new number and code for the current certificate, printed with the candidate's names as registered now (a
     * corrected name is the usual reason); answers the new number.
     */
    @CommandHandler
    String handle(
            ReplaceCertificate command,
            CandidateDirectory candidates,
            CertificateNumbers certificateNumbers,
            VerificationCodes codes,
            Clock clock) {
        String replaced = requireCurrentCertificate(command.certificateNumber(), "replaced");
        String reason = Reason.of(command);
        String holder = candidates.holderName(candidateId).orElse(holderName);
        String replacement = certificateNumbers.issue();
        codes.issue(replacement);
        apply(new CertificateReplaced(
                claimId,
                candidateId,
                centreId,
                qualificationCode,
                replaced,
                replacement,
                holder,
                today(now(clock)),
                reason));
        return replacement;
    }

    @CommandHandler
    void handle(RevokeCertificate command, Clock clock) {
        String revoked = requireCurrentCertificate(command.certificateNumber(), "revoked");
        String reason = Reason.of(command);
        apply(new CertificateRevoked(
                claimId, candidateId, centreId, qualificationCode, revoked, today(now(clock)), reason));
    }

    @EventSourcingHandler
    void on(CertificateClaimed event) {
        claimId = event.claimId();
        candidateId = event.candidateId();
        centreId = event.centreId();
        qualificationCode = event.qualificationCode();
        holderName = event.holderName();
        achievedBy = List.copyOf(event.achievedBy());
        status = ClaimStatus.AWAITING_APPROVAL;
    }

    @EventSourcingHandler
    void on(CertificateIssued event) {
        status = ClaimStatus.ISSUED;
        certificateNumber = event.certificateNumber();
        certificateStatus = CertificateStatus.VALID;
        numbers.add(event.certificateNumber());
    }

    @EventSourcingHandler
    void on(ClaimRejected event) {
        status = ClaimStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(CertificateReplaced event) {
        certificateNumber = event.certificateNumber();
        holderName = event.holderName();
        numbers.add(event.certificateNumber());
    }

    @EventSourcingHandler
    void on(CertificateRevoked event) {
        certificateStatus = CertificateStatus.REVOKED;
        revokedOn = event.revokedOn();
    }

    /** Draws the number and its code (written in this command's transaction) and records the issue. */
    private static String issue(
            String claim,
            String candidate,
            String centre,
            String qualification,
            String holder,
            Instant now,
            boolean approvedByImi,
            CertificateNumbers certificateNumbers,
            VerificationCodes codes) {
        String number = certificateNumbers.issue();
        codes.issue(number);
        apply(new CertificateIssued(
                claim, candidate, centre, qualification, number, holder, today(now), now, approvedByImi));
        return number;
    }

    private void requireAwaitingApproval(String decision) {
        if (status != ClaimStatus.AWAITING_APPROVAL) {
            throw new RuleViolation("The claim is " + status + "; only a claim AWAITING_APPROVAL can be " + decision);
        }
    }

    /**
     * The claim's current, unrevoked certificate number, as {@code typed} names it (in any letter case). A number
     * the claim never had is unknown here (404); an earlier, replaced number or a revoked one is refused (409).
     */
    private String requireCurrentCertificate(String typed, String change) {
        if (status != ClaimStatus.ISSUED) {
            throw new RuleViolation("The claim is " + status + "; only an issued certificate can be " + change);
        }
        String number = Text.required("certificateNumber", typed, Text.IDENTIFIER_MAX_LENGTH)
                .toUpperCase(Locale.ROOT);
        if (!numbers.contains(number)) {
            throw new UnknownRecord("Claim " + claimId + " has no certificate " + number);
        }
        if (!number.equals(certificateNumber)) {
            throw new RuleViolation("Certificate " + number + " was REPLACED by " + certificateNumber
                    + "; only the current certificate can be " + change);
        }
        if (certificateStatus == CertificateStatus.REVOKED) {
            throw new RuleViolation("Certificate " + number + " was REVOKED on " + revokedOn
                    + "; a revoked certificate cannot be " + change);
        }
        return number;
    }

    private static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC);
    }
}
