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
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.ClaimRejected;
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
            new CentreSanctionLifted(CENTRE, Sanction.REGISTRATIONS, "Closed"));

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
                                CLAIMANT.userId())));
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
    }

    @Test
    void givenEachEvent_whenRecipientsResolved_thenOnlyActiveUsersOfTheCentreInTheNamedRoles() {
        Map<Class<?>, List<String>> expected = Map.of(
                CertificateIssued.class, List.of(CLAIMANT.userId(), COORDINATOR.userId()),
                ClaimRejected.class, List.of(CLAIMANT.userId(), COORDINATOR.userId()),
                CertificateReplaced.class, List.of(CLAIMANT.userId(), COORDINATOR.userId()),
                CertificateRevoked.class, List.of(CLAIMANT.userId(), COORDINATOR.userId()),
                HubRequestReplied.class, List.of(CLAIMANT.userId()),
                HubRequestClosed.class, List.of(CLAIMANT.userId()),
                CentreSanctionImposed.class, List.of(CLAIMANT.userId(), COORDINATOR.userId()),
                CentreSanctionLifted.class, List.of(CLAIMANT.userId(), COORDINATOR.userId()));
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
