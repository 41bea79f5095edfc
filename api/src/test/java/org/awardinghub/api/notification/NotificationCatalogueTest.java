package org.awardinghub.api.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.awardinghub.command.notification.NotificationKind;
import org.awardinghub.command.user.UserAccount;
import org.awardinghub.command.user.UserDirectory;
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
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ArrangementStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.consideration.Circumstance;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
import org.awardinghub.events.hubrequest.HubRequestClosed;
import org.awardinghub.events.hubrequest.HubRequestKind;
import org.awardinghub.events.hubrequest.HubRequestRaised;
import org.awardinghub.events.hubrequest.HubRequestReplied;
import org.awardinghub.events.user.Role;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The catalogue and the templates agree: every kind has its one notice and its template, every template is filled
 * whole from its notice's values, and the recipients are the ones the catalogue names, of the event's centre only.
 */
class NotificationCatalogueTest {

    static final String CENTRE = "centre-1";
    static final UserAccount CLAIMANT = new UserAccount(
            "u-claimant", "20000001", "Cat Claimant", "cat@c1.example", Set.of(Role.CENTRE_ADMIN), CENTRE, true);
    static final UserAccount COORDINATOR = new UserAccount(
            "u-coordinator",
            "20000002",
            "Cory Coordinator",
            "cory@c1.example",
            Set.of(Role.CENTRE_COORDINATOR),
            CENTRE,
            true);
    static final UserAccount INVIGILATOR = new UserAccount(
            "u-invigilator", "20000003", "Ivy", "ivy@c1.example", Set.of(Role.INVIGILATOR), CENTRE, true);
    static final UserAccount GONE = new UserAccount(
            "u-gone", "20000004", "Gone", "gone@c1.example", Set.of(Role.CENTRE_COORDINATOR), CENTRE, false);
    static final UserAccount ELSEWHERE = new UserAccount(
            "u-elsewhere", "20000005", "Else", "else@c2.example", Set.of(Role.CENTRE_COORDINATOR), "centre-2", true);

    static final Instant AT = Instant.parse("2026-12-06T10:00:00Z");

    static final List<Object> SAMPLES = List.of(
            new CertificateIssued(
                    "claim-1",
                    "cand-1",
                    CENTRE,
                    "LV2",
                    "C7X4K2P9QD",
                    "Robin Hood",
                    LocalDate.of(2026, 12, 6),
                    Instant.parse("2026-12-06T10:00:00Z"),
                    true),
            new CertificateIssued(
                    "claim-1",
                    "cand-1",
                    CENTRE,
                    "LV2",
                    "C7X4K2P9QD",
                    "Robin Hood",
                    LocalDate.of(2026, 12, 6),
                    Instant.parse("2026-12-06T10:00:00Z"),
                    false),
            new ClaimRejected("claim-1", "cand-1", CENTRE, "LV2", "Evidence missing"),
            new CertificateReplaced(
                    "claim-1",
                    "cand-1",
                    CENTRE,
                    "LV2",
                    "C7X4K2P9QD",
                    "C9Z8Y7X6WV",
                    "Robin Hood",
                    LocalDate.of(2026, 12, 7),
                    "Lost"),
            new CertificateRevoked(
                    "claim-1", "cand-1", CENTRE, "LV2", "C9Z8Y7X6WV", LocalDate.of(2026, 12, 8), "Malpractice"),
            new HubRequestReplied("request-1", CENTRE, 1, "Yes", true, "u-imi"),
            new HubRequestClosed("request-1", CENTRE, "Done"),
            new CentreSanctionImposed(CENTRE, Sanction.REGISTRATIONS, "Under investigation\nsee letter"),
            new CentreSanctionLifted(CENTRE, Sanction.REGISTRATIONS, "Closed"),
            new AccessArrangementApproved(
                    "arrangement-1",
                    "cand-1",
                    CENTRE,
                    ArrangementKind.EXTRA_TIME,
                    50,
                    null,
                    null,
                    false,
                    "Form 8 seen",
                    "u-imi",
                    "90000001",
                    AT),
            new AccessArrangementRejected(
                    "arrangement-1",
                    "cand-1",
                    CENTRE,
                    ArrangementKind.READER,
                    "No need shown",
                    "u-imi",
                    "90000001",
                    AT),
            new AccessArrangementWithdrawn(
                    "arrangement-1",
                    "cand-1",
                    CENTRE,
                    ArrangementKind.SEPARATE_ROOM,
                    ArrangementStatus.APPROVED,
                    "Not supported by the evidence on file",
                    true,
                    "u-imi",
                    "90000001",
                    AT),
            new SpecialConsiderationDecided(
                    "consideration-1",
                    "attempt-1",
                    "cand-1",
                    CENTRE,
                    "LV2-A",
                    ConsiderationDecision.VOID_AND_RESIT,
                    "Fire alarm",
                    "u-imi",
                    "90000001",
                    AT),
            new ClericalReCheckCompleted(
                    "enquiry-1",
                    "attempt-1",
                    "cand-1",
                    CENTRE,
                    ReCheckOutcome.CHANGED,
                    Outcome.FAIL,
                    Outcome.PASS,
                    2,
                    3,
                    4,
                    75.0,
                    AT),
            new AppealDecided(
                    "enquiry-1",
                    "attempt-1",
                    "cand-1",
                    CENTRE,
                    AppealDecision.UPHELD,
                    Outcome.FAIL,
                    Outcome.PASS,
                    2,
                    3,
                    "Item defective",
                    "u-imi",
                    "90000001",
                    AT));

