package org.awardinghub.query;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.appeal.AppealDecided;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ClericalReCheckCompleted;
import org.awardinghub.events.appeal.ReCheckOutcome;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.AccessArrangementWithdrawn;
import org.awardinghub.events.arrangement.ArrangementEvidence;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ArrangementStatus;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.AttemptResumed;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.PauseKind;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateCertificateRevoked;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.consideration.Circumstance;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
import org.awardinghub.events.portfolio.AssessorAssigned;
import org.awardinghub.events.portfolio.EvidenceJudged;
import org.awardinghub.events.portfolio.EvidenceJudged.CriterionJudgement;
import org.awardinghub.events.portfolio.EvidenceUploaded;
import org.awardinghub.events.portfolio.UnitSampleAgreed;
import org.awardinghub.events.portfolio.UnitSentBack;
import org.awardinghub.events.portfolio.UnitSignedOff;
import org.awardinghub.events.portfolio.UploadedBy;
import org.awardinghub.events.qualification.QualificationPublished;
import org.awardinghub.query.History.Recorded;

/**
 * Two candidates' records in every context that copies a candidate's personal data into a read model, and the
 * erasure of the first ({@value #ERASED}) at the end (ADR 0165). {@value #KEPT} is kept: nothing of theirs may change.
 *
 * <pre>
 * k1 Zoë Quiller, born 2001-02-03, ULN 1000000001, at c1 on EPF; k2 Ann Smith at c1
 * k1 sits a1: paused ("felt faint"), resumed, submitted (a FAIL); k2's a3 is voided ("fire alarm")
 * k1 amended after the result: name Zoë → Zoey (the last name carried unchanged), date of birth, ULN,
 *    qualification, transferred to c2 and back, withdrawn and reinstated — each with its reason
 * k1's a1: an enquiry ("marks seem low"), re-checked, appealed and upheld, the outcome changed to a PASS
 * k1's a2 is voided, the reason in the metadata only (an event of before voids carried one)
 * k1's access arrangements: extra time with a report (approved, then withdrawn), a reader (rejected); k2's a reader
 * k1's special consideration with a letter, decided; k2's an illness, pending
 * k1's claims: q1 rejected; q2 issued, its certificate replaced (name corrected) and the replacement revoked
 * k1's portfolio: U1 evidence judged, signed off, sampled and agreed; U2 evidence judged, signed off, sent back
 * k2's claim q3 issued; k2's portfolio: U1 evidence
 * k1 erased
 * </pre>
 */
public final class ErasureStory {

    public static final String ERASED = "k1";
    public static final String KEPT = "k2";
    public static final Instant START = Instant.parse("2026-02-02T09:00:00Z");

    public static final String REGISTRATION_NUMBER = "Q7M2K9XA";
    public static final String KEPT_REGISTRATION_NUMBER = "B4N8R3TZ";
    public static final String ULN = "1000000001";
    public static final String AMENDED_ULN = "1000000019";
    public static final String QUALIFICATION = "EPF";
    public static final String ASSESSMENT = "EPF-A";
    /** k1's certificate that was replaced, its replacement (revoked), and k2's. */
    public static final String FIRST_CERTIFICATE = "C1111111AA";

    public static final String REPLACEMENT_CERTIFICATE = "C2222222BB";
    public static final String KEPT_CERTIFICATE = "C3333333CC";
    public static final String EVIDENCE_SHA = "a".repeat(64);
    public static final String LETTER_SHA = "b".repeat(64);
    public static final String PORTFOLIO_SHA = "c".repeat(64);
    public static final String KEPT_PORTFOLIO_SHA = "d".repeat(64);

    private static final String IMI = "90000001";
    private static final String COORDINATOR = "10000001";
    private static final String INVIGILATOR = "20000001";
    private static final String ASSESSOR = "30000001";
    private static final String IQA = "40000001";

    private ErasureStory() {}

    /** Every event before the erasure. */
    public static List<Recorded> beforeErasure() {
        List<Recorded> all = events();
        return all.subList(0, all.size() - 1);
    }

    /** The erasure of {@value #ERASED}, the last event. */
    public static Recorded erasure() {
        List<Recorded> all = events();
        return all.get(all.size() - 1);
    }

