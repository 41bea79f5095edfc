package org.awardinghub.command.candidate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.awardinghub.command.ExpectedVersion;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.Reason;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.Snapshots;
import org.awardinghub.command.Text;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.centre.RegistrationRefusal;
import org.awardinghub.command.qualification.CatalogueCode;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.candidate.CandidateCertificateRevoked;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.candidate.CandidateLegalHoldLifted;
import org.awardinghub.events.candidate.CandidateLegalHoldPlaced;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateRetentionExtended;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * A learner registered by a centre on a qualification, with a registration number: amended, transferred to
 * another centre, withdrawn and reinstated, each with a reason. A certificated candidate is changed only by IMI.
 * <p>
 * A certificate is issued on a claim, and recorded here a moment later by the certification policy. In between,
 * the candidate directory already says CERTIFICATED (it follows the claim's events in the claim's transaction), so
 * the rules that protect a certificated candidate ask both: either saying so is enough.
 */
@Aggregate(snapshotTriggerDefinition = Snapshots.LONG_LIVED)
public class Candidate {

    @AggregateIdentifier
    private String candidateId;

    private String centreId;
    private String firstName;
    private String lastName;
    private LocalDate dateOfBirth;
    private String uln;
    private String qualificationCode;
    private LocalDate startDate;
    private LocalDate registeredOn;
    private CandidateStatus status;
    /** The claim whose certificate the candidate holds; null when none (never issued, or revoked). */
    private String certificateClaimId;
    /** Every claim whose certificate was ever recorded here: recording one again records nothing. */
    private final Set<String> recordedClaims = new HashSet<>();

    private String registrationNumber;
    /** A legal hold stands: nothing about the candidate may be erased. */
    private boolean legalHold;
    /** The candidate's personal data was erased: their record stays, and changes no more. */
    private boolean erased;

    /** For Axon: rebuilds the candidate from events, and is the blank instance the creation handler starts from. */
    protected Candidate() {}

    /**
     * Answers the registration. A method with an ALWAYS creation policy, not a constructor, because Axon answers
     * a constructor handler with the aggregate id, and a method handler with what it returns.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    Registration handle(
            RegisterCandidate command,
            CentreDirectory centres,
            CandidateDirectory candidates,
            RegistrationNumbers numbers,
            RegistrationPolicy policy) {
        String id = Text.identifier("candidateId", command.candidateId());
        String centre = Text.identifier("centreId", command.centreId());
        RegistrationDetails details = RegistrationDetails.checked(command);
        Optional<RegistrationRefusal> refusal = centres.registrationRefusal(centre, details.qualificationCode());
        if (refusal.isPresent()) {
            // the qualification is a value the centre chose (400, naming the field); its standing is not (404, 409)
            throw refusal.get().kind() == RegistrationRefusal.Kind.QUALIFICATION_NOT_APPROVED
                    ? new InvalidCommand("qualificationCode", refusal.get().message())
                    : refusal.get().exception();
        }
        Optional<CandidateEntry> duplicate = candidates.duplicateOf(
                centre, details.firstName(), details.lastName(), details.dateOfBirth(), details.qualificationCode());
        if (duplicate.isPresent() && !command.confirmDuplicate()) {
            throw new DuplicateCandidate(
                    duplicate.get().candidateId(), duplicate.get().registrationNumber());
        }
        boolean late = policy.isLate(details.startDate(), details.registeredOn());
        String registrationNumber = numbers.issue();
        apply(new CandidateRegistered(
                id,
                centre,
                registrationNumber,
                details.firstName(),
                details.lastName(),
                details.dateOfBirth(),
                Uln.valueOf(details.uln()),
                details.qualificationCode(),
                details.startDate(),
                details.registeredOn(),
                late,
                duplicate.isPresent()));
        return new Registration(id, registrationNumber, late);
    }

    /**
     * One field at a time; nothing is recorded when the value is unchanged. Duplicates are not looked for: a
     * centre correcting a record must not be blocked by it, and the directory's duplicate key follows the event.
     * Answers the candidate's version after it, as every change of the candidate does: the API's next ETag.
     */
    @CommandHandler
    long handle(
            AmendCandidate command,
            CentreDirectory centres,
            CandidateDirectory candidates,
            ConflictResolver conflicts) {
        ExpectedVersion.check(conflicts);
        refuseIfErased();
        if (status == CandidateStatus.WITHDRAWN) {
            throw new RuleViolation("Candidate is WITHDRAWN; reinstate them before amending");
        }
        if (isCertificated(candidates) && !command.byImi()) {
            throw new RuleViolation("Candidate is CERTIFICATED; only IMI can amend a certificated candidate");
        }
        if (command.field() == null) {
            throw new InvalidCommand(
                    "field", "a field (FIRST_NAME, LAST_NAME, DATE_OF_BIRTH, ULN or QUALIFICATION) is required");
        }
        String reason = Reason.of(command);
        switch (command.field()) {
            case FIRST_NAME -> amendName(CandidateName.checked("value", command.value()), lastName, reason);
            case LAST_NAME -> amendName(firstName, CandidateName.checked("value", command.value()), reason);
            case DATE_OF_BIRTH -> amendDateOfBirth(command.value(), reason);
            case ULN -> amendUln(Uln.valueOf(Uln.optional("value", command.value())), reason);
            case QUALIFICATION -> amendQualification(command.value(), centres, reason);
        }
        return getVersion();
    }

