package org.awardinghub.api.privacy;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.awardinghub.events.appeal.AppealDecided;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ClericalReCheckCompleted;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.AccessArrangementWithdrawn;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.assessment.AccessArrangementsApplied;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptKeyExpired;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.AttemptResumed;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.SubmittedBy;
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
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.awardinghub.events.portfolio.AssessorAssigned;
import org.awardinghub.events.portfolio.EvidenceJudged;
import org.awardinghub.events.portfolio.EvidenceUploaded;
import org.awardinghub.events.portfolio.IqaAssigned;
import org.awardinghub.events.portfolio.UnitSampleAgreed;
import org.awardinghub.events.portfolio.UnitSentBack;
import org.awardinghub.events.portfolio.UnitSignedOff;
import org.awardinghub.events.portfolio.UploadedBy;
import org.awardinghub.events.privacy.SubjectAccessExported;
import org.awardinghub.events.user.NotificationPreferencesChanged;
import org.awardinghub.events.user.PasswordResetRequested;
import org.awardinghub.events.user.PasswordSet;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.SignInFailed;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.awardinghub.events.user.UserDetailsAmended;
import org.awardinghub.events.user.UserErased;
import org.awardinghub.events.user.UserLockedOut;
import org.awardinghub.events.user.UserReactivated;
import org.awardinghub.events.user.UserRolesChanged;
import org.awardinghub.events.user.UserSignedIn;
import org.awardinghub.events.user.UserSignedOut;

/**
 * What each event says about its subject, in plain English: what happened and, apart, the reason recorded with it;
 * the export adds who did it ("by PIN 12345678"). An event of a type not written here yet reads as its name in words
 * ("Attempt resumed"), so a new event never breaks an export. Staff appear by their PIN only, never by name.
 * <p>
 * An incident shared with other candidates is said without its description (it may name them): the caller passes
 * {@code shared} for such an event.
 */
final class SubjectAccessSentences {

    /** What happened, and the reason given for it (null: none). */
    record Said(String what, String why) {}

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss 'UTC'", Locale.UK).withZone(ZoneOffset.UTC);

    private static final Map<Class<?>, Function<Object, Said>> SENTENCES = new HashMap<>();

    private static <T> void on(Class<T> type, Function<T, Said> sentence) {
        SENTENCES.put(type, event -> sentence.apply(type.cast(event)));
    }