    public static List<Recorded> events() {
        History history = new History(START);
        history.then(
                QUALIFICATION,
                new QualificationPublished(
                        QUALIFICATION,
                        "Diagnostics",
                        3,
                        List.of(
                                new QualificationPublished.Unit(
                                        "U1",
                                        "Inspection",
                                        List.of(new QualificationPublished.Criterion("1.1", "inspects")),
                                        true),
                                new QualificationPublished.Unit(
                                        "U2",
                                        "Repair",
                                        List.of(new QualificationPublished.Criterion("2.1", "repairs")),
                                        true)),
                        List.of()),
                by(IMI, null));
        history.then(
                ERASED,
                new CandidateRegistered(
                        ERASED,
                        "c1",
                        REGISTRATION_NUMBER,
                        "Zoë",
                        "Quiller",
                        LocalDate.of(2001, 2, 3),
                        ULN,
                        QUALIFICATION,
                        LocalDate.of(2026, 1, 12),
                        LocalDate.of(2026, 2, 2),
                        false,
                        false),
                by(COORDINATOR, "registered at the open day"));
        history.then(
                KEPT,
                new CandidateRegistered(
                        KEPT,
                        "c1",
                        KEPT_REGISTRATION_NUMBER,
                        "Ann",
                        "Smith",
                        LocalDate.of(1999, 9, 9),
                        "1000000027",
                        QUALIFICATION,
                        LocalDate.of(2026, 1, 12),
                        LocalDate.of(2026, 2, 2),
                        false,
                        false),
                by(COORDINATOR, null));
        attempt(history, "a1", ERASED, REGISTRATION_NUMBER, 1);
        history.then(
                "a1",
                new AttemptPaused("a1", ERASED, "c1", PauseKind.REST_BREAK, "felt faint", "u-inv", INVIGILATOR, at(12)),
                by(INVIGILATOR, null));
        history.then(
                "a1",
                new AttemptResumed("a1", ERASED, "c1", "u-inv", INVIGILATOR, at(14), 120_000, at(72)),
                by(INVIGILATOR, null));
        history.then("a1", submitted("a1", ERASED, 12, Outcome.FAIL), Map.of());
        attempt(history, "a3", KEPT, KEPT_REGISTRATION_NUMBER, 1);
        history.then(
                "a3",
                new AttemptVoided("a3", KEPT, "c1", ASSESSMENT, AttemptStatus.STARTED, null, "fire alarm"),
                by(IMI, "fire alarm"));

        history.then(
                ERASED,
                new CandidateNameAmended(ERASED, "c1", "Zoë", "Quiller", "Zoey", "Quiller", "deed poll"),
                by(COORDINATOR, "deed poll"));
        history.then(
                ERASED,
                new CandidateDateOfBirthAmended(
                        ERASED, "c1", LocalDate.of(2001, 2, 3), LocalDate.of(2001, 3, 2), "typo in the date"),
                by(COORDINATOR, "typo in the date"));
        history.then(
                ERASED,
                new CandidateUlnAmended(ERASED, "c1", ULN, AMENDED_ULN, "ULN corrected"),
                by(COORDINATOR, "ULN corrected"));
        history.then(
                ERASED,
                new CandidateQualificationAmended(ERASED, "c1", QUALIFICATION, "MV3", "changed course"),
                by(COORDINATOR, "changed course"));
        history.then(
                ERASED,
                new CandidateQualificationAmended(ERASED, "c1", "MV3", QUALIFICATION, "changed back"),
                by(COORDINATOR, "changed back"));
        history.then(ERASED, new CandidateTransferred(ERASED, "c1", "c2", "moved house"), by(IMI, "moved house"));
        history.then(ERASED, new CandidateTransferred(ERASED, "c2", "c1", "moved back"), by(IMI, "moved back"));
        history.then(ERASED, new CandidateWithdrawn(ERASED, "c1", "left for a while"), by(COORDINATOR, null));
        history.then(ERASED, new CandidateReinstated(ERASED, "c1", "back again"), by(COORDINATOR, "back again"));
        history.then(
                KEPT,
                new CandidateNameAmended(KEPT, "c1", "Ann", "Smith", "Anne", "Smith", "spelling"),
                by(COORDINATOR, "spelling"));

        history.then(
                "e1",
                new ResultEnquiryRaised(
                        "e1",
                        "a1",
                        ERASED,
                        "c1",
                        QUALIFICATION,
                        ASSESSMENT,
                        Outcome.FAIL,
                        12,
                        30,
                        "marks seem low",
                        "u-coord",
                        COORDINATOR,
                        at(200)),
                by(COORDINATOR, null));
        history.then(
                "e1",
                new ClericalReCheckCompleted(
                        "e1",
                        "a1",
                        ERASED,
                        "c1",
                        ReCheckOutcome.CONFIRMED,
                        Outcome.FAIL,
                        Outcome.FAIL,
                        12,
                        12,
                        30,
                        40.0,
                        at(210)),
                by(IMI, null));
        history.then(
                "e1",
                new AppealLodged("e1", "a1", ERASED, "c1", "re-check missed a page", "u-coord", COORDINATOR, at(220)),
                by(COORDINATOR, null));
        history.then(
                "e1",
                new AppealDecided(
                        "e1",
                        "a1",
                        ERASED,
                        "c1",
                        AppealDecision.UPHELD,
                        Outcome.FAIL,
                        Outcome.PASS,
                        12,
                        20,
                        "page 3 was unmarked",
                        "u-imi",
                        IMI,
                        at(230)),
                by(IMI, null));
        history.then(
                "a1",
                new AttemptOutcomeChanged(
                        "a1",
                        ERASED,
                        "c1",
                        QUALIFICATION,
                        ASSESSMENT,
                        Outcome.FAIL,
                        Outcome.PASS,
                        12,
                        20,
                        66.7,
                        "page 3 was unmarked",
                        "e1"),
                by(IMI, null));
        attempt(history, "a2", ERASED, REGISTRATION_NUMBER, 2);
        history.then(
                "a2",
                new AttemptVoided("a2", ERASED, "c1", ASSESSMENT, AttemptStatus.STARTED, null, null),
                by(IMI, "phone in the room"));

        history.then(
                "r1",
                new AccessArrangementRequested(
                        "r1",
                        ERASED,
                        "c1",
                        ArrangementKind.EXTRA_TIME,
                        25,
                        null,
                        null,
                        "dyslexia report",
                        new ArrangementEvidence("report-zoe.pdf", "application/pdf", 2048, EVIDENCE_SHA),
                        "u-coord",
                        COORDINATOR,
                        at(300)),
                by(COORDINATOR, null));
        history.then(
                "r1",
                new AccessArrangementApproved(
                        "r1",
                        ERASED,
                        "c1",
                        ArrangementKind.EXTRA_TIME,
                        25,
                        null,
                        null,
                        false,
                        "the report suffices",
                        "u-imi",
                        IMI,
                        at(310)),
                by(IMI, null));
        history.then(
                "r1",
                new AccessArrangementWithdrawn(
                        "r1",
                        ERASED,
                        "c1",
                        ArrangementKind.EXTRA_TIME,
                        ArrangementStatus.APPROVED,
                        "no longer needed",
                        false,
                        "u-coord",
                        COORDINATOR,
                        at(320)),
                by(COORDINATOR, null));
        history.then(
                "r2",
                new AccessArrangementRequested(
                        "r2",
                        ERASED,
                        "c1",
                        ArrangementKind.READER,
                        null,
                        null,
                        null,
                        "sprained wrist",
                        null,
                        "u-coord",
                        COORDINATOR,
                        at(330)),
                by(COORDINATOR, null));
        history.then(
                "r2",
                new AccessArrangementRejected(
                        "r2",
                        ERASED,
                        "c1",
                        ArrangementKind.READER,
                        "a reader does not help a wrist",
                        "u-imi",
                        IMI,
                        at(340)),
                by(IMI, null));
        history.then(
                "r3",
                new AccessArrangementRequested(
                        "r3",
                        KEPT,
                        "c1",
                        ArrangementKind.READER,
                        null,
                        null,
                        null,
                        "reads slowly",
                        null,
                        "u-coord",
                        COORDINATOR,
                        at(350)),
                by(COORDINATOR, null));

        history.then(
                "s1",
                new SpecialConsiderationApplied(
                        "s1",
                        "a1",
                        ERASED,
                        "c1",
                        QUALIFICATION,
                        ASSESSMENT,
                        Circumstance.BEREAVEMENT,
                        null,
                        "her grandmother died the week before",
                        new SpecialConsiderationApplied.Evidence("letter-zoe.pdf", "application/pdf", 1024, LETTER_SHA),
                        "u-coord",
                        COORDINATOR,
                        at(400)),
                by(COORDINATOR, null));
        history.then(
                "s1",
                new SpecialConsiderationDecided(
                        "s1",
                        "a1",
                        ERASED,
                        "c1",
                        ASSESSMENT,
                        ConsiderationDecision.NOTE_ON_RECORD,
                        "noted with sympathy",
                        "u-imi",
                        IMI,
                        at(410)),
                by(IMI, null));
        history.then(
                "s2",
                new SpecialConsiderationApplied(
                        "s2",
                        "a3",
                        KEPT,
                        "c1",
                        QUALIFICATION,
                        ASSESSMENT,
                        Circumstance.ILLNESS,
                        null,
                        "flu on the day",
                        null,
                        "u-coord",
                        COORDINATOR,
                        at(420)),
                by(COORDINATOR, null));

        history.then("q1", claimed("q1", ERASED, REGISTRATION_NUMBER, "Zoey Quiller", 500), by(COORDINATOR, null));
        history.then(
                "q1",
                new ClaimRejected("q1", ERASED, "c1", QUALIFICATION, "unit 2 not signed off"),
                by(IMI, "unit 2 not signed off"));
        history.then("q2", claimed("q2", ERASED, REGISTRATION_NUMBER, "Zoey Quiller", 520), by(COORDINATOR, null));
        history.then(
                "q2",
                new CertificateIssued(
                        "q2",
                        ERASED,
                        "c1",
                        QUALIFICATION,
                        FIRST_CERTIFICATE,
                        "Zoey Quiller",
                        LocalDate.of(2026, 3, 1),
                        at(5),
                        true),
                by(IMI, null));
        history.then(
                ERASED, new CandidateCertificated(ERASED, "c1", "q2", QUALIFICATION, FIRST_CERTIFICATE), by(IMI, null));
        history.then(
                "q2",
                new CertificateReplaced(
                        "q2",
                        ERASED,
                        "c1",
                        QUALIFICATION,
                        FIRST_CERTIFICATE,
                        REPLACEMENT_CERTIFICATE,
                        "Zoey Quiller-Smyth",
                        LocalDate.of(2026, 3, 5),
                        "name corrected on the certificate"),
                by(IMI, "name corrected on the certificate"));
        history.then(
                "q2",
                new CertificateRevoked(
                        "q2",
                        ERASED,
                        "c1",
                        QUALIFICATION,
                        REPLACEMENT_CERTIFICATE,
                        LocalDate.of(2026, 3, 9),
                        "copied answers"),
                by(IMI, "copied answers"));
        history.then(
                ERASED,
                new CandidateCertificateRevoked(ERASED, "c1", "q2", REPLACEMENT_CERTIFICATE, "copied answers"),
                by(IMI, "copied answers"));
        history.then("q3", claimed("q3", KEPT, KEPT_REGISTRATION_NUMBER, "Anne Smith", 560), by(COORDINATOR, null));
        history.then(
                "q3",
                new CertificateIssued(
                        "q3",
                        KEPT,
                        "c1",
                        QUALIFICATION,
                        KEPT_CERTIFICATE,
                        "Anne Smith",
                        LocalDate.of(2026, 3, 10),
                        at(6),
                        true),
                by(IMI, null));

        String portfolio = "portfolio-" + ERASED;
        history.then(
                portfolio,
                new AssessorAssigned(
                        ERASED, "c1", QUALIFICATION, "u-assessor", ASSESSOR, null, "her first assessor left"),
                by(COORDINATOR, "her first assessor left"));
        history.then(
                portfolio,
                uploaded(ERASED, "ev1", "U1", "photo of Zoey's brake repair", "brakes-zoe.jpg", PORTFOLIO_SHA, 600),
                by(ASSESSOR, null));
        history.then(portfolio, judged(ERASED, "ev1", "U1", "1.1", "good work, Zoey", 610), by(ASSESSOR, null));
        history.then(portfolio, signedOff(ERASED, "U1", 620), by(ASSESSOR, null));
        history.then(
                portfolio,
                new UnitSampleAgreed(
                        ERASED, "c1", "U1", ASSESSOR, "u-iqa", IQA, "sample agreed with Zoey's tutor", at(630)),
                by(IQA, null));
        history.then(
                portfolio,
                uploaded(ERASED, "ev2", "U2", "Zoey's repair log", "log-zoe.pdf", EVIDENCE_SHA, 640),
                by(ASSESSOR, null));
        history.then(portfolio, judged(ERASED, "ev2", "U2", "2.1", "log complete", 650), by(ASSESSOR, null));
        history.then(portfolio, signedOff(ERASED, "U2", 660), by(ASSESSOR, null));
        history.then(
                portfolio,
                new UnitSentBack(ERASED, "c1", "U2", ASSESSOR, "u-iqa", IQA, "the log names the wrong car", at(670)),
                by(IQA, null));
        history.then(
                "portfolio-" + KEPT,
                uploaded(KEPT, "ev3", "U1", "Anne's inspection sheet", "sheet-anne.pdf", KEPT_PORTFOLIO_SHA, 680),
                by(ASSESSOR, null));

        history.then(
                ERASED,
                new CandidateErased(
                        ERASED,
                        "c1",
                        REGISTRATION_NUMBER,
                        "retention period over",
                        "UK GDPR Article 17(1)(a)",
                        at(1000)),
                by(IMI, "retention period over"));
        return history.events();
    }

