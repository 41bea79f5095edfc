package org.awardinghub.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Whatever a client sends, the answer is a clear problem naming what is wrong, and nothing is written. */
class BadInputTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    @Test
    void givenMalformedOrWrongBodies_whenPosted_thenProblem400AndNothingWritten() {
        String admin = adminToken();
        long before = storedEvents();

        var malformed = http.postRaw("/api/centres", admin, "application/json", "{\"name\": \"Broken");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");
        assertThat(malformed.json().get("status").asInt()).isEqualTo(400);
        assertThat(malformed.json().has("type")).isTrue();
        assertThat(malformed.json().has("title")).isTrue();

        var missing = http.post("/api/centres", admin, Map.of("name", "No address"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("address", "contactEmail");

        var badEmail =
                http.post("/api/centres", admin, Map.of("name", "A", "address", "B", "contactEmail", "not-an-email"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(badEmail.json().get("errors").get(0).get("field").asText()).isEqualTo("contactEmail");

        var wrongType = http.post(
                "/api/centres/x/approve",
                admin,
                Map.of("qualificationCodes", "LV2-MAINT", "directClaimStatus", "maybe"));
        assertThat(wrongType.status()).isEqualTo(400);

        var unknownRole =
                http.post("/api/users", admin, Map.of("name", "A", "email", "a@b.example", "roles", List.of("KING")));
        assertThat(unknownRole.status()).isEqualTo(400);
        assertThat(unknownRole.json().get("errors").get(0).get("field").asText())
                .startsWith("roles");

        var centreRoleForStaff = http.post(
                "/api/users", admin, Map.of("name", "A", "email", "a@b.example", "roles", List.of("INVIGILATOR")));
        assertThat(centreRoleForStaff.status()).isEqualTo(400);

        var notJson = http.postRaw("/api/centres", admin, "text/plain", "hello");
        assertThat(notJson.status()).isEqualTo(415);
        assertThat(notJson.contentType()).startsWith("application/problem+json");

        var arrayBody = http.postRaw("/api/centres", admin, "application/json", "[1,2,3]");
        assertThat(arrayBody.status()).isEqualTo(400);

        var badPaging = http.get("/api/centres?page=-1&size=5000", admin);
        assertThat(badPaging.status()).isEqualTo(400);
        var textPaging = http.get("/api/centres?page=abc", admin);
        assertThat(textPaging.status()).isEqualTo(400);

        assertThat(storedEvents()).as("nothing written").isEqualTo(before);
    }

    @Test
    void givenInstantsBeyondWhatATimestampHolds_whenAskedOfTheAuditApi_thenProblem400NotAServerError() {
        String admin = adminToken();
        for (String path : List.of(
                "/api/audit/timeline?from=-999999999-01-01T00:00:00Z",
                "/api/audit/timeline?to=%2B999999999-12-31T23:59:59Z",
                "/api/audit/blast-radius?kind=CENTRE&key=c1&from=-999999999-01-01T00:00:00Z",
                "/api/audit/records/candidate/k1/state?asOf=-999999999-01-01T00:00:00Z")) {
            var response = http.get(path, admin);
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.contentType()).as(path).startsWith("application/problem+json");
            assertThat(response.json().get("errors").get(0).get("message").asText())
                    .as(path)
                    .contains("between the years 1 and 9999");
        }
    }

    @Test
    void givenRequestsRefusedBeforeAnyController_whenAnswered_thenProblemsNotServerErrors() {
        var errorPage = http.get("/error", null);
        assertThat(errorPage.status()).isEqualTo(404);
        assertThat(errorPage.contentType()).startsWith("application/problem+json");

        var firewalled = http.get("/api//centres", adminToken());
        assertThat(firewalled.status()).isEqualTo(400);
        assertThat(firewalled.contentType()).startsWith("application/problem+json");
        assertThat(firewalled.json().get("status").asInt()).isEqualTo(400);
        assertThat(firewalled.header("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void givenBodyOverOneMebibyte_whenPosted_thenProblem413() {
        String admin = adminToken();
        String huge = "{\"name\": \"" + "x".repeat(1_100_000) + "\"}";
        var response = http.postRaw("/api/centres", admin, "application/json", huge);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.contentType()).startsWith("application/problem+json");

        var streamed = http.postStreamed(
                "/api/centres", admin, "application/json", huge.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(streamed.status())
                .as("a body sent without its length is cut off at the limit")
                .isEqualTo(413);
    }

    @Test
    void givenUnknownIdsPathsAndMethods_whenCalled_thenProblem4xx() {
        String admin = adminToken();
        assertThat(http.get("/api/centres/no-such-centre", admin).status()).isEqualTo(404);
        assertThat(http.post("/api/centres/no-such-centre/suspend", admin, Map.of("reason", "r"))
                        .status())
                .isEqualTo(404);
        assertThat(http.post("/api/users/no-such-user/deactivate", admin, Map.of("reason", "r"))
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/qualifications/NOPE", admin).status()).isEqualTo(404);
        assertThat(http.post(
                                "/api/centres/no-such-centre/users",
                                admin,
                                Map.of("name", "A", "email", "a@b.example", "roles", List.of("CENTRE_ADMIN")))
                        .status())
                .isEqualTo(404);
        var unknownPath = http.get("/api/nothing-here", admin);
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.contentType()).startsWith("application/problem+json");
        var wrongMethod = http.send("DELETE", "/api/centres", admin);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.contentType()).startsWith("application/problem+json");
    }

    @Test
    void givenTheIdOfAnotherKindOfRecord_whenActedOn_thenProblem404AndNothingWritten() {
        String admin = adminToken();
        long before = storedEvents();
        // LV2-MAINT is a qualification's id: the event store holds its events, which no claim or centre can apply
        var claim = http.post("/api/certificate-claims/LV2-MAINT/reject", admin, Map.of("reason", "Not ours"));
        var centre = http.put(
                "/api/centres/LV2-MAINT/direct-claim-status", admin, Map.of("granted", true, "reason", "Not ours"));

        for (var response : List.of(claim, centre)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        assertThat(storedEvents()).as("nothing written").isEqualTo(before);
    }

    @Test
    void givenReasonMissing_whenSanctioning_thenProblemNamesReason() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        var response = http.post("/api/centres/" + centreId + "/suspend", admin, Map.of("reason", "  "));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asText()).isEqualTo("reason");
    }
}