    NotificationSources sources;
    NotificationTemplates templates = new NotificationTemplates();

    @BeforeEach
    void setUp() {
        EmbeddedEventStore events = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        events.publish(
                new GenericDomainEventMessage<>(
                        "Centre", CENTRE, 0, new CentreApplied(CENTRE, "Northgate College", "Leeds", "o@c1.example")),
                new GenericDomainEventMessage<>(
                        "Claim",
                        "claim-1",
                        0,
                        new CertificateClaimed(
                                "claim-1",
                                "cand-1",
                                "10000009",
                                CENTRE,
                                "LV2",
                                "Robin Hood",
                                false,
                                List.of("attempt-1"),
                                CLAIMANT.userId(),
                                CLAIMANT.pin(),
                                Instant.parse("2026-12-01T10:00:00Z"))),
                new GenericDomainEventMessage<>(
                        "HubRequest",
                        "request-1",
                        0,
                        new HubRequestRaised(
                                "request-1",
                                CENTRE,
                                HubRequestKind.REQUEST,
                                "Extra dates",
                                "Please",
                                CLAIMANT.userId())),
                new GenericDomainEventMessage<>(
                        "Candidate",
                        "cand-1",
                        0,
                        new CandidateRegistered(
                                "cand-1",
                                CENTRE,
                                "10000009",
                                "Robyn",
                                "Hood",
                                LocalDate.of(2000, 1, 1),
                                null,
                                "LV2",
                                LocalDate.of(2026, 1, 1),
                                LocalDate.of(2026, 1, 1),
                                false,
                                false)),
                new GenericDomainEventMessage<>(
                        "Candidate",
                        "cand-1",
                        1,
                        new CandidateNameAmended("cand-1", CENTRE, "Robyn", "Hood", "Robin", "Hood", "Typo")),
                new GenericDomainEventMessage<>(
                        "AccessArrangement",
                        "arrangement-1",
                        0,
                        new AccessArrangementRequested(
                                "arrangement-1",
                                "cand-1",
                                CENTRE,
                                ArrangementKind.EXTRA_TIME,
                                50,
                                null,
                                null,
                                "Slow processing",
                                null,
                                CLAIMANT.userId(),
                                CLAIMANT.pin(),
                                AT)),
                new GenericDomainEventMessage<>(
                        "SpecialConsideration",
                        "consideration-1",
                        0,
                        new SpecialConsiderationApplied(
                                "consideration-1",
                                "attempt-1",
                                "cand-1",
                                CENTRE,
                                "LV2",
                                "LV2-A",
                                Circumstance.ILLNESS,
                                null,
                                "Unwell",
                                null,
                                CLAIMANT.userId(),
                                CLAIMANT.pin(),
                                AT)),
                new GenericDomainEventMessage<>(
                        "ResultEnquiry",
                        "enquiry-1",
                        0,
                        new ResultEnquiryRaised(
                                "enquiry-1",
                                "attempt-1",
                                "cand-1",
                                CENTRE,
                                "LV2",
                                "LV2-A",
                                Outcome.FAIL,
                                2,
                                4,
                                "Sure of three",
                                INVIGILATOR.userId(),
                                INVIGILATOR.pin(),
                                AT)),
                new GenericDomainEventMessage<>(
                        "ResultEnquiry",
                        "enquiry-1",
                        1,
                        new AppealLodged(
                                "enquiry-1",
                                "attempt-1",
                                "cand-1",
                                CENTRE,
                                "Two right answers",
                                CLAIMANT.userId(),
                                CLAIMANT.pin(),
                                AT)));
        sources = new NotificationSources(new Directory(), events, "https://hub.example");
    }