    /**
     * From a REGISTERED candidate's centre to another that may register them on their qualification.
     *
     * @return the receiving centre's id and the candidate's version after the transfer
     */
    @CommandHandler
    TransferCandidate.Done handle(
            TransferCandidate command,
            CentreDirectory centres,
            CandidateDirectory candidates,
            ConflictResolver conflicts) {
        ExpectedVersion.check(conflicts);
        refuseIfErased();
        CandidateStatus current = isCertificated(candidates) ? CandidateStatus.CERTIFICATED : status;
        if (current != CandidateStatus.REGISTERED) {
            throw new RuleViolation("Candidate is " + current + "; only a REGISTERED candidate can be transferred");
        }
        String toCentreId = receivingCentre(command, centres);
        String reason = Reason.of(command);
        if (toCentreId.equals(centreId)) {
            throw new RuleViolation("Candidate is already at centre " + toCentreId);
        }
        Optional<RegistrationRefusal> refusal = centres.registrationRefusal(toCentreId, qualificationCode);
        if (refusal.isPresent()) {
            throw refusal.get().exception();
        }
        apply(new CandidateTransferred(candidateId, centreId, toCentreId, reason));
        return new TransferCandidate.Done(toCentreId, getVersion());
    }

    /** The receiving centre's id: as given, or the centre that holds the number given. Exactly one is given. */
    private static String receivingCentre(TransferCandidate command, CentreDirectory centres) {
        boolean byId = command.toCentreId() != null && !command.toCentreId().isBlank();
        boolean byNumber =
                command.toCentreNumber() != null && !command.toCentreNumber().isBlank();
        if (byId == byNumber) {
            throw new InvalidCommand("toCentreId", "give exactly one of toCentreId and toCentreNumber");
        }
        if (byId) {
            return Text.identifier("toCentreId", command.toCentreId());
        }
        String number = command.toCentreNumber().strip();
        return centres.centreIdOfNumber(number).orElseThrow(() -> new UnknownRecord("No centre numbered " + number));
    }

    @CommandHandler
    long handle(WithdrawCandidate command, CandidateDirectory candidates, ConflictResolver conflicts) {
        ExpectedVersion.check(conflicts);
        refuseIfErased();
        if (status == CandidateStatus.WITHDRAWN) {
            throw new RuleViolation("Candidate is already WITHDRAWN");
        }
        if (isCertificated(candidates) && !command.byImi()) {
            throw new RuleViolation("Candidate is CERTIFICATED; a certificated candidate can only be withdrawn by IMI");
        }
        apply(new CandidateWithdrawn(candidateId, centreId, Reason.of(command)));
        return getVersion();
    }

    @CommandHandler
    long handle(ReinstateCandidate command, ConflictResolver conflicts) {
        ExpectedVersion.check(conflicts);
        refuseIfErased();
        if (status != CandidateStatus.WITHDRAWN) {
            throw new RuleViolation("Candidate is " + status + "; only a WITHDRAWN candidate can be reinstated");
        }
        apply(new CandidateReinstated(candidateId, centreId, Reason.of(command)));
        return getVersion();
    }

