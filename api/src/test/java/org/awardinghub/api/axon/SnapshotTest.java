package org.awardinghub.api.axon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Long-lived aggregates are loaded from a snapshot and the events after it. The shared test application takes one
 * every {@value ApplicationTest#SNAPSHOT_EVERY_EVENTS} events, so every HTTP test also runs on snapshots; this one
 * checks that they are taken and that a record loaded from one is judged on its whole history.
 */
class SnapshotTest extends ApplicationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void givenACandidateAmendedTwelveTimes_whenAmendedAgain_thenLoadedFromASnapshotWithItsWholeHistory() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        var registered = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Robin",
                        "lastName",
                        "Snapshot",
                        "dateOfBirth",
                        "2004-02-29",
                        "qualificationCode",
                        "LV2-MAINT"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String candidateId = registered.json().get("candidateId").asText();
        for (int i = 1; i <= 12; i++) {
            assertThat(amend(coordinator, candidateId, "FIRST_NAME", "Robin" + "abcdefghijkl".charAt(i - 1))
                            .status())
                    .isEqualTo(200);
        }

        assertThat(snapshotSequence(candidateId))
                .as("the candidate's latest snapshot")
                .isGreaterThanOrEqualTo(12 - SNAPSHOT_EVERY_EVENTS + 1);
        long events = events(candidateId);
        assertThat(amend(coordinator, candidateId, "FIRST_NAME", "Robinl").status())
                .as("the name it already has, known from the snapshot")
                .isEqualTo(200);
        assertThat(events(candidateId)).as("nothing changed: nothing recorded").isEqualTo(events);
        assertThat(amend(coordinator, candidateId, "DATE_OF_BIRTH", "2004-02-29")
                        .status())
                .isEqualTo(200);
        assertThat(events(candidateId))
                .as("the date of birth it was registered with, 13 events back")
                .isEqualTo(events);
        assertThat(http.post(
                                "/api/candidates/" + candidateId + "/withdraw",
                                coordinator,
                                Map.of("reason", "Left the course"))
                        .status())
                .isEqualTo(200);
        assertThat(amend(coordinator, candidateId, "LAST_NAME", "Other").status())
                .as("a withdrawn candidate is not amended")
                .isEqualTo(409);
        awaitJson(
                "/api/candidates/" + candidateId,
                coordinator,
                candidate -> "Robinl".equals(candidate.path("firstName").asText())
                        && "WITHDRAWN".equals(candidate.path("status").asText()));
    }

    @Test
    void givenAUserWhoSignsInEveryDay_whenDeactivated_thenLoadedFromASnapshotAndSignedOut() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        CreatedUser[] created = new CreatedUser[1];
        activeUser(admin, admin, centreId, created, "CENTRE_ADMIN");
        for (int i = 0; i < 6; i++) {
            signIn(created[0].pin(), GOOD_PASSWORD);
        }
        assertThat(snapshotSequence(created[0].userId())).isPositive();
        String session = signIn(created[0].pin(), GOOD_PASSWORD);
        assertThat(http.post(
                                "/api/users/" + created[0].userId() + "/deactivate",
                                admin,
                                Map.of("reason", "Left the centre"))
                        .status())
                .isEqualTo(200);
        assertThat(http.get("/api/me", session).status()).isEqualTo(401);
    }

    private HttpClientForTests.Response amend(String token, String candidateId, String field, String value) {
        return http.post(
                "/api/candidates/" + candidateId + "/amendments",
                token,
                Map.of("field", field, "value", value, "reason", "Corrected from the learner's passport"));
    }

    private long snapshotSequence(String aggregateId) {
        Long sequence = jdbc.queryForObject(
                "SELECT MAX(sequence_number) FROM snapshot_event_entry" + " WHERE aggregate_identifier = ?",
                Long.class,
                aggregateId);
        return sequence == null ? -1 : sequence;
    }

    private long events(String aggregateId) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, aggregateId);
    }
}