    @Test
    void givenEveryKind_whenLookedUp_thenItHasOneNoticeAndATemplate() {
        assertThat(NotificationCatalogue.NOTICES)
                .extracting(Notice::kind)
                .containsExactlyInAnyOrder(NotificationKind.values());
    }

    @Test
    void givenASampleOfEveryNotifiedEvent_whenRendered_thenEveryPlaceholderIsFilledAndTheSubjectIsOneLine() {
        Map<NotificationKind, NotificationTemplates.Email> rendered = new HashMap<>();
        for (Object sample : SAMPLES) {
            Notice<?> notice = NotificationCatalogue.noticeFor(sample).orElseThrow();
            Map<String, String> values = new HashMap<>(notice.placeholdersOf(sample, sources));
            values.put("recipientName", "Cory Coordinator");
            rendered.put(notice.kind(), templates.render(notice.kind(), values));
        }
        assertThat(rendered).containsOnlyKeys(NotificationKind.values());
        assertThat(rendered.values()).allSatisfy(email -> {
            assertThat(email.subject()).doesNotContain("{", "\n");
            assertThat(email.body()).doesNotContain("{").startsWith("Dear Cory Coordinator,");
        });
        assertThat(rendered.get(NotificationKind.CLAIM_APPROVED).subject())
                .isEqualTo("Certificate C7X4K2P9QD issued for Robin Hood: claim approved");
        assertThat(rendered.get(NotificationKind.CLAIM_REJECTED).body())
                .contains("Evidence missing")
                .contains("https://hub.example/#/certificates/claims/claim-1");
        assertThat(rendered.get(NotificationKind.CENTRE_SANCTIONED).subject())
                .isEqualTo("Sanction imposed on Northgate College: registering candidates suspended");
        assertThat(rendered.get(NotificationKind.CERTIFICATE_REVOKED).subject())
                .isEqualTo("Certificate C9Z8Y7X6WV revoked for Robin Hood");
        assertThat(rendered.get(NotificationKind.HUB_REQUEST_ANSWERED).subject())
                .isEqualTo("IMI has replied to your request \"Extra dates\"");
        assertThat(rendered.get(NotificationKind.ACCESS_ARRANGEMENT_APPROVED).subject())
                .isEqualTo("Access arrangement approved for Robin Hood: extra time (50 %)");
        assertThat(rendered.get(NotificationKind.ACCESS_ARRANGEMENT_REJECTED).body())
                .contains("The reason given: No need shown")
                .contains("https://hub.example/#/candidates/cand-1");
        assertThat(rendered.get(NotificationKind.ACCESS_ARRANGEMENT_WITHDRAWN).subject())
                .isEqualTo("Access arrangement withdrawn for Robin Hood: a separate room");
        assertThat(rendered.get(NotificationKind.ACCESS_ARRANGEMENT_WITHDRAWN).body())
                .contains("The reason given: Not supported by the evidence on file");
        assertThat(rendered.get(NotificationKind.SPECIAL_CONSIDERATION_DECIDED).subject())
                .isEqualTo("Special consideration for Robin Hood (LV2-A) decided: attempt voided, re-sit allowed");
        assertThat(rendered.get(NotificationKind.SPECIAL_CONSIDERATION_DECIDED).body())
                .contains("The reason given: Fire alarm")
                .contains("may re-sit");
        assertThat(rendered.get(NotificationKind.RESULT_CHANGED_ON_RE_CHECK).body())
                .contains("The result is now pass, score 3 of 4 (it was fail, score 2).");
        assertThat(rendered.get(NotificationKind.APPEAL_DECIDED).subject())
                .isEqualTo("Appeal for Robin Hood (LV2-A) upheld");
        assertThat(rendered.get(NotificationKind.APPEAL_DECIDED).body())
                .contains("The result is corrected to pass, score 3 (it was fail, score 2).")
                .contains("The reason given: Item defective");
    }

