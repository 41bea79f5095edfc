package org.awardinghub.api.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.RawHttp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Requests refused before any controller reads them, by the container, the firewall or the checks of media types,
 * each answered as a problem with its own status, and nothing written. Found by {@code EndpointFuzzTest}; each case
 * here is one it found.
 */
class RefusedRequestsTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private long storedEvents() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    private RawHttp raw() {
        return new RawHttp(port);
    }

    private static void assertProblem(RawHttp.Response response, int status, String what) {
        assertThat(response.status()).as(what + ": " + response).isEqualTo(status);
        assertThat(response.header("Content-Type")).as(what).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).as(what).isEqualTo(status);
        assertThat(response.json().path("title").asText()).as(what).isNotBlank();
    }

    private static byte[] bytes(String request) {
        return request.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void givenRequestsTheContainerRefusesBeforeTheApplication_whenAnswered_thenProblemsNotHtmlPages() {
        Map<String, String> refusedWith400 = new LinkedHashMap<>();
        refusedWith400.put("an address that is not percent-encoding", "GET /api/centres/%ZZ HTTP/1.1\r\nHost: x\r\n");
        refusedWith400.put("an encoded slash", "GET /api/centres/%2F HTTP/1.1\r\nHost: x\r\n");
        refusedWith400.put("an encoded NUL", "GET /api/centres/%00 HTTP/1.1\r\nHost: x\r\n");
        refusedWith400.put("a space in the address", "GET /api/cen tres HTTP/1.1\r\nHost: x\r\n");
        refusedWith400.put(
                "a control character in a header", "GET /api/centres HTTP/1.1\r\nHost: x\r\nX-A: b\u0001c\r\n");
        refusedWith400.put(
                "a length that is no number", "POST /api/centres HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n");
        refusedWith400.put("no Host", "GET /api/centres HTTP/1.1\r\n");
        refusedWith400.put("two Hosts", "GET /api/centres HTTP/1.1\r\nHost: x\r\nHost: y\r\n");
        refusedWith400.forEach(
                (what, head) -> assertProblem(raw().send(bytes(head + "Connection: close\r\n\r\n"), false), 400, what));

        // as HTTP requires: 505 for a version it does not speak, 501 for a transfer coding it does not know
        assertProblem(
                raw().send(bytes("GET /api/centres HTTP/9.9\r\nHost: x\r\nConnection: close\r\n\r\n"), false),
                505,
                "an unknown HTTP version");
        assertProblem(
                raw().send(
                                bytes("POST /api/centres HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n"
                                        + "Connection: close\r\n\r\n"),
                                false),
                501,
                "an unknown transfer coding");
    }

    @Test
    void givenRequestsTheFirewallRefuses_whenAnswered_thenProblem400WithTheCorrelationId() {
        String admin = adminToken();
        var semicolon = raw().send("GET", "/api/centres/x;y", Map.of("Authorization", "Bearer " + admin), null);
        assertProblem(semicolon, 400, "a semicolon in the path");
        assertThat(semicolon.header("X-Correlation-Id")).isNotBlank();

        // refused only when the header is first read, by Spring's content negotiation: was a 500
        var acceptNotText = raw().send(
                        "GET",
                        "/api/centres",
                        Map.of("Authorization", "Bearer " + admin, "Accept", "application/\u0085"),
                        null);
        assertProblem(acceptNotText, 400, "a C1 control character in Accept");

        // refused only when the parameters are first read
        assertProblem(
                raw().send("GET", "/api/centres?a%01=1", Map.of("Authorization", "Bearer " + admin), null),
                400,
                "a control character in a parameter's name");

        assertProblem(raw().send("FOO", "/api/centres", Map.of(), null), 400, "a method nobody knows");
    }

    @Test
    void givenControlOrFormattingCharactersInTheAddress_whenAsked_thenProblem400NamingThePartNotAnAnswer() {
        String admin = adminToken();
        Map<String, String> refused = Map.of(
                "/api/centres?q=%00", "q",
                "/api/candidates?q=Smith%E2%80%AE", "q",
                "/api/centres/centre%1B1", "path",
                "/api/qualifications/LV2%E2%80%8BMAINT", "path");
        refused.forEach((target, field) -> {
            var response = raw().send("GET", target, Map.of("Authorization", "Bearer " + admin), null);
            assertProblem(response, 400, target);
            assertThat(response.json().path("errors").path(0).path("field").asText())
                    .as(target)
                    .isEqualTo(field);
            assertThat(response.json().path("detail").asText()).as(target).contains("may not hold control characters");
        });
        assertProblem(
                raw().send("GET", "/api/centres?q=%ZZ", Map.of("Authorization", "Bearer " + admin), null),
                400,
                "a query that is not percent-encoding");
    }

    @Test
    void givenAWildcardContentType_whenPosted_thenProblem415AndNothingWritten() {
        String admin = adminToken();
        long before = storedEvents();
        for (String type : List.of("*/*", "application/*", "not a type")) {
            var response = raw().send(
                            "POST",
                            "/api/centres",
                            Map.of("Authorization", "Bearer " + admin, "Content-Type", type),
                            "{\"name\":\"Wild Card College\",\"address\":\"1 Road\",\"contactEmail\":\"a@wild.example\"}"
                                    .getBytes(StandardCharsets.UTF_8));
            assertProblem(response, 415, type);
        }
        assertThat(storedEvents()).as("nothing written").isEqualTo(before);
    }

    @Test
    void givenAnAcceptTheAnswerCannotMeet_whenAChangeIsPosted_thenProblem406BeforeAnythingIsWritten() {
        String admin = adminToken();
        String name = "Unacceptable College " + unique();
        long before = storedEvents();

        var response = http.post(
                "/api/centres",
                admin,
                Map.of("name", name, "address", "1 Road", "contactEmail", "office@" + unique() + ".example"),
                Map.of("Accept", "text/csv"));

        assertThat(response.status()).as(response.toString()).isEqualTo(406);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(storedEvents()).as("the centre was not applied for").isEqualTo(before);
        assertThat(http.get("/api/centres?size=200", admin).json().path("items").findValuesAsText("name"))
                .doesNotContain(name);
    }

    @Test
    void givenTheWebUi_whenAskedForWithAnyAccept_thenThePage() {
        for (String accept : List.of("text/html", "application/json", "image/png", "*/*")) {
            var page = http.send("GET", "/", null, Map.of("Accept", accept));
            assertThat(page.status()).as(accept).isEqualTo(200);
            assertThat(page.contentType()).as(accept).startsWith("text/html");
            assertThat(page.raw().body()).as(accept).contains("<title>Awarding Hub</title>");
        }
    }

    @Test
    void givenABlankWhereThePathNamesAKind_whenCalled_thenProblem400NamingItWhoseStatusIs400() {
        String admin = adminToken();
        var response = raw().send(
                        "POST",
                        "/api/centres/" + approvedCentre(admin) + "/sanctions/%20/lift",
                        Map.of("Authorization", "Bearer " + admin, "Content-Type", "application/json"),
                        "{\"reason\":\"Lifted\"}".getBytes(StandardCharsets.UTF_8));

        assertProblem(response, 400, "a blank sanction"); // Spring's own said 500 in a 400
        assertThat(response.json().path("errors").path(0).path("field").asText())
                .isEqualTo("sanction");
    }

    @Test
    void givenABrowsersPreflightFromAnotherOrigin_whenAnswered_thenProblem403() {
        var response = raw().send(
                        "OPTIONS",
                        "/api/auth/login", // public: a preflight carries no credentials
                        Map.of("Origin", "http://elsewhere.example", "Access-Control-Request-Method", "POST"),
                        null);

        assertProblem(response, 403, "a cross-origin preflight"); // was Spring's plain text "Invalid CORS request"
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void givenANullAmongTheRecordsOfACase_whenFrozen_thenProblem400NamingIt() {
        String admin = adminToken();
        long before = storedEvents();

        var response = http.postRaw(
                "/api/audit/cases",
                admin,
                "application/json",
                "{\"title\":\"Case\",\"records\":[{\"type\":\"centre\",\"id\":\"c1\"},null]}");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("errors").path(0).path("field").asText())
                .isEqualTo("records[1]");
        assertThat(storedEvents()).isEqualTo(before);
    }
}