    /**
     * A claim's certificate was issued: recorded whatever the candidate's status, because the certificate exists.
     * The same claim again (a retried policy) records nothing.
     */
    @CommandHandler
    void handle(RecordCertificate command) {
        String claimId = Text.identifier("claimId", command.claimId());
        if (recordedClaims.contains(claimId)) {
            return; // recorded before: nothing to record
        }
        apply(new CandidateCertificated(
                candidateId, centreId, claimId, command.qualificationCode(), command.certificateNumber()));
    }

    /** The certificate the candidate holds was revoked; any other claim's, or one revoked before, records nothing. */
    @CommandHandler
    void handle(RecordCertificateRevoked command) {
        String claimId = Text.identifier("claimId", command.claimId());
        if (!claimId.equals(certificateClaimId)) {
            return; // not the certificate the candidate holds, or already recorded: nothing to record
        }
        apply(new CandidateCertificateRevoked(
                candidateId, centreId, claimId, command.certificateNumber(), command.reason()));
    }

    /**
     * Erases the candidate's personal data: {@link CandidateErased}, on which the key store deletes the candidate's
     * key in this same transaction. Refused while a legal hold stands (409) and when erased already.
     */
    @CommandHandler
    void handle(EraseCandidate command, Clock clock) {
        String reason = Reason.of(command);
        String legalBasis = LegalBasis.of(command.legalBasis());
        refuseIfErased();
        if (legalHold) {
            throw new RuleViolation("A legal hold stands on this candidate's record; lift it before erasing");
        }
        apply(new CandidateErased(candidateId, centreId, registrationNumber, reason, legalBasis, clock.instant()));
    }

    @CommandHandler
    void handle(PlaceLegalHold command) {
        String reason = Reason.of(command);
        String legalBasis = LegalBasis.of(command.legalBasis());
        String caseId = command.caseId() == null || command.caseId().isBlank()
                ? null
                : Text.identifier("caseId", command.caseId().strip());
        refuseIfErased();
        if (legalHold) {
            throw new RuleViolation("A legal hold already stands on this candidate's record");
        }
        apply(new CandidateLegalHoldPlaced(candidateId, centreId, caseId, reason, legalBasis));
    }

    @CommandHandler
    void handle(LiftLegalHold command) {
        String reason = Reason.of(command);
        if (!legalHold) {
            throw new RuleViolation("No legal hold stands on this candidate's record");
        }
        apply(new CandidateLegalHoldLifted(candidateId, centreId, reason));
    }

    /** Keeps the record until a date after today. */
    @CommandHandler
    void handle(ExtendRetention command, Clock clock) {
        String reason = Reason.of(command);
        String legalBasis = LegalBasis.of(command.legalBasis());
        LocalDate keepUntil = RegistrationDates.parse("keepUntil", command.keepUntil());
        if (!keepUntil.isAfter(LocalDate.now(clock))) {
            throw new InvalidCommand("keepUntil", "the date to keep the record until must be after today");
        }
        refuseIfErased();
        apply(new CandidateRetentionExtended(candidateId, centreId, keepUntil, reason, legalBasis));
    }

    @EventSourcingHandler
    void on(CandidateRegistered event) {
        candidateId = event.candidateId();
        centreId = event.centreId();
        registrationNumber = event.registrationNumber();
        firstName = event.firstName();
        lastName = event.lastName();
        dateOfBirth = event.dateOfBirth();
        uln = event.uln();
        qualificationCode = event.qualificationCode();
        startDate = event.startDate();
        registeredOn = event.registeredOn();
        status = CandidateStatus.REGISTERED;
    }

    @EventSourcingHandler
    void on(CandidateNameAmended event) {
        firstName = event.firstName();
        lastName = event.lastName();
    }

    @EventSourcingHandler
    void on(CandidateDateOfBirthAmended event) {
        dateOfBirth = event.dateOfBirth();
    }

    @EventSourcingHandler
    void on(CandidateUlnAmended event) {
        uln = event.uln();
    }

