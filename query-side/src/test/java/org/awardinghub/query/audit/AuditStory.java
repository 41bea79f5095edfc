package org.awardinghub.query.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.awardinghub.events.AuditMetadata;
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
import org.awardinghub.events.audit.CaseFrozen;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.hubrequest.HubRequestKind;
import org.awardinghub.events.hubrequest.HubRequestRaised;
import org.awardinghub.events.qualification.PassMarkChanged;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;

/**
 * One history across every aggregate type, with the metadata the API writes, for the audit tests. Positions:
 *
 * <pre>
 *  1 Centre c1 applied                       IMI admin 90000001
 *  2 Candidate k1 registered at c1           centre admin 10000001 (c1)
 *  3 Candidate k2 registered at c1           centre admin 10000001 (c1)
 *  4 Candidate k3 registered at c2           centre admin 10000002 (c2)
 *  5 Attempt a1 opened: k1, c1, LV01-MC      invigilator 20000001 (c1)
 *  6 Attempt a2 opened: k3, c2, LV01-MC      invigilator 20000002 (c2)
 *  7 Attempt a1 started: items i1, i2        candidate k1 (registration number)
 *  8 Attempt a1 answer: item i2              candidate k1
 *  9 Attempt a3 opened: k2, c1, HV2-MC       invigilator 20000001 (c1)
 * 10 Attempt a3 started: items i3, i4        candidate k2
 * 11 Attempt a2 started: items i1, i4        candidate k3
 * 12 Candidate k1 name amended               centre admin 10000001 (c1), reason "typing error"
 * 13 Attempt a1 submitted                    candidate k1
 * 14 Candidate k2 transferred c1 → c2        IMI admin 90000001 (no centre)
 * 15 Claim cl1 claimed for k1 at c1          centre admin 10000001 (c1)
 * 16 User u1 created at c1                   IMI admin 90000001
 * 17 Qualification LV3 pass mark changed     IMI admin 90000001
 * 18 HubRequest r1 raised at c1              centre admin 10000001 (c1)
 * 19 InvestigationCase case1 frozen: candidate k1 and attempt a1 up to 13     auditor 80000001
 * 20 Candidate k1 withdrawn                  centre admin 10000001 (c1)
 * 21 Attempt a1 voided                       IMI admin 90000001, reason "malpractice"
 * </pre>
 */
final class AuditStory {

    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    static final String IMI_ADMIN = "90000001";
    static final String AUDITOR = "80000001";
    static final String ADMIN_C1 = "10000001";
    static final String ADMIN_C2 = "10000002";
    static final String INVIGILATOR_C1 = "20000001";
    static final String INVIGILATOR_C2 = "20000002";
    static final long FROZEN_UP_TO = 13;

    private AuditStory() {}

    /** The time of the event at this position: one minute per event after {@link #START}. */
    static Instant timeOf(long position) {
        return START.plusSeconds(60 * position);
    }

