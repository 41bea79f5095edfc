package org.awardinghub.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests;
import org.awardinghub.api.MultipartForm;
import org.awardinghub.api.library.LibraryTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * NUL, ESC and a right-to-left override, wherever text is written: each answered 400 naming the field, and nothing
 * written (ADR 0139). Text that only looks unusual (several lines, tabs, other scripts) is kept as it was.
 */
class ControlCharactersTest extends ApplicationTest {

    private static final String NUL = "\u0000";
    private static final String ESC = "\u001B";
    private static final String RLO = "\u202E";

    @Autowired
    JdbcTemplate jdbc;

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private static void assertRefusedOn(HttpClientForTests.Response response, String... fields) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors.findValuesAsText("field")).as(response.toString()).containsExactlyInAnyOrder(fields);
        assertThat(errors.findValuesAsText("message"))
                .allSatisfy(message -> assertThat(message).contains("may not hold control characters"));
        assertThat(response.raw().body())
                .as("the answer does not repeat the character")
                .doesNotContain(NUL, ESC, RLO)
                .doesNotContain("\\u0000", "\\u001b", "\\u001B", "\\u202e", "\\u202E");
    }

    private static Map<String, Object> candidate(String first, String last) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("dateOfBirth", "2004-05-17");
        body.put("qualificationCode", "LV2-MAINT");
        return body;
    }

    @Test
    void givenControlOrOverrideCharacters_whenPostedWhereTextIsKept_thenProblem400NamingTheFieldAndNothingWritten() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        long before = storedEvents();

        assertRefusedOn(
                http.post(
                        "/api/users",
                        admin,
                        Map.of(
                                "name",
                                "Ann" + NUL + "Smith",
                                "email",
                                "ann" + RLO + "@imi.example",
                                "roles",
                                List.of("AUDITOR"))),
                "name",
                "email");
        assertRefusedOn(
                http.post(
                        "/api/centres/" + centreId + "/users",
                        coordinator,
                        Map.of(
                                "name",
                                "Ann " + ESC + "[2JSmith",
                                "email",
                                "ann@centre.example",
                                "roles",
                                List.of("CENTRE_ADMIN"))),
                "name");
        assertRefusedOn(
                http.post(
                        "/api/centres",
                        admin,
                        Map.of(
                                "name", "Northgate " + RLO + "egelloC",
                                "address", "1 High Street" + NUL,
                                "contactEmail", "office@northgate.example")),
                "name",
                "address");
        assertRefusedOn(
                http.post(
                        "/api/centres/" + centreId + "/requests",
                        coordinator,
                        Map.of("kind", "REQUEST", "subject", "Lost " + RLO + "mrof", "body", "Please" + NUL + " send")),
                "subject",
                "body");
        assertRefusedOn(
                http.post(
                        "/api/centres/" + centreId + "/candidates", coordinator, candidate("Zo" + NUL + "ë", "Smith")),
                "firstName");
        assertRefusedOn(
                http.post("/api/centres/" + centreId + "/candidates", coordinator, candidate("Zoë", "Smith" + RLO)),
                "lastName");
        assertRefusedOn(
                http.post("/api/centres/" + centreId + "/suspend", admin, Map.of("reason", "Fraud " + ESC + "[31m")),
                "reason");
        assertRefusedOn(
                new MultipartForm()
                        .field("title", "Specification " + RLO + "fdp.exe")
                        .field("kind", "SPECIFICATION")
                        .field("qualificationCode", "LV2-MAINT")
                        .file("spec.pdf", LibraryTest.pdf("issue 1"))
                        .post(http, "/api/library/documents", admin),
                "title");

        var bulk = http.postRaw(
                "/api/centres/" + centreId + "/candidates/bulk",
                coordinator,
                "text/csv; charset=utf-8",
                "firstName,lastName,dateOfBirth,uln,qualificationCode,startDate\r\n"
                        + "Ann" + NUL + ",Lee,2003-01-02,,LV2-MAINT,\r\n"
                        + "Bob,Lee" + RLO + ",2003-01-02,,LV2-MAINT,\r\n");
        assertThat(bulk.status()).as(bulk.toString()).isEqualTo(200);
        assertThat(bulk.json().get("accepted")).isEmpty();
        assertThat(bulk.json().get("rejected").findValuesAsText("line")).containsExactly("2", "3");
        assertThat(bulk.json().get("rejected").get(0).get("errors").findValuesAsText("field"))
                .containsExactly("firstName");
        assertThat(bulk.json().get("rejected").get(1).get("errors").findValuesAsText("field"))
                .containsExactly("lastName");

        assertThat(storedEvents()).as("nothing written").isEqualTo(before);
    }

    @Test
    void givenTextOfSeveralLinesTabsAndOtherScripts_whenPosted_thenKeptAsTyped() {
        String admin = adminToken();
        String address = "1 High Street\r\nLeeds\tLS1 1AA";
        var centre = http.post(
                "/api/centres",
                admin,
                Map.of("name", "مدرسة النور – Northgate", "address", address, "contactEmail", "office@nur.example"));
        assertThat(centre.status()).as(centre.toString()).isEqualTo(201);
        String centreId = centre.json().get("centreId").asText();
        JsonNode kept = awaitJson("/api/centres/" + centreId, admin, json -> json.has("address"));
        assertThat(kept.get("name").asText()).isEqualTo("مدرسة النور – Northgate");
        assertThat(kept.get("address").asText()).isEqualTo(address);

        var user = http.post(
                "/api/users",
                admin,
                Map.of("name", "Mehr\u200CAra Tehrani", "email", "mehr@imi.example", "roles", List.of("AUDITOR")));
        assertThat(user.status())
                .as("a zero-width non-joiner, as Persian spells: %s", user)
                .isEqualTo(201);
    }
}