    static {
        // the candidate's record
        on(
                CandidateRegistered.class,
                e -> said(
                        "Registered at centre " + e.centreId() + " for qualification " + e.qualificationCode()
                                + " as " + name(e.firstName(), e.lastName()) + ", born " + text(e.dateOfBirth())
                                + ", ULN " + orNone(e.uln()) + ", registration number " + e.registrationNumber()
                                + ", starting " + text(e.startDate()) + (e.late() ? " (a late registration)" : ""),
                        null));
        on(
                CandidateNameAmended.class,
                e -> said(
                        "Name amended from " + name(e.oldFirstName(), e.oldLastName()) + " to "
                                + name(e.firstName(), e.lastName()),
                        e.reason()));
        on(
                CandidateDateOfBirthAmended.class,
                e -> said(
                        "Date of birth amended from " + text(e.oldDateOfBirth()) + " to " + text(e.dateOfBirth()),
                        e.reason()));
        on(
                CandidateUlnAmended.class,
                e -> said("ULN amended from " + orNone(e.oldUln()) + " to " + orNone(e.uln()), e.reason()));
        on(
                CandidateQualificationAmended.class,
                e -> said(
                        "Qualification amended from " + e.oldQualificationCode() + " to " + e.qualificationCode(),
                        e.reason()));
        on(
                CandidateTransferred.class,
                e -> said("Transferred from centre " + e.fromCentreId() + " to centre " + e.toCentreId(), e.reason()));
        on(CandidateWithdrawn.class, e -> said("Withdrawn", e.reason()));
        on(CandidateReinstated.class, e -> said("Reinstated", e.reason()));
        on(
                CandidateCertificated.class,
                e -> said(
                        "Certificated in " + e.qualificationCode() + " with certificate " + e.certificateNumber(),
                        null));
        on(
                CandidateCertificateRevoked.class,
                e -> said("Certificate " + e.certificateNumber() + " revoked on the record", e.reason()));
        on(CandidateErased.class, e -> said("Personal data erased (legal basis: " + e.legalBasis() + ")", e.reason()));
        on(
                CandidateLegalHoldPlaced.class,
                e -> said("Legal hold placed for investigation case " + e.caseId(), e.reason()));
        on(CandidateLegalHoldLifted.class, e -> said("Legal hold lifted", e.reason()));
        on(
                CandidateRetentionExtended.class,
                e -> said(
                        "Retention extended until " + text(e.keepUntil()) + " (legal basis: " + e.legalBasis() + ")",
                        e.reason()));
        // assessments
        on(
                AttemptOpened.class,
                e -> said(
                        "Attempt " + e.attemptNumber() + " at assessment " + e.assessmentCode() + " opened ("
                                + e.questionCount() + " questions, " + e.durationMinutes() + " minutes, pass mark "
                                + e.passPercent() + " %)",
                        null));
        on(
                AttemptStarted.class,
                e -> said(
                        "Attempt at assessment " + e.assessmentCode() + " started, to end at " + time(e.endsAt()),
                        null));
        on(
                AccessArrangementsApplied.class,
                e -> said("Access arrangements applied to the attempt: " + adjustments(e), null));
        on(
                AnswerChosen.class,
                e -> said(
                        "Question " + e.questionId() + " answered with option " + e.optionId()
                                + (e.previousOptionId() == null ? "" : " (changed from " + e.previousOptionId() + ")"),
                        null));
        on(AttemptPaused.class, e -> said("Attempt paused (" + words(e.kind()) + ")", e.reason()));
        on(AttemptResumed.class, e -> said("Attempt resumed, now to end at " + time(e.endsAt()), null));
        on(
                AttemptSubmitted.class,
                e -> said(
                        (e.submittedBy() == SubmittedBy.TIME_LIMIT
                                        ? "Attempt submitted when its time ran out"
                                        : "Attempt submitted")
                                + ": " + e.score() + " of " + e.maxScore() + " (" + percent(e.percent()) + "), "
                                + words(e.outcome()),
                        null));
        on(AttemptKeyExpired.class, e -> said("The attempt's access key expired before the attempt started", null));
        on(AttemptVoided.class, e -> said("Attempt at assessment " + e.assessmentCode() + " voided", e.reason()));
        on(
                AttemptOutcomeChanged.class,
                e -> said(
                        "Result changed from " + words(e.previousOutcome()) + " (" + e.previousScore() + ") to "
                                + words(e.outcome()) + " (" + e.score() + ")",
                        e.reason()));
        // certification
        on(
                CertificateClaimed.class,
                e -> said(
                        "Certificate claimed for qualification " + e.qualificationCode() + ", holder name "
                                + e.holderName(),
                        null));
        on(
                CertificateIssued.class,
                e -> said(
                        "Certificate " + e.certificateNumber() + " issued for qualification " + e.qualificationCode()
                                + " to " + e.holderName() + " on " + text(e.issuedOn()),
                        null));
        on(ClaimRejected.class, e -> said("Certificate claim rejected", e.reason()));
        on(
                CertificateReplaced.class,
                e -> said(
                        "Certificate " + e.replacedNumber() + " replaced by " + e.certificateNumber() + ", holder name "
                                + e.holderName(),
                        e.reason()));
        on(
                CertificateRevoked.class,
                e -> said("Certificate " + e.certificateNumber() + " revoked on " + text(e.revokedOn()), e.reason()));
        // fair access
        on(
                AccessArrangementRequested.class,
                e -> said(
                        "Access arrangement requested: " + arrangement(e.kind(), e.extraTimePercent())
                                + (e.evidence() == null
                                        ? ""
                                        : ", with evidence file " + e.evidence().fileName()),
                        e.reason()));
        on(
                AccessArrangementApproved.class,
                e -> said(
                        "Access arrangement approved: " + arrangement(e.kind(), e.extraTimePercent())
                                + (e.automatically()
                                        ? ", automatically under the published policy, when requested"
                                        : ""),
                        e.reason()));
        on(
                AccessArrangementRejected.class,
                e -> said("Access arrangement rejected: " + arrangement(e.kind(), null), e.reason()));
        on(
                AccessArrangementWithdrawn.class,
                e -> said("Access arrangement withdrawn: " + arrangement(e.kind(), null), e.reason()));
        on(
                SpecialConsiderationApplied.class,
                e -> said(
                        "Special consideration applied for, for the attempt at " + e.assessmentCode() + " ("
                                + words(e.circumstance()) + ")"
                                + (e.evidence() == null
                                        ? ""
                                        : ", with evidence file " + e.evidence().fileName()),
                        e.description()));
        on(
                SpecialConsiderationDecided.class,
                e -> said("Special consideration decided: " + words(e.decision()), e.reason()));
        on(
                ResultEnquiryRaised.class,
                e -> said(
                        "Enquiry raised about the result of " + e.assessmentCode() + " (" + words(e.outcome()) + ", "
                                + e.score() + " of " + e.maxScore() + ")",
                        e.reasons()));
        on(
                ClericalReCheckCompleted.class,
                e -> said(
                        "Clerical re-check " + words(e.result()) + " the result: " + words(e.outcome()) + ", "
                                + e.score() + " of " + e.maxScore(),
                        null));
        on(AppealLodged.class, e -> said("Appeal lodged", e.reasons()));
        on(
                AppealDecided.class,
                e -> said(
                        "Appeal " + words(e.decision()) + ": result " + words(e.outcome()) + ", score " + e.score(),
                        e.reason()));
        on(
                IncidentRecorded.class,
                e -> said(
                        "Incident recorded in the examination room (" + words(e.kind()) + "), which happened at "
                                + time(e.occurredAt()),
                        e.description()));
        // the ePortfolio
        on(
                AssessorAssigned.class,
                e -> said("The assessor with PIN " + e.assessorPin() + " assigned to the portfolio", e.reason()));
        on(IqaAssigned.class, e -> said("The IQA with PIN " + e.iqaPin() + " assigned to the portfolio", null));
        on(
                EvidenceUploaded.class,
                e -> said(
                        "Evidence " + e.evidenceId() + " version " + e.version() + " (file " + e.fileName()
                                + ") uploaded for unit " + e.unitCode()
                                + (e.uploadedBy() == UploadedBy.ASSESSOR_ON_BEHALF
                                        ? " by the assessor on the candidate's behalf"
                                        : ""),
                        e.description()));
        on(
                EvidenceJudged.class,
                e -> said(
                        "Evidence " + e.evidenceId() + " version " + e.version() + " judged by the assessor with PIN "
                                + e.assessorPin() + ": "
                                + criteriaMet(e.criteria()),
                        e.feedback()));
        on(
                UnitSignedOff.class,
                e -> said(
                        "Unit " + e.unitCode() + " signed off by the assessor with PIN " + e.assessorPin()
                                + (e.sampled() ? ", drawn for the IQA's sample" : ""),
                        null));
        on(
                UnitSampleAgreed.class,
                e -> said(
                        "The IQA with PIN " + e.iqaPin() + " agreed the sign-off of unit " + e.unitCode(),
                        e.feedback()));
        on(
                UnitSentBack.class,
                e -> said("The IQA with PIN " + e.iqaPin() + " sent unit " + e.unitCode() + " back", e.feedback()));
        // the user's account
        on(
                UserCreated.class,
                e -> said(
                        "Account created with PIN " + e.pin() + " for " + e.name() + " (" + e.email() + "), roles "
                                + roles(e.roles())
                                + (e.centreId() == null ? "" : ", at centre " + e.centreId()),
                        null));
        on(
                UserDetailsAmended.class,
                e -> said(
                        "Details amended: name from " + e.oldName() + " to " + e.name() + ", email from " + e.oldEmail()
                                + " to " + e.email(),
                        e.reason()));
        on(
                UserRolesChanged.class,
                e -> said("Roles changed from " + roles(e.oldRoles()) + " to " + roles(e.roles()), e.reason()));
        on(UserDeactivated.class, e -> said("Account deactivated", e.reason()));
        on(
                UserErased.class,
                e -> said(
                        "Personal data erased and the account closed (legal basis: " + e.legalBasis() + ")",
                        e.reason()));
        on(UserReactivated.class, e -> said("Account reactivated", e.reason()));
        on(UserSignedIn.class, e -> said("Signed in", null));
        on(UserSignedOut.class, e -> said("Signed out", null));
        on(SignInFailed.class, e -> said("A sign-in failed (" + e.failuresInARow() + " in a row)", null));
        on(UserLockedOut.class, e -> said("Locked out of signing in until " + time(e.until()), null));
        on(PasswordResetRequested.class, e -> said("A password reset was asked for", null));
        on(PasswordSet.class, e -> said("Password set (" + words(e.how()) + ")", null));
        on(
                NotificationPreferencesChanged.class,
                e -> said(
                        "Notification preferences changed: "
                                + (e.turnedOff().isEmpty()
                                        ? "every notice turned on"
                                        : "turned off " + String.join(", ", e.turnedOff())),
                        null));
        on(
                SubjectAccessExported.class,
                e -> said(
                        "Everything held about them exported (" + e.format().toUpperCase(Locale.ROOT) + ")",
                        e.reason()));
    }

