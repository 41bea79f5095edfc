package org.awardinghub.api.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awardinghub.api.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What an operator's tools read (ADR 0143): the probes open to a load balancer without their details, the details
 * and the Prometheus scrape for IMI staff only, the business counters moving with the work done, each event
 * processor's lag, and the request's correlation id on the lines it logs.
 */
@ExtendWith(OutputCaptureExtension.class)
class ActuatorTest extends ApplicationTest {

    @Test
    void givenAnonymousCaller_whenProbing_thenLivenessAndReadinessAnswerWithoutDetails() {
        var readiness = http.get("/actuator/health/readiness", null);
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asText()).isEqualTo("UP");
        assertThat(readiness.json().has("components"))
                .as("details for the anonymous")
                .isFalse();
        assertThat(http.get("/actuator/health/liveness", null)
                        .json()
                        .path("status")
                        .asText())
                .isEqualTo("UP");
    }

    @Test
    void givenImiStaff_whenAskingHealth_thenReadinessListsTheStoresAndCandidateSearch() {
        JsonNode readiness =
                http.get("/actuator/health/readiness", adminToken()).json().path("components");
        assertThat(readiness.fieldNames())
                .toIterable()
                .contains("db", "readStore", "candidateSearch", "readinessState");
        readiness.forEach(
                component -> assertThat(component.path("status").asText()).isEqualTo("UP"));
    }

    @Test
    void givenScrape_whenAnonymousOrCentreStaff_thenRefused_andImiStaffGetsMetrics() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");

        assertThat(http.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(http.get("/actuator/prometheus", coordinator).status()).isEqualTo(403);
        assertThat(http.get("/actuator/env", admin).status())
                .as("only health and prometheus are exposed")
                .isEqualTo(404);

        String before = scrape(admin);
        assertThat(before)
                .contains("awarding_processor_lag_events{", "processor=\"portal\"")
                .contains("awarding_processor_segments{")
                .contains("eventProcessor_latency")
                .contains("hikaricp_connections_active")
                .contains("http_server_requests_seconds_bucket")
                .contains("jvm_memory_used_bytes");

        var registered = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Metric",
                        "lastName",
                        "Counted",
                        "dateOfBirth",
                        "2001-02-03",
                        "qualificationCode",
                        "LV2-MAINT"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        var wrong = http.post("/api/auth/login", null, Map.of("pin", "12345678", "password", "not the password"));
        assertThat(wrong.status()).isEqualTo(401);

        String after = scrape(admin);
        assertThat(counter(after, "awarding_registrations_total"))
                .isEqualTo(counter(before, "awarding_registrations_total") + 1);
        assertThat(counter(after, "awarding_sign_in_failures_total"))
                .isEqualTo(counter(before, "awarding_sign_in_failures_total") + 1);
        assertThat(after).contains("awarding_attempts_started_total", "awarding_certificate_claims_total");
    }

    @Test
    void givenACorrelationId_whenTheRequestLogs_thenTheLineCarriesIt(CapturedOutput output) {
        var refused = http.post(
                "/api/auth/login",
                null,
                Map.of("pin", "87654321", "password", "not the password"),
                Map.of("X-Correlation-Id", "operator-trace-42"));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(output.getOut())
                .as("the sign-in refusal logged while serving the request names its correlation id")
                .containsPattern("\\[operator-trace-42\\].*Sign-in refused from");
    }

    private String scrape(String admin) {
        var scrape = http.get("/actuator/prometheus", admin);
        assertThat(scrape.status()).isEqualTo(200);
        return scrape.raw().body();
    }

    private static double counter(String scrape, String name) {
        Matcher line = Pattern.compile("(?m)^" + name + "\\{[^}]*} (\\S+)$").matcher(scrape);
        assertThat(line.find()).as(name + " in the scrape").isTrue();
        return Double.parseDouble(line.group(1));
    }
}