    static AuditHistory history() {
        return new AuditHistory(START)
                .then(
                        "Centre",
                        "c1",
                        new CentreApplied("c1", "Hertford College", "1 High Street", "office@c1.example"),
                        staff(IMI_ADMIN, null, null))
                .then(
                        "Candidate",
                        "k1",
                        registered("k1", "c1", "Q7M2K9XA", "Ann", "Smith"),
                        staff(ADMIN_C1, "c1", null))
                .then(
                        "Candidate",
                        "k2",
                        registered("k2", "c1", "B4N8R3TZ", "Ben", "Jones"),
                        staff(ADMIN_C1, "c1", null))
                .then(
                        "Candidate",
                        "k3",
                        registered("k3", "c2", "H6W9P2DC", "Cara", "Brown"),
                        staff(ADMIN_C2, "c2", null))
                .then(
                        "Attempt",
                        "a1",
                        opened("a1", "k1", "Q7M2K9XA", "c1", "LV01-MC", INVIGILATOR_C1, 5),
                        staff(INVIGILATOR_C1, "c1", null))
                .then(
                        "Attempt",
                        "a2",
                        opened("a2", "k3", "H6W9P2DC", "c2", "LV01-MC", INVIGILATOR_C2, 6),
                        staff(INVIGILATOR_C2, "c2", null))
                .then("Attempt", "a1", started("a1", "k1", "c1", "LV01-MC", 7, "i1", "i2"), candidate("Q7M2K9XA"))
                .then(
                        "Attempt",
                        "a1",
                        new AnswerChosen("a1", "k1", "c1", "Q2", "i2", "B", 1, null, timeOf(8)),
                        candidate("Q7M2K9XA"))
                .then(
                        "Attempt",
                        "a3",
                        opened("a3", "k2", "B4N8R3TZ", "c1", "HV2-MC", INVIGILATOR_C1, 9),
                        staff(INVIGILATOR_C1, "c1", null))
                .then("Attempt", "a3", started("a3", "k2", "c1", "HV2-MC", 10, "i3", "i4"), candidate("B4N8R3TZ"))
                .then("Attempt", "a2", started("a2", "k3", "c2", "LV01-MC", 11, "i1", "i4"), candidate("H6W9P2DC"))
                .then(
                        "Candidate",
                        "k1",
                        new CandidateNameAmended("k1", "c1", "Ann", "Smith", "Anne", "Smith", "typing error"),
                        staff(ADMIN_C1, "c1", "typing error"))
                .then(
                        "Attempt",
                        "a1",
                        new AttemptSubmitted(
                                "a1",
                                "k1",
                                "c1",
                                "LV3",
                                "LV01-MC",
                                SubmittedBy.CANDIDATE,
                                timeOf(7),
                                timeOf(7).plusSeconds(3600),
                                timeOf(13),
                                1,
                                2,
                                50.0,
                                60,
                                Outcome.FAIL,
                                List.of(
                                        new AttemptSubmitted.Mark("Q1", "i1", null, null, 4, false),
                                        new AttemptSubmitted.Mark("Q2", "i2", "B", 1, 4, true)),
                                new AttemptSubmitted.AnswerChanges(1, 1, 0, 0)),
                        candidate("Q7M2K9XA"))
                .then(
                        "Candidate",
                        "k2",
                        new CandidateTransferred("k2", "c1", "c2", "moved house"),
                        staff(IMI_ADMIN, null, "moved house"))
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
                                false,
                                List.of("a1"),
                                "u1",
                                ADMIN_C1,
                                timeOf(15)),
                        staff(ADMIN_C1, "c1", null))
                .then(
                        "User",
                        "u1",
                        new UserCreated(
                                "u1", "10000003", "Dan Green", "dan@c1.example", Set.of(Role.CENTRE_ADMIN), "c1"),
                        staff(IMI_ADMIN, null, null))
                .then(
                        "Qualification",
                        "LV3",
                        new PassMarkChanged("LV3", "LV01-MC", 60, 65, "moderated"),
                        staff(IMI_ADMIN, null, null))
                .then(
                        "HubRequest",
                        "r1",
                        new HubRequestRaised("r1", "c1", HubRequestKind.REQUEST, "EV2 form", "Please send it", "u1"),
                        staff(ADMIN_C1, "c1", null))
                .then(
                        "InvestigationCase",
                        "case1",
                        new CaseFrozen(
                                "case1",
                                "Notes found in LV01-MC",
                                List.of(
                                        new CaseFrozen.RecordRef("candidate", "k1"),
                                        new CaseFrozen.RecordRef("attempt", "a1")),
                                FROZEN_UP_TO,
                                timeOf(19)),
                        staff(AUDITOR, null, "malpractice report"))
                .then(
                        "Candidate",
                        "k1",
                        new CandidateWithdrawn("k1", "c1", "left college"),
                        staff(ADMIN_C1, "c1", "left college"))
                .then(
                        "Attempt",
                        "a1",
                        new AttemptVoided(
                                "a1", "k1", "c1", "LV01-MC", AttemptStatus.SUBMITTED, Outcome.FAIL, "malpractice"),
                        staff(IMI_ADMIN, null, "malpractice"));
    }

    /** Metadata as the API writes it for a signed-in user. */
    static Map<String, Object> staff(String pin, String centreId, String reason) {
        Map<String, Object> metadata = new java.util.HashMap<>();
        metadata.put(AuditMetadata.ACTOR_USER_ID, "user-" + pin);
        metadata.put(AuditMetadata.ACTOR_PIN, pin);
        metadata.put(AuditMetadata.ACTOR_ROLES, List.of("ROLE"));
        if (centreId != null) {
            metadata.put(AuditMetadata.ACTOR_CENTRE_ID, centreId);
        }
        if (reason != null) {
            metadata.put(AuditMetadata.REASON, reason);
        }
        metadata.put(AuditMetadata.CORRELATION_ID, "corr-" + pin);
        metadata.put(AuditMetadata.CLIENT_ADDRESS, "192.0.2.1");
        return metadata;
    }

    /** Metadata as the API writes it for a candidate sitting an assessment: no PIN, their registration number. */
    static Map<String, Object> candidate(String registrationNumber) {
        return Map.of(
                AuditMetadata.ACTOR_REGISTRATION_NUMBER,
                registrationNumber,
                AuditMetadata.CORRELATION_ID,
                "corr-" + registrationNumber,
                AuditMetadata.CLIENT_ADDRESS,
                "198.51.100.7");
    }

    private static CandidateRegistered registered(
            String id, String centreId, String number, String first, String last) {
        return new CandidateRegistered(
                id,
                centreId,
                number,
                first,
                last,
                LocalDate.of(2004, 3, 1),
                null,
                "LV3",
                LocalDate.of(2026, 5, 1),
                LocalDate.of(2026, 5, 20),
                false,
                false);
    }

    private static AttemptOpened opened(
            String id,
            String candidateId,
            String number,
            String centreId,
            String assessment,
            String invigilatorPin,
            long position) {
        return new AttemptOpened(
                id,
                candidateId,
                number,
                centreId,
                "LV3",
                assessment,
                1,
                2,
                60,
                60,
                "user-" + invigilatorPin,
                invigilatorPin,
                timeOf(position),
                timeOf(position).plusSeconds(1800));
    }

    private static AttemptStarted started(
            String id,
            String candidateId,
            String centreId,
            String assessment,
            long position,
            String firstItem,
            String secondItem) {
        List<Option> options = List.of(new Option("A", 0, "yes"), new Option("B", 1, "no"));
        return new AttemptStarted(
                id,
                candidateId,
                centreId,
                assessment,
                timeOf(position),
                timeOf(position).plusSeconds(3600),
                42,
                List.of(
                        new Question("Q1", firstItem, "First?", options),
                        new Question("Q2", secondItem, "Second?", options)));
    }
}
