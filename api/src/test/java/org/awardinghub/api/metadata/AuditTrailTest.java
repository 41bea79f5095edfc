package org.awardinghub.api.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every change is an event that says who, in which role and centre, why, from where and in which request. */
class AuditTrailTest extends ApplicationTest {

    @Autowired
    EventStore eventStore;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void givenAdminSuspendsCentre_whenEventsRead_thenTheyCarryActorReasonCorrelationAndAddress() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);

        var suspended = http.post(
                "/api/centres/" + centreId + "/suspend",
                admin,
                Map.of("reason", "Malpractice investigation MI-2026-041"),
                Map.of("X-Correlation-Id", "case-41-step-1"));
        assertThat(suspended.status()).isEqualTo(200);
        assertThat(suspended.header("X-Correlation-Id")).isEqualTo("case-41-step-1");

        List<? extends DomainEventMessage<?>> events =
                eventStore.readEvents(centreId, 0).asStream().toList();
        assertThat(events)
                .extracting(e -> e.getPayloadType().getSimpleName())
                .containsExactly("CentreApplied", "CentreApproved", "CentreSuspended");
        var metadata = events.get(2).getMetaData();
        assertThat(metadata.get("actorPin")).isEqualTo(ADMIN_PIN);
        assertThat(metadata.get("actorRoles")).isEqualTo("IMI_ADMIN");
        assertThat(metadata.get("actorUserId")).isNotNull().isNotEqualTo("system");
        assertThat(metadata.get("reason")).isEqualTo("Malpractice investigation MI-2026-041");
        assertThat(metadata.get("correlationId")).isEqualTo("case-41-step-1");
        assertThat(metadata.get("clientAddress")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        assertThat(metadata.get("causationId")).isNotNull();
        assertThat(events.get(0).getMetaData().get("reason"))
                .as("creation needs no reason")
                .isNull();
    }

    @Test
    void givenCentreUser_whenTheyAct_thenEventsNameTheirCentre() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] coordinator = new CreatedUser[1];
        String token = activeUser(admin, admin, centreId, coordinator, "CENTRE_COORDINATOR");

        CreatedUser invigilator = addUser(token, centreId, "INVIGILATOR");

        var created = eventStore
                .readEvents(invigilator.userId(), 0)
                .asStream()
                .toList()
                .get(0);
        assertThat(created.getMetaData().get("actorPin")).isEqualTo(coordinator[0].pin());
        assertThat(created.getMetaData().get("actorCentreId")).isEqualTo(centreId);
        assertThat(created.getMetaData().get("actorRoles")).isEqualTo("CENTRE_COORDINATOR");
    }

    @Test
    void givenSignInsFailuresAndLockOut_whenUserHistoryRead_thenEachIsAnEvent() {
        String admin = adminToken();
        CreatedUser[] user = new CreatedUser[1];
        activeUser(admin, admin, approvedCentre(admin), user, "CENTRE_ADMIN");
        for (int i = 0; i < 5; i++) {
            http.post("/api/auth/login", null, Map.of("pin", user[0].pin(), "password", "wrong password " + i));
        }

        List<String> types = eventStore
                .readEvents(user[0].userId(), 0)
                .asStream()
                .map(e -> e.getPayloadType().getSimpleName())
                .toList();
        assertThat(types)
                .containsExactly(
                        "UserCreated",
                        "PasswordSet",
                        "UserSignedIn",
                        "SignInFailed",
                        "SignInFailed",
                        "SignInFailed",
                        "SignInFailed",
                        "SignInFailed",
                        "UserLockedOut");
    }

    @Test
    void givenPasswordsAndTokensUsed_whenStoredEventsSearched_thenNoSecretAppears() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser user = addUser(admin, centreId, "CENTRE_ADMIN");
        String activation = tokenFromOutbox(admin, user.email());
        http.post("/api/auth/activate", null, Map.of("token", activation, "password", GOOD_PASSWORD));
        String session = signIn(user.pin(), GOOD_PASSWORD);
        http.post("/api/auth/password-reset", null, Map.of("pin", user.pin()));
        String reset = tokenFromOutbox(admin, user.email());

        List<String> stored = jdbc.query(
                "SELECT payload, meta_data FROM domain_event_entry",
                (rs, i) -> new String(rs.getBytes(1), StandardCharsets.UTF_8)
                        + new String(rs.getBytes(2), StandardCharsets.UTF_8));
        assertThat(stored).isNotEmpty();
        assertThat(String.join("\n", stored))
                .doesNotContain(GOOD_PASSWORD)
                .doesNotContain(ADMIN_PASSWORD)
                .doesNotContain(activation)
                .doesNotContain(reset)
                .doesNotContain(session)
                .doesNotContain("$2a$")
                .doesNotContain("$2b$");
    }
}