    @EventSourcingHandler
    void on(CandidateQualificationAmended event) {
        qualificationCode = event.qualificationCode();
    }

    @EventSourcingHandler
    void on(CandidateTransferred event) {
        centreId = event.toCentreId();
    }

    @EventSourcingHandler
    void on(CandidateWithdrawn event) {
        status = CandidateStatus.WITHDRAWN;
    }

    /** Back to REGISTERED, also after IMI withdrew a certificated candidate: the certificate does not return. */
    @EventSourcingHandler
    void on(CandidateReinstated event) {
        status = CandidateStatus.REGISTERED;
    }

    /**
     * CERTIFICATED, unless IMI withdrew the candidate before this was recorded: the withdrawal came after the issue,
     * and the candidate stays WITHDRAWN (holding the certificate, which the withdrawal does not revoke).
     */
    @EventSourcingHandler
    void on(CandidateCertificated event) {
        recordedClaims.add(event.claimId());
        certificateClaimId = event.claimId();
        if (status != CandidateStatus.WITHDRAWN) {
            status = CandidateStatus.CERTIFICATED;
        }
    }

    /** REGISTERED again, holding no certificate; a withdrawn candidate stays WITHDRAWN. */
    @EventSourcingHandler
    void on(CandidateCertificateRevoked event) {
        certificateClaimId = null;
        if (status == CandidateStatus.CERTIFICATED) {
            status = CandidateStatus.REGISTERED;
        }
    }

    @EventSourcingHandler
    void on(CandidateLegalHoldPlaced event) {
        legalHold = true;
    }

    @EventSourcingHandler
    void on(CandidateLegalHoldLifted event) {
        legalHold = false;
    }

    /** Forgotten here too, so that no snapshot taken after the erasure holds them. */
    @EventSourcingHandler
    void on(CandidateErased event) {
        erased = true;
        firstName = PersonalData.ERASED;
        lastName = PersonalData.ERASED;
        dateOfBirth = null;
        uln = null;
    }

    private void refuseIfErased() {
        if (erased) {
            throw new RuleViolation("The candidate's personal data was erased; their record changes no more");
        }
    }

    /** Either the candidate's history or the directory (current from the moment of issue) says CERTIFICATED. */
    private boolean isCertificated(CandidateDirectory candidates) {
        return status == CandidateStatus.CERTIFICATED
                || candidates.find(candidateId).map(CandidateEntry::status).orElse(null)
                        == CandidateStatus.CERTIFICATED;
    }

    private void amendName(String amendedFirstName, String amendedLastName, String reason) {
        if (amendedFirstName.equals(firstName) && amendedLastName.equals(lastName)) {
            return; // unchanged: nothing to record
        }
        apply(new CandidateNameAmended(
                candidateId, centreId, firstName, lastName, amendedFirstName, amendedLastName, reason));
    }

    /** The rules of registration, judged against the original registration date and the start date. */
    private void amendDateOfBirth(String value, String reason) {
        LocalDate amended = RegistrationDates.dateOfBirth(
                "value", RegistrationDates.parse("value", value), registeredOn, startDate);
        if (amended.equals(dateOfBirth)) {
            return; // unchanged: nothing to record
        }
        apply(new CandidateDateOfBirthAmended(candidateId, centreId, dateOfBirth, amended, reason));
    }

    private void amendUln(String amended, String reason) {
        if (Objects.equals(amended, uln)) {
            return; // unchanged: nothing to record
        }
        apply(new CandidateUlnAmended(candidateId, centreId, uln, amended, reason));
    }

    /** To another qualification the candidate's current centre is approved for. */
    private void amendQualification(String value, CentreDirectory centres, String reason) {
        String amended = Text.required("value", value, CatalogueCode.MAX_LENGTH);
        if (amended.equals(qualificationCode)) {
            return; // unchanged: nothing to record
        }
        if (!centres.approvedFor(centreId, amended)) {
            throw new InvalidCommand("value", "the candidate's centre is not approved for qualification " + amended);
        }
        apply(new CandidateQualificationAmended(candidateId, centreId, qualificationCode, amended, reason));
    }
}