    private SubjectAccessSentences() {}

    /** What the event says, with its reason; {@code shared}: an incident of several candidates, said without its description. */
    static Said of(Object event, boolean shared) {
        Function<Object, Said> sentence = SENTENCES.get(event.getClass());
        Said said = sentence == null ? said(words(event.getClass().getSimpleName()), null) : sentence.apply(event);
        return shared ? new Said(said.what(), null) : said;
    }

    /** The event's type in words: {@code CandidateNameAmended} reads "Candidate name amended". */
    static String words(String typeName) {
        String spaced = typeName.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ").toLowerCase(Locale.ROOT);
        return spaced.isEmpty() ? spaced : Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    static String time(Instant instant) {
        return instant == null ? "(not recorded)" : TIME.format(instant);
    }

    private static Said said(String what, String why) {
        return new Said(what, why == null || why.isBlank() ? null : why.strip());
    }

    private static String words(Enum<?> value) {
        return value == null ? "(none)" : value.name().replace('_', ' ').toLowerCase(Locale.ROOT);
    }

    private static String name(String first, String last) {
        return (orNone(first) + " " + orNone(last)).strip();
    }

    private static String text(Object value) {
        return value == null ? "(none)" : value.toString();
    }

    private static String orNone(String value) {
        return value == null || value.isBlank() ? "(none)" : value;
    }

    private static String percent(double percent) {
        return String.format(Locale.UK, "%.1f %%", percent);
    }

    private static String arrangement(ArrangementKind kind, Integer extraTimePercent) {
        return words(kind) + (extraTimePercent == null ? "" : " (" + extraTimePercent + " %)");
    }

    private static String criteriaMet(List<EvidenceJudged.CriterionJudgement> criteria) {
        List<EvidenceJudged.CriterionJudgement> judged = criteria == null ? List.of() : criteria;
        long met =
                judged.stream().filter(EvidenceJudged.CriterionJudgement::met).count();
        return met + " of " + judged.size() + " criteria met";
    }

    private static String adjustments(AccessArrangementsApplied e) {
        List<String> applied = new java.util.ArrayList<>();
        if (e.extraTimePercent() > 0) {
            applied.add(e.extraTimePercent() + " % extra time");
        }
        if (e.restBreaks()) {
            applied.add("rest breaks");
        }
        if (e.reader()) {
            applied.add("a reader");
        }
        if (e.screenReader()) {
            applied.add("a screen reader");
        }
        if (e.textSize() != null) {
            applied.add(words(e.textSize()) + " text");
        }
        if (e.colourScheme() != null) {
            applied.add(words(e.colourScheme()) + " colours");
        }
        if (e.separateRoom()) {
            applied.add("a separate room");
        }
        return applied.isEmpty() ? "none" : String.join(", ", applied);
    }

    private static String roles(Collection<Role> roles) {
        return roles == null || roles.isEmpty()
                ? "(none)"
                : roles.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }

    /** The types this class has a sentence for (its test checks that each reads well). */
    static List<Class<?>> types() {
        return List.copyOf(SENTENCES.keySet());
    }
}