    @Test
    void givenEachEvent_whenRecipientsResolved_thenOnlyActiveUsersOfTheCentreInTheNamedRoles() {
        Map<Class<?>, List<String>> expected = Map.ofEntries(
                Map.entry(CertificateIssued.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())),
                Map.entry(ClaimRejected.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())),
                Map.entry(CertificateReplaced.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())),
                Map.entry(CertificateRevoked.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())),
                Map.entry(HubRequestReplied.class, List.of(CLAIMANT.userId())),
                Map.entry(HubRequestClosed.class, List.of(CLAIMANT.userId())),
                Map.entry(CentreSanctionImposed.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())),
                Map.entry(CentreSanctionLifted.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())),
                Map.entry(AccessArrangementApproved.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())),
                Map.entry(AccessArrangementRejected.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())),
                Map.entry(AccessArrangementWithdrawn.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())),
                Map.entry(SpecialConsiderationDecided.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())),
                Map.entry(ClericalReCheckCompleted.class, List.of(INVIGILATOR.userId(), COORDINATOR.userId())),
                Map.entry(AppealDecided.class, List.of(CLAIMANT.userId(), COORDINATOR.userId())));
        for (Object sample : SAMPLES) {
            Notice<?> notice = NotificationCatalogue.noticeFor(sample).orElseThrow();
            assertThat(notice.recipientsOf(sample, sources))
                    .as(sample.getClass().getSimpleName())
                    .extracting(UserAccount::userId)
                    .containsExactlyInAnyOrderElementsOf(expected.get(sample.getClass()));
        }
        assertThat(NotificationCatalogue.noticeFor(
                        new HubRequestReplied("request-1", CENTRE, 2, "Thanks", false, "u-c")))
                .as("a centre's own reply tells nobody")
                .isEmpty();
        assertThat(NotificationCatalogue.noticeFor(new AccessArrangementApproved(
                        "arrangement-2",
                        "cand-1",
                        CENTRE,
                        ArrangementKind.REST_BREAKS,
                        null,
                        null,
                        null,
                        true,
                        "Policy: rest breaks",
                        "system",
                        null,
                        AT)))
                .as("an arrangement the policy approved at once: the requester saw it approved")
                .isEmpty();
        assertThat(NotificationCatalogue.noticeFor(new AccessArrangementWithdrawn(
                        "arrangement-1",
                        "cand-1",
                        CENTRE,
                        ArrangementKind.SEPARATE_ROOM,
                        ArrangementStatus.PENDING,
                        "Asked for in error",
                        false,
                        CLAIMANT.userId(),
                        CLAIMANT.pin(),
                        AT)))
                .as("the centre's own withdrawal tells nobody")
                .isEmpty();
        assertThat(NotificationCatalogue.noticeFor(new ClericalReCheckCompleted(
                        "enquiry-1",
                        "attempt-1",
                        "cand-1",
                        CENTRE,
                        ReCheckOutcome.CONFIRMED,
                        Outcome.FAIL,
                        Outcome.FAIL,
                        2,
                        2,
                        4,
                        50.0,
                        AT)))
                .as("a re-check that confirms the result changes nothing")
                .isEmpty();
    }

    /** The centre's users: a claimant (centre admin), a coordinator, an invigilator, a deactivated coordinator. */
    static final class Directory implements UserDirectory {

        static final List<UserAccount> ALL = List.of(CLAIMANT, COORDINATOR, INVIGILATOR, GONE, ELSEWHERE);

        @Override
        public Optional<UserAccount> findByPin(String pin) {
            return ALL.stream().filter(user -> user.pin().equals(pin)).findFirst();
        }

        @Override
        public Optional<UserAccount> findById(String userId) {
            return ALL.stream().filter(user -> user.userId().equals(userId)).findFirst();
        }

        @Override
        public Optional<UserAccount> findByCandidate(String candidateId) {
            return Optional.empty();
        }

        @Override
        public List<UserAccount> activeAtCentre(String centreId) {
            return ALL.stream()
                    .filter(UserAccount::active)
                    .filter(user -> user.centreId().equals(centreId))
                    .toList();
        }

        @Override
        public List<UserAccount> activeImiStaff(Role role) {
            return List.of();
        }

        @Override
        public boolean pinTaken(String pin) {
            return findByPin(pin).isPresent();
        }

        @Override
        public boolean emailTaken(String centreId, String email) {
            return false;
        }

        @Override
        public boolean anyImiAdmin() {
            return true;
        }

        @Override
        public int activeImiAdmins() {
            return 1;
        }
    }
}
