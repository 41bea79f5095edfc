package org.awardinghub.api.version;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests.Response;
import org.junit.jupiter.api.Test;

/**
 * Optimistic concurrency on edits over HTTP: a candidate's or a centre's read answers its version as the ETag, and
 * an amendment sent with {@code If-Match} is made only if the record is still that version; a stale one is refused
 * 412 and changes nothing. Without {@code If-Match} an amendment is made as before.
 */
class ConcurrentEditsTest extends ApplicationTest {

    private record Registered(String admin, String centreId, String coordinator, String candidateId) {
        String path() {
            return "/api/candidates/" + candidateId;
        }
    }

    private Registered registered(String firstName, String lastName) {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("dateOfBirth", "2004-05-17");
        body.put("qualificationCode", "LV2-MAINT");
        Response created = http.post("/api/centres/" + centreId + "/candidates", coordinator, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        Registered registered = new Registered(
                admin, centreId, coordinator, created.json().get("candidateId").asText());
        awaitJson(registered.path(), coordinator, json -> json.has("registrationNumber"));
        return registered;
    }

    private Response amend(String path, String token, String field, String value, String ifMatch) {
        Map<String, Object> body = Map.of("field", field, "value", value, "reason", "Corrected from the passport");
        return ifMatch == null
                ? http.post(path + "/amendments", token, body)
                : http.post(path + "/amendments", token, body, Map.of("If-Match", ifMatch));
    }

    /** The record once its read model shows this version. */
    private JsonNode atVersion(String path, String token, long version) {
        return awaitJson(path, token, json -> json.path("version").asLong(-1) == version);
    }

    private static void assertStale(Response response, long currentVersion) {
        assertThat(response.status()).as(response.toString()).isEqualTo(412);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("currentVersion").asLong()).isEqualTo(currentVersion);
        assertThat(response.json().get("detail").asText())
                .contains("changed by someone else")
                .contains("Reload");
    }

    @Test
    void givenTwoCoordinatorsReadingTheSameVersion_whenBothAmend_thenTheFirstIsMadeAndTheSecondRefusedAndAbsent() {
        Registered record = registered("Jon", "Smyth");
        String other = activeUser(record.admin(), record.admin(), record.centreId(), null, "CENTRE_COORDINATOR");
        Response firstRead = http.get(record.path(), record.coordinator());
        Response secondRead = http.get(record.path(), other);
        assertThat(firstRead.header("ETag")).isEqualTo("\"0\"");
        assertThat(firstRead.json().get("version").asLong()).isZero();
        assertThat(secondRead.header("ETag")).isEqualTo("\"0\"");

        Response first = amend(record.path(), record.coordinator(), "LAST_NAME", "Smith", firstRead.header("ETag"));
        Response second = amend(record.path(), other, "FIRST_NAME", "Jonathan", secondRead.header("ETag"));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"1\"");
        assertThat(first.json().get("version").asLong()).isEqualTo(1);
        assertStale(second, 1);