    /** The metadata a command of the acting PIN carries, with the reason it gave (null: none). */
    public static Map<String, Object> by(String pin, String reason) {
        return reason == null
                ? Map.of(AuditMetadata.ACTOR_PIN, pin, AuditMetadata.ACTOR_USER_ID, "u-" + pin)
                : Map.of(
                        AuditMetadata.ACTOR_PIN,
                        pin,
                        AuditMetadata.ACTOR_USER_ID,
                        "u-" + pin,
                        AuditMetadata.REASON,
                        reason);
    }

    private static Instant at(int minutes) {
        return START.plus(Duration.ofMinutes(minutes));
    }

    private static void attempt(History history, String attemptId, String candidateId, String number, int attempt) {
        history.then(
                attemptId,
                new AttemptOpened(
                        attemptId,
                        candidateId,
                        number,
                        "c1",
                        QUALIFICATION,
                        ASSESSMENT,
                        attempt,
                        1,
                        60,
                        50,
                        "u-inv",
                        INVIGILATOR,
                        at(attempt * 2),
                        at(attempt * 2 + 30)),
                by(INVIGILATOR, null));
        history.then(
                attemptId,
                new AttemptStarted(
                        attemptId,
                        candidateId,
                        "c1",
                        ASSESSMENT,
                        at(10),
                        at(70),
                        7,
                        List.of(new AttemptStarted.Question(
                                "q1",
                                "i1",
                                "Which tool?",
                                List.of(
                                        new AttemptStarted.Option("A", 0, "Spanner"),
                                        new AttemptStarted.Option("B", 1, "Hammer"))))),
                Map.of(AuditMetadata.ACTOR_REGISTRATION_NUMBER, number));
    }

