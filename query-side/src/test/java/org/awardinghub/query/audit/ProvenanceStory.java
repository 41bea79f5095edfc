package org.awardinghub.query.audit;

import static org.awardinghub.query.audit.AuditStory.candidate;
import static org.awardinghub.query.audit.AuditStory.staff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStarted.Option;
import org.awardinghub.events.assessment.AttemptStarted.Question;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.DirectClaimStatusRemoved;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.portfolio.AssessorAssigned;
import org.awardinghub.events.portfolio.EvidenceJudged;
import org.awardinghub.events.portfolio.EvidenceUploaded;
import org.awardinghub.events.portfolio.IqaAssigned;
import org.awardinghub.events.portfolio.UnitSampleAgreed;
import org.awardinghub.events.portfolio.UnitSignedOff;
import org.awardinghub.events.portfolio.UploadedBy;

/**
 * The history of a certificated candidate k1, with another candidate k2 beside them, for the provenance tests:
 *
 * <pre>
 *  1 Centre c1 applied                      17 Attempt a4 started
 *  2 Centre c1 approved, no DCS             18 Attempt a4 submitted: PASS
 *  3 Candidate k1 registered on LV3         19 Portfolio k1: assessor 30000001 assigned
 *  4 Candidate k2 registered on LV3         20 Portfolio k1: IQA 40000001 assigned
 *  5 Attempt a1 opened: k1 LV01-MC #1       21 Portfolio k1: evidence uploaded for U1
 *  6 Attempt a1 started: items i1, i2       22 Portfolio k1: evidence judged for U1
 *  7 Attempt a1 answer                      23 Portfolio k1: U1 signed off, sampled
 *  8 Attempt a1 submitted: FAIL             24 Portfolio k1: U1 sample agreed
 *  9 Attempt x1 opened: k2 LV01-MC          25 Centre c1 granted Direct Claim Status
 * 10 Candidate k1 name amended              26 Portfolio k2: assessor assigned
 * 11 Attempt a2 opened: k1 LV01-MC #2       27 Claim cl1 claimed: achieved by a2, a4
 * 12 Attempt a2 started: items i1, i3       28 Claim cl1 certificate CERTIFICATE issued
 * 13 Attempt a2 submitted: PASS             29 Candidate k1 certificated
 * 14 Attempt a3 opened: k1 LV02-MC #1       30 Candidate k1 name amended again
 * 15 Attempt a3 voided                      31 Centre c1 Direct Claim Status removed
 * 16 Attempt a4 opened: k1 LV02-MC #2       32 Attempt a5 opened: k1 LV01-MC #3
 * </pre>
 *
 * The certificate rests on positions {@link #RESTS_ON}; the others are before the claim's centre status was set,
 * another candidate's, or after the certificate.
 */
final class ProvenanceStory {

    static final String CERTIFICATE = "C7KQ3MZ9BX";
    static final List<Long> RESTS_ON = List.of(
            3L, 5L, 6L, 7L, 8L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 21L, 22L, 23L, 24L, 25L, 27L,
            28L);

    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final String ADMIN = "10000001";
    private static final String IMI = "90000001";
    private static final String ASSESSOR = "30000001";
    private static final String IQA = "40000001";

    private ProvenanceStory() {}