        // the second coordinator reloads, sees the first's change, and amends the version they now hold
        JsonNode reloaded = atVersion(record.path(), other, 1);
        assertThat(reloaded.get("lastName").asText()).isEqualTo("Smith");
        assertThat(reloaded.get("firstName").asText()).isEqualTo("Jon");
        Response again = amend(record.path(), other, "FIRST_NAME", "Jonathan", "\"1\"");
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("ETag")).isEqualTo("\"2\"");

        JsonNode now = atVersion(record.path(), record.coordinator(), 2);
        assertThat(http.get(record.path(), record.coordinator()).header("ETag")).isEqualTo("\"2\"");
        assertThat(now.get("firstName").asText()).isEqualTo("Jonathan");
        JsonNode history = awaitJson(record.path() + "/history", record.admin(), json -> json.size() == 3);
        assertThat(history.findValuesAsText("type"))
                .containsExactly("CandidateRegistered", "CandidateNameAmended", "CandidateNameAmended");
        assertThat(history.get(1).get("changes").get("lastName").get("to").asText())
                .isEqualTo("Smith");
        assertThat(history.get(2).get("changes").get("firstName").get("to").asText())
                .isEqualTo("Jonathan");
    }

    @Test
    void givenNoIfMatchOrAnyVersion_whenAmended_thenMadeWhateverTheVersionAndTheNewETagAnswered() {
        Registered record = registered("Amy", "Lowe");
        assertThat(amend(record.path(), record.coordinator(), "LAST_NAME", "Law", "\"0\"")
                        .status())
                .isEqualTo(200);

        Response blind = amend(record.path(), record.coordinator(), "LAST_NAME", "Lowe", null);
        Response any = amend(record.path(), record.coordinator(), "LAST_NAME", "Low", "*");

        assertThat(blind.status()).as(blind.toString()).isEqualTo(200);
        assertThat(blind.header("ETag")).isEqualTo("\"2\"");
        assertThat(any.status()).as(any.toString()).isEqualTo(200);
        assertThat(any.header("ETag")).isEqualTo("\"3\"");
        assertThat(any.json().get("value").asText()).isEqualTo("Low");
        assertThat(atVersion(record.path(), record.coordinator(), 3)
                        .get("lastName")
                        .asText())
                .isEqualTo("Low");
    }

    @Test
    void givenMalformedOrUnmatchableIfMatch_whenAmended_then400Or412AndNothingChanged() {
        Registered record = registered("Ola", "Berg");

        for (String malformed : List.of("0", "\"0\", \"1\"", "'0'")) {
            Response refused = amend(record.path(), record.coordinator(), "LAST_NAME", "Borg", malformed);
            assertThat(refused.status()).as("%s: %s", malformed, refused).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("If-Match");
        }
        // RFC 9110: If-Match compares strongly, so a weak tag never matches, even of the current version
        assertStale(amend(record.path(), record.coordinator(), "LAST_NAME", "Borg", "W/\"0\""), 0);
        assertStale(amend(record.path(), record.coordinator(), "LAST_NAME", "Borg", "\"not-a-version\""), 0);
        assertThat(amend(record.path(), record.coordinator(), "LAST_NAME", "Borg", "\"5\"")
                        .status())
                .as("a version not reached yet")
                .isEqualTo(412);

        JsonNode history = awaitJson(record.path() + "/history", record.admin(), json -> json.size() >= 1);
        assertThat(history.findValuesAsText("type")).containsExactly("CandidateRegistered");

        // a read honours the same preconditions: another version is 412 as a problem, its own ETag a 304
        Response otherVersion = http.get(record.path(), record.coordinator(), Map.of("If-Match", "\"3\""));
        assertThat(otherVersion.status()).as(otherVersion.toString()).isEqualTo(412);
        assertThat(otherVersion.contentType()).startsWith("application/problem+json");
        assertThat(otherVersion.json().get("currentVersion").asLong()).isZero();
        assertThat(http.get(record.path(), record.coordinator(), Map.of("If-Match", "\"0\""))
                        .status())
                .isEqualTo(200);
        assertThat(http.get(record.path(), record.coordinator(), Map.of("If-None-Match", "\"0\""))
                        .status())
                .isEqualTo(304);
        assertThat(http.get(record.path(), record.coordinator()).header("ETag")).isEqualTo("\"0\"");
    }

    @Test
    void givenStaleVersion_whenWithdrawnTransferredOrReinstated_then412AndWithTheCurrentVersionEachIsMade() {
        Registered record = registered("Kim", "Hale");
        String target = approvedCentre(record.admin());
        assertThat(amend(record.path(), record.coordinator(), "LAST_NAME", "Hall", "\"0\"")
                        .status())
                .isEqualTo(200);
        Map<String, String> stale = Map.of("If-Match", "\"0\"");

        assertStale(http.post(record.path() + "/withdraw", record.coordinator(), Map.of("reason", "Left"), stale), 1);
        assertStale(
                http.post(
                        record.path() + "/transfer",
                        record.coordinator(),
                        Map.of("toCentreId", target, "reason", "Moved"),
                        stale),
                1);

        Response withdrawn = http.post(
                record.path() + "/withdraw",
                record.coordinator(),
                Map.of("reason", "Left"),
                Map.of("If-Match", "\"1\""));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        assertThat(withdrawn.header("ETag")).isEqualTo("\"2\"");
        assertThat(withdrawn.json().get("version").asLong()).isEqualTo(2);
        // a stale amendment of a candidate withdrawn since is stale first: reload, and see why
        assertStale(amend(record.path(), record.coordinator(), "FIRST_NAME", "Kit", "\"1\""), 2);
        assertStale(http.post(record.path() + "/reinstate", record.coordinator(), Map.of("reason", "Back"), stale), 2);
        Response reinstated = http.post(
                record.path() + "/reinstate",
                record.coordinator(),
                Map.of("reason", "Back"),
                Map.of("If-Match", "\"2\""));
        assertThat(reinstated.header("ETag")).isEqualTo("\"3\"");
        Response transferred = http.post(
                record.path() + "/transfer",
                record.coordinator(),
                Map.of("toCentreId", target, "reason", "Moved"),
                Map.of("If-Match", "\"3\""));
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(transferred.header("ETag")).isEqualTo("\"4\"");

        JsonNode history = awaitJson(record.path() + "/history", record.admin(), json -> json.size() == 5);
        assertThat(history.findValuesAsText("type"))
                .containsExactly(
                        "CandidateRegistered",
                        "CandidateNameAmended",
                        "CandidateWithdrawn",
                        "CandidateReinstated",
                        "CandidateTransferred");
    }

    @Test
    void givenUsersWhoMayNotAmend_whenAmendingWithAnyIfMatch_thenTheAccessAnswerNot412() {
        Registered record = registered("Lee", "Park");
        String otherCentre =
                activeUser(record.admin(), record.admin(), approvedCentre(record.admin()), null, "CENTRE_COORDINATOR");
        String invigilator = activeUser(record.admin(), record.admin(), record.centreId(), null, "INVIGILATOR");
        String auditor = activeUser(record.admin(), record.admin(), null, null, "AUDITOR");

        for (String ifMatch : List.of("\"7\"", "\"0\"", "garbage")) {
            assertThat(amend(record.path(), otherCentre, "LAST_NAME", "Pike", ifMatch)
                            .status())
                    .as("another centre's coordinator, If-Match %s", ifMatch)
                    .isEqualTo(404);
            assertThat(amend(record.path(), invigilator, "LAST_NAME", "Pike", ifMatch)
                            .status())
                    .as("a reader, If-Match %s", ifMatch)
                    .isEqualTo(403);
            assertThat(amend(record.path(), auditor, "LAST_NAME", "Pike", ifMatch)
                            .status())
                    .as("an auditor, If-Match %s", ifMatch)
                    .isEqualTo(403);
        }
        assertThat(http.get(record.path(), otherCentre).status()).isEqualTo(404);
        assertThat(amend("/api/candidates/no-such-candidate", record.admin(), "LAST_NAME", "Pike", "\"0\"")
                        .status())
                .isEqualTo(404);
        assertThat(http.get(record.path(), record.coordinator()).header("ETag"))
                .as("nothing changed")
                .isEqualTo("\"0\"");
    }

    /**
     * Twenty amendments sent at once, each naming the version all of them read: one is made, the others are
     * refused as stale (on one node Axon's lock on the candidate takes them one at a time, and each after the first
     * finds the version moved on), and the history holds only the one that was made.
     */
    @Test
    void givenTwentyAmendmentsOfTheSameVersionAtOnce_whenSent_thenExactlyOneIsMadeAndTheOthers412() throws Exception {
        Registered record = registered("Max", "Ford");
        int senders = 20;
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < senders; i++) {
                String name = "Max" + (char) ('a' + i);
                sent.add(pool.submit(() -> {
                    start.await();
                    return amend(record.path(), record.coordinator(), "FIRST_NAME", name, "\"0\"");
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> answer : sent) {
                answers.add(answer.get());
            }

            List<Response> made =
                    answers.stream().filter(a -> a.status() == 200).toList();
            assertThat(made).as("%s", answers).hasSize(1);
            assertThat(answers.stream().filter(a -> a.status() == 412))
                    .as("%s", answers)
                    .hasSize(senders - 1)
                    .allSatisfy(stale -> assertThat(
                                    stale.json().get("currentVersion").asLong())
                            .isEqualTo(1));
            String winner = made.get(0).json().get("value").asText();
            assertThat(made.get(0).header("ETag")).isEqualTo("\"1\"");

            assertThat(atVersion(record.path(), record.coordinator(), 1)
                            .get("firstName")
                            .asText())
                    .isEqualTo(winner);
            JsonNode history = awaitJson(record.path() + "/history", record.admin(), json -> json.size() >= 2);
            assertThat(history.findValuesAsText("type")).containsExactly("CandidateRegistered", "CandidateNameAmended");
            assertThat(history.get(1).get("changes").get("firstName").get("to").asText())
                    .isEqualTo(winner);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void givenCentreRead_whenDetailsAmendedWithItsETag_thenMadeOnceAndAStaleOneRefused() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String path = "/api/centres/" + centreId;
        atVersion(path, admin, 1); // applied, then approved
        Response read = http.get(path, admin);
        assertThat(read.header("ETag")).isEqualTo("\"1\"");
        assertThat(read.json().get("version").asLong()).isEqualTo(1);
        Map<String, Object> moved = Map.of(
                "name",
                read.json().get("name").asText(),
                "address",
                "2 Forge Road, Hertford",
                "contactEmail",
                read.json().get("contactEmail").asText(),
                "reason",
                "The centre moved");
        Map<String, Object> renamed = Map.of(
                "name",
                "Renamed " + unique(),
                "address",
                read.json().get("address").asText(),
                "contactEmail",
                read.json().get("contactEmail").asText(),
                "reason",
                "New name");
        String centreAdmin = activeUser(admin, admin, centreId, null, "CENTRE_ADMIN");

        assertThat(http.put(path + "/details", centreAdmin, moved, Map.of("If-Match", "\"1\""))
                        .status())
                .as("a centre's own admin may not amend its details, whatever the version")
                .isEqualTo(403);
        Response first = http.put(path + "/details", admin, moved, Map.of("If-Match", read.header("ETag")));
        Response second = http.put(path + "/details", admin, renamed, Map.of("If-Match", read.header("ETag")));

        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.header("ETag")).isEqualTo("\"2\"");
        assertStale(second, 2);
        JsonNode now = atVersion(path, admin, 2);
        assertThat(now.get("address").asText()).isEqualTo("2 Forge Road, Hertford");
        assertThat(now.get("name").asText()).isEqualTo(read.json().get("name").asText());
        assertThat(http.put(path + "/details", admin, renamed).header("ETag"))
                .as("without If-Match, as before")
                .isEqualTo("\"3\"");
        assertThat(http.put("/api/centres/no-such-centre/details", admin, renamed, Map.of("If-Match", "\"0\""))
                        .status())
                .isEqualTo(404);
    }

    /** An integrator reads in the API's document which edits take If-Match, what 412 means, and where ETags are. */
    @Test
    void givenTheApiDocument_whenRead_thenTheEditsDocumentIfMatchAnd412AndTheReadsTheirETag() {
        JsonNode paths = http.get("/v3/api-docs", null).json().get("paths");
        List<JsonNode> edits = List.of(
                paths.at("/~1api~1candidates~1{candidateId}~1amendments/post"),
                paths.at("/~1api~1candidates~1{candidateId}~1transfer/post"),
                paths.at("/~1api~1candidates~1{candidateId}~1withdraw/post"),
                paths.at("/~1api~1candidates~1{candidateId}~1reinstate/post"),
                paths.at("/~1api~1centres~1{centreId}~1details/put"));
        for (JsonNode edit : edits) {
            assertThat(edit.get("parameters").findValuesAsText("name"))
                    .as("%s", edit)
                    .contains("If-Match")
                    .doesNotContain("ifMatch", "version");
            JsonNode ifMatch = edit.get("parameters")
                    .get(edit.get("parameters").findValuesAsText("name").indexOf("If-Match"));
            assertThat(ifMatch.get("in").asText()).isEqualTo("header");
            assertThat(ifMatch.path("required").asBoolean(false)).isFalse();
            assertThat(edit.at("/responses/412/content").has("application/problem+json"))
                    .as("%s", edit)
                    .isTrue();
            assertThat(edit.at("/responses/200/headers").has("ETag"))
                    .as("%s", edit)
                    .isTrue();
        }
        assertThat(paths.at("/~1api~1candidates~1{candidateId}/get/responses/200/headers")
                        .has("ETag"))
                .isTrue();
        assertThat(paths.at("/~1api~1centres~1{centreId}/get/responses/200/headers")
                        .has("ETag"))
                .isTrue();
        assertThat(paths.at("/~1api~1centres~1{centreId}~1suspend/post/responses")
                        .has("412"))
                .as("an edit that takes no If-Match documents no 412")
                .isFalse();
    }
}
