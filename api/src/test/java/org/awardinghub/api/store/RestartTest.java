package org.awardinghub.api.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.Outbox;
import org.awardinghub.api.RunningApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/** Everything the embedded default keeps survives a stop and a start: events, read models, credentials. */
public class RestartTest {

    @TempDir
    Path dataDir;

    @Test
    void givenDataWritten_whenApplicationRestarted_thenEverythingIsStillThere() {
        String centreId;
        String centreNumber;
        String userPin;
        long eventsBefore;
        try (RunningApplication first = RunningApplication.start(dataDir, Map.of())) {
            var http = first.http();
            String admin = login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            var created = http.post(
                    "/api/centres",
                    admin,
                    Map.of(
                            "name",
                            "Restart Motors",
                            "address",
                            "2 Ramp Road",
                            "contactEmail",
                            "office@restart.example"));
            centreId = created.json().get("centreId").asText();
            centreNumber = http.post(
                            "/api/centres/" + centreId + "/approve",
                            admin,
                            Map.of("qualificationCodes", List.of("MC2-MAINT"), "directClaimStatus", false))
                    .json()
                    .get("centreNumber")
                    .asText();
            var user = http.post(
                    "/api/centres/" + centreId + "/users",
                    admin,
                    Map.of("name", "Kim Lee", "email", "kim@restart.example", "roles", List.of("CENTRE_COORDINATOR")));
            userPin = user.json().get("pin").asText();
            String token = Outbox.token(http, admin, dataDir, "kim@restart.example");
            assertThat(http.post(
                                    "/api/auth/activate",
                                    null,
                                    Map.of("token", token, "password", ApplicationTest.GOOD_PASSWORD))
                            .status())
                    .isEqualTo(204);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> http.get("/api/centres/" + centreId, admin)
                            .json()
                            .path("centreNumber")
                            .asText()
                            .equals(centreNumber));
            eventsBefore = first.bean(JdbcTemplate.class)
                    .queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        }

        try (RunningApplication second = RunningApplication.start(dataDir, Map.of())) {
            var http = second.http();
            String admin = login(http, ApplicationTest.ADMIN_PIN, ApplicationTest.ADMIN_PASSWORD);
            JdbcTemplate jdbc = second.bean(JdbcTemplate.class);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                    .as("no second bootstrap admin nor sample catalogue: only the new sign-in")
                    .isEqualTo(eventsBefore + 1);

            var centre = http.get("/api/centres/" + centreId, admin);
            assertThat(centre.status()).isEqualTo(200);
            assertThat(centre.json().get("centreNumber").asText()).isEqualTo(centreNumber);
            assertThat(login(http, userPin, ApplicationTest.GOOD_PASSWORD)).isNotBlank();
            assertThat(http.get("/api/qualifications", admin).json().size()).isEqualTo(4);

            var next = http.post(
                    "/api/centres",
                    admin,
                    Map.of("name", "After Restart", "address", "3 Ramp Road", "contactEmail", "office@after.example"));
            assertThat(next.status()).isEqualTo(201);
            var approved = http.post(
                    "/api/centres/" + next.json().get("centreId").asText() + "/approve",
                    admin,
                    Map.of("qualificationCodes", List.of("MC2-MAINT"), "directClaimStatus", false));
            assertThat(approved.json().get("centreNumber").asText()).isNotEqualTo(centreNumber);

            List<Long> positions =
                    jdbc.queryForList("SELECT global_index FROM domain_event_entry ORDER BY global_index", Long.class);
            assertThat(positions.get(positions.size() - 1) - positions.get(0) + 1)
                    .as("the global index has no jump after a restart")
                    .isEqualTo(positions.size());
        }
    }

    public static String login(HttpClientForTests http, String pin, String password) {
        var response = http.post("/api/auth/login", null, Map.of("pin", pin, "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("token").asText();
    }

    /** Signs in as soon as a separately started application answers, within two minutes. */
    public static String awaitLogin(HttpClientForTests http, String pin, String password) {
        long deadline = System.nanoTime() + java.time.Duration.ofMinutes(2).toNanos();
        while (true) {
            try {
                var answer = http.post("/api/auth/login", null, Map.of("pin", pin, "password", password));
                if (answer.status() == 200) {
                    return answer.json().get("token").asText();
                }
            } catch (RuntimeException notListeningYet) {
                // starting
            }
            assertThat(System.nanoTime()).as("the application answers").isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