    static AuditHistory history() {
        return new AuditHistory(START)
                .then(
                        "Centre",
                        "c1",
                        new CentreApplied("c1", "Hertford College", "1 High St", "c1@example.org"),
                        staff(IMI, null, null))
                .then("Centre", "c1", new CentreApproved("c1", "C0001", List.of("LV3"), false), staff(IMI, null, null))
                .then("Candidate", "k1", registered("k1", "Q7M2K9XA", "Ann"), staff(ADMIN, "c1", null))
                .then("Candidate", "k2", registered("k2", "B4N8R3TZ", "Ben"), staff(ADMIN, "c1", null))
                .then("Attempt", "a1", opened("a1", "k1", "LV01-MC", 1, "20000001", 60), staff("20000001", "c1", null))
                .then("Attempt", "a1", started("a1", "k1", "LV01-MC", "i1", "i2"), candidate("Q7M2K9XA"))
                .then(
                        "Attempt",
                        "a1",
                        new AnswerChosen("a1", "k1", "c1", "Q1", "i1", "A", 0, null, START),
                        candidate("Q7M2K9XA"))
                .then("Attempt", "a1", submitted("a1", "k1", "LV01-MC", Outcome.FAIL), candidate("Q7M2K9XA"))
                .then("Attempt", "x1", opened("x1", "k2", "LV01-MC", 1, "20000001", 60), staff("20000001", "c1", null))
                .then(
                        "Candidate",
                        "k1",
                        new CandidateNameAmended("k1", "c1", "Ann", "Smith", "Anne", "Smith", "typo"),
                        staff(ADMIN, "c1", "typo"))
                .then("Attempt", "a2", opened("a2", "k1", "LV01-MC", 2, "20000002", 65), staff("20000002", "c1", null))
                .then("Attempt", "a2", started("a2", "k1", "LV01-MC", "i1", "i3"), candidate("Q7M2K9XA"))
                .then("Attempt", "a2", submitted("a2", "k1", "LV01-MC", Outcome.PASS), candidate("Q7M2K9XA"))
                .then("Attempt", "a3", opened("a3", "k1", "LV02-MC", 1, "20000001", 60), staff("20000001", "c1", null))
                .then(
                        "Attempt",
                        "a3",
                        new AttemptVoided("a3", "k1", "c1", "LV02-MC", AttemptStatus.OPENED, null, "wrong room"),
                        staff(IMI, null, "wrong room"))
                .then("Attempt", "a4", opened("a4", "k1", "LV02-MC", 2, "20000001", 60), staff("20000001", "c1", null))
                .then("Attempt", "a4", started("a4", "k1", "LV02-MC", "i4", "i5"), candidate("Q7M2K9XA"))
                .then("Attempt", "a4", submitted("a4", "k1", "LV02-MC", Outcome.PASS), candidate("Q7M2K9XA"))
                .then(
                        "Portfolio",
                        "portfolio-k1",
                        new AssessorAssigned("k1", "c1", "LV3", "user-" + ASSESSOR, ASSESSOR, null, null),
                        staff(ADMIN, "c1", null))
                .then(
                        "Portfolio",
                        "portfolio-k1",
                        new IqaAssigned("k1", "c1", "LV3", "user-" + IQA, IQA, null),
                        staff(ADMIN, "c1", null))
                .then(
                        "Portfolio",
                        "portfolio-k1",
                        new EvidenceUploaded(
                                "k1",
                                "c1",
                                "LV3",
                                "e1",
                                1,
                                "U1",
                                List.of("1.1"),
                                "Log",
                                "log.pdf",
                                "application/pdf",
                                10,
                                "ab",
                                "user-k1",
                                null,
                                UploadedBy.CANDIDATE,
                                START),
                        candidate("Q7M2K9XA"))
                .then(
                        "Portfolio",
                        "portfolio-k1",
                        new EvidenceJudged(
                                "k1",
                                "c1",
                                "e1",
                                1,
                                "U1",
                                List.of(new EvidenceJudged.CriterionJudgement("1.1", true)),
                                "Good",
                                "user-" + ASSESSOR,
                                ASSESSOR,
                                START),
                        staff(ASSESSOR, "c1", null))
                .then(
                        "Portfolio",
                        "portfolio-k1",
                        new UnitSignedOff("k1", "c1", "LV3", "U1", "user-" + ASSESSOR, ASSESSOR, 1, 100, true, START),
                        staff(ASSESSOR, "c1", null))
                .then(
                        "Portfolio",
                        "portfolio-k1",
                        new UnitSampleAgreed("k1", "c1", "U1", ASSESSOR, "user-" + IQA, IQA, "Agreed", START),
                        staff(IQA, "c1", null))
                .then("Centre", "c1", new DirectClaimStatusGranted("c1", "good record"), staff(IMI, null, null))
                .then(
                        "Portfolio",
                        "portfolio-k2",
                        new AssessorAssigned("k2", "c1", "LV3", "user-" + ASSESSOR, ASSESSOR, null, null),
                        staff(ADMIN, "c1", null))
                .then(
                        "Claim",
                        "cl1",
                        new CertificateClaimed(
                                "cl1",
                                "k1",
                                "Q7M2K9XA",
                                "c1",
                                "LV3",
                                "Anne Smith",
                                true,
                                List.of("a2", "a4"),
                                "user-" + ADMIN,
                                ADMIN,
                                START),
                        staff(ADMIN, "c1", null))
                .then(
                        "Claim",
                        "cl1",
                        new CertificateIssued(
                                "cl1",
                                "k1",
                                "c1",
                                "LV3",
                                CERTIFICATE,
                                "Anne Smith",
                                LocalDate.of(2026, 3, 2),
                                START,
                                false),
                        staff(ADMIN, "c1", null))
                .then("Candidate", "k1", new CandidateCertificated("k1", "c1", "cl1", "LV3", CERTIFICATE), Map.of())
                .then(
                        "Candidate",
                        "k1",
                        new CandidateNameAmended("k1", "c1", "Anne", "Smith", "Anne", "Smyth", "married"),
                        staff(ADMIN, "c1", "married"))
                .then("Centre", "c1", new DirectClaimStatusRemoved("c1", "sanction"), staff(IMI, null, null))
                .then("Attempt", "a5", opened("a5", "k1", "LV01-MC", 3, "20000001", 65), staff("20000001", "c1", null));
    }

    private static CandidateRegistered registered(String id, String number, String first) {
        return new CandidateRegistered(
                id,
                "c1",
                number,
                first,
                "Smith",
                LocalDate.of(2004, 3, 1),
                null,
                "LV3",
                LocalDate.of(2026, 1, 5),
                LocalDate.of(2026, 1, 6),
                false,
                false);
    }

    private static AttemptOpened opened(
            String id, String candidateId, String assessment, int number, String invigilatorPin, int passPercent) {
        return new AttemptOpened(
                id,
                candidateId,
                "Q7M2K9XA",
                "c1",
                "LV3",
                assessment,
                number,
                2,
                60,
                passPercent,
                "user-" + invigilatorPin,
                invigilatorPin,
                START,
                START.plusSeconds(1800));
    }

    private static AttemptStarted started(
            String id, String candidateId, String assessment, String firstItem, String secondItem) {
        List<Option> options = List.of(new Option("A", 0, "yes"), new Option("B", 1, "no"));
        return new AttemptStarted(
                id,
                candidateId,
                "c1",
                assessment,
                START,
                START.plusSeconds(3600),
                42,
                List.of(
                        new Question("Q1", firstItem, "Stem of " + firstItem, options),
                        new Question(
                                "Q2", secondItem, "Stem of " + secondItem, List.of(options.get(1), options.get(0)))));
    }

    private static AttemptSubmitted submitted(String id, String candidateId, String assessment, Outcome outcome) {
        int score = outcome == Outcome.PASS ? 2 : 0;
        return new AttemptSubmitted(
                id,
                candidateId,
                "c1",
                "LV3",
                assessment,
                SubmittedBy.CANDIDATE,
                START,
                START.plusSeconds(3600),
                START.plusSeconds(600),
                score,
                2,
                score * 50.0,
                60,
                outcome,
                List.of(),
                AttemptSubmitted.AnswerChanges.NONE);
    }
}