    private static AttemptSubmitted submitted(String attemptId, String candidateId, int score, Outcome outcome) {
        return new AttemptSubmitted(
                attemptId,
                candidateId,
                "c1",
                QUALIFICATION,
                ASSESSMENT,
                SubmittedBy.CANDIDATE,
                at(10),
                at(72),
                at(50),
                score,
                30,
                score * 100.0 / 30,
                50,
                outcome,
                List.of(new AttemptSubmitted.Mark("q1", "i1", "A", 0, 2, true)),
                AttemptSubmitted.AnswerChanges.NONE);
    }

    private static CertificateClaimed claimed(
            String claimId, String candidateId, String registrationNumber, String holderName, int minutes) {
        return new CertificateClaimed(
                claimId,
                candidateId,
                registrationNumber,
                "c1",
                QUALIFICATION,
                holderName,
                true,
                List.of(ASSESSMENT),
                "u-coord",
                COORDINATOR,
                at(minutes));
    }

    private static EvidenceUploaded uploaded(
            String candidateId,
            String evidenceId,
            String unitCode,
            String description,
            String fileName,
            String sha256,
            int minutes) {
        return new EvidenceUploaded(
                candidateId,
                "c1",
                QUALIFICATION,
                evidenceId,
                1,
                unitCode,
                List.of(unitCode.equals("U1") ? "1.1" : "2.1"),
                description,
                fileName,
                "image/jpeg",
                4096,
                sha256,
                "u-assessor",
                ASSESSOR,
                UploadedBy.ASSESSOR_ON_BEHALF,
                at(minutes));
    }

    private static EvidenceJudged judged(
            String candidateId, String evidenceId, String unitCode, String criterion, String feedback, int minutes) {
        return new EvidenceJudged(
                candidateId,
                "c1",
                evidenceId,
                1,
                unitCode,
                List.of(new CriterionJudgement(criterion, true)),
                feedback,
                "u-assessor",
                ASSESSOR,
                at(minutes));
    }

    private static UnitSignedOff signedOff(String candidateId, String unitCode, int minutes) {
        return new UnitSignedOff(
                candidateId, "c1", QUALIFICATION, unitCode, "u-assessor", ASSESSOR, 1, 100, true, at(minutes));
    }
}
