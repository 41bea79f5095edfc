package org.awardinghub.api.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.HttpClientForTests;
import org.junit.jupiter.api.Test;

/** The registration portal over HTTP: register, find, amend, transfer, withdraw, and the history of it all. */
class PortalTest extends ApplicationTest {

    static final String VALID_ULN = "1234567899";

    private Map<String, Object> candidate(String first, String last) {
        Map<String, Object> body = new HashMap<>();
        body.put("firstName", first);
        body.put("lastName", last);
        body.put("dateOfBirth", "2004-05-17");
        body.put("qualificationCode", "LV2-MAINT");
        return body;
    }

    private JsonNode register(String token, String centreId, Map<String, Object> body) {
        var response = http.post("/api/centres/" + centreId + "/candidates", token, body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    @Test
    void givenCentreAdmin_whenRegisteringCandidate_thenNumberIssuedAndRecordReadable() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String centreAdmin = activeUser(admin, admin, centreId, null, "CENTRE_ADMIN");

        Map<String, Object> body = candidate("Zoë", "O'Brien-Łukasiewicz");
        body.put("uln", VALID_ULN);
        var response = http.post("/api/centres/" + centreId + "/candidates", centreAdmin, body);

        assertThat(response.status()).isEqualTo(201);
        String candidateId = response.json().get("candidateId").asText();
        assertThat(response.header("Location")).endsWith("/api/candidates/" + candidateId);
        assertThat(response.json().get("registrationNumber").asText()).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}");
        assertThat(response.json().get("late").asBoolean()).isFalse();

        var record = awaitJson("/api/candidates/" + candidateId, centreAdmin, json -> json.has("registrationNumber"));
        assertThat(record.get("firstName").asText()).isEqualTo("Zoë");
        assertThat(record.get("lastName").asText()).isEqualTo("O'Brien-Łukasiewicz");
        assertThat(record.get("dateOfBirth").asText()).isEqualTo("2004-05-17");
        assertThat(record.get("uln").asText()).isEqualTo(VALID_ULN);
        assertThat(record.get("centreId").asText()).isEqualTo(centreId);
        assertThat(record.get("startDate").asText()).isEqualTo(LocalDate.now().toString());
        assertThat(record.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(record.get("results").isArray()).isTrue();
    }

    @Test
    void givenStartDateLongAgo_whenRegistered_thenAcceptedAndMarkedLateAfter90Days() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        Map<String, Object> onTime = candidate("Ann", "Ontime");
        onTime.put("startDate", LocalDate.now().minusDays(90).toString());
        Map<String, Object> late = candidate("Ann", "Late");
        late.put("startDate", LocalDate.now().minusDays(91).toString());

        assertThat(register(admin, centreId, onTime).get("late").asBoolean()).isFalse();
        assertThat(register(admin, centreId, late).get("late").asBoolean()).isTrue();
    }

    @Test
    void givenSameCandidateAgain_whenRegistered_thenConflictNamesTheExistingOneUnlessConfirmed() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String number = register(admin, centreId, candidate("Sam", "Patel"))
                .get("registrationNumber")
                .asText();

        var again = http.post("/api/centres/" + centreId + "/candidates", admin, candidate("SAM", "patel"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("existingRegistrationNumber").asText()).isEqualTo(number);
        assertThat(again.json().get("detail").asText()).contains(number);

        Map<String, Object> confirmed = candidate("Sam", "Patel");
        confirmed.put("confirmDuplicate", true);
        assertThat(register(admin, centreId, confirmed)
                        .get("registrationNumber")
                        .asText())
                .isNotEqualTo(number);
        assertThat(register(admin, approvedCentre(admin), candidate("Sam", "Patel"))
                        .has("candidateId"))
                .as("another centre's candidate is not a duplicate")
                .isTrue();
    }

    @Test
    void givenInvalidDetails_whenRegistering_thenProblemNamesTheFieldAndNothingIsRegistered() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        Map<String, Object> badUln = candidate("Ann", "Lee");
        badUln.put("uln", "1000000005");
        Map<String, Object> tooYoung = candidate("Ann", "Lee");
        tooYoung.put("dateOfBirth", LocalDate.now().minusYears(12).toString());
        Map<String, Object> digits = candidate("Ann2", "Lee");
        Map<String, Object> notOffered = candidate("Ann", "Lee");
        notOffered.put("qualificationCode", "VBR2-REP");
        Map<String, Object> notADate = candidate("Ann", "Lee");
        notADate.put("dateOfBirth", "2004-02-30");

        assertThat(fieldOf(http.post("/api/centres/" + centreId + "/candidates", admin, badUln)))
                .isEqualTo("uln");
        assertThat(fieldOf(http.post("/api/centres/" + centreId + "/candidates", admin, tooYoung)))
                .isEqualTo("dateOfBirth");
        assertThat(fieldOf(http.post("/api/centres/" + centreId + "/candidates", admin, digits)))
                .isEqualTo("firstName");
        assertThat(fieldOf(http.post("/api/centres/" + centreId + "/candidates", admin, notOffered)))
                .isEqualTo("qualificationCode");
        assertThat(fieldOf(http.post("/api/centres/" + centreId + "/candidates", admin, notADate)))
                .isEqualTo("dateOfBirth");
        assertThat(http.get("/api/centres/" + centreId + "/candidates", admin)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void givenSuspendedOrSanctionedCentre_whenRegistering_thenRefused() {
        String admin = adminToken();
        String suspended = approvedCentre(admin);
        http.post("/api/centres/" + suspended + "/suspend", admin, Map.of("reason", "Investigation"));
        String sanctioned = approvedCentre(admin);
        http.post(
                "/api/centres/" + sanctioned + "/sanctions",
                admin,
                Map.of("sanction", "REGISTRATIONS", "reason", "Late registrations"));

        assertThat(http.post("/api/centres/" + suspended + "/candidates", admin, candidate("A", "B"))
                        .status())
                .isEqualTo(409);
        assertThat(http.post("/api/centres/" + sanctioned + "/candidates", admin, candidate("A", "B"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void givenCsvWithGoodAndBadLines_whenUploaded_thenGoodOnesRegisteredAndBadOnesReportedByLine() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        String csv = "\uFEFFfirstName,lastName,dateOfBirth,uln,qualificationCode,startDate\r\n"
                + "José,Núñez,2003-01-02,,LV2-MAINT,\r\n"
                + "Bad1,,31/02/2003,123,LV2-MAINT,\r\n"
                + "\"Mary-Ann\",Smith,15/06/2002," + VALID_ULN + ",LV2-MAINT,2026-09-01\r\n"
                + "José,Nunez,2003-01-02,,LV2-MAINT,\r\n"
                + "Kim,Lee,2003-01-02,,NOPE,\r\n";

        var response = http.postRaw(
                "/api/centres/" + centreId + "/candidates/bulk", coordinator, "text/csv; charset=utf-8", csv);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("accepted").findValuesAsText("line")).containsExactly("2", "4");
        JsonNode rejected = response.json().get("rejected");
        assertThat(rejected.findValuesAsText("line")).containsExactly("3", "5", "6");
        assertThat(rejected.get(0).get("errors").findValuesAsText("field"))
                .contains("firstName", "lastName", "dateOfBirth", "uln");
        assertThat(rejected.get(1).get("errors").get(0).get("message").asText())
                .as("same names apart from accents: a duplicate")
                .contains(response.json()
                        .get("accepted")
                        .get(0)
                        .get("registrationNumber")
                        .asText());
        assertThat(rejected.get(2).get("errors").get(0).get("field").asText()).isEqualTo("qualificationCode");

        var list = awaitJson(
                "/api/centres/" + centreId + "/candidates",
                coordinator,
                json -> json.path("total").asInt() == 2);
        assertThat(list.get("items").findValuesAsText("lastName")).containsExactly("Núñez", "Smith");
    }

    @Test
    void givenFilesTooBigOrMalformed_whenUploaded_thenClearProblems() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String header = "firstName,lastName,dateOfBirth,uln,qualificationCode,startDate\n";
        String tooMany = header + "Ann,Lee,2003-01-02,,LV2-MAINT,\n".repeat(10_001);

        var tooBig = http.postRaw("/api/centres/" + centreId + "/candidates/bulk", admin, "text/csv", tooMany);
        assertThat(tooBig.status()).isEqualTo(413);
        assertThat(tooBig.json().get("detail").asText()).contains("10000");
        var json = http.postRaw("/api/centres/" + centreId + "/candidates/bulk", admin, "application/json", "{}");
        assertThat(json.status()).isEqualTo(415);
        assertThat(json.contentType()).startsWith("application/problem+json");
        var badHeader =
                http.postRaw("/api/centres/" + centreId + "/candidates/bulk", admin, "text/csv", "name,dob\nA,B\n");
        assertThat(badHeader.status()).isEqualTo(400);
        assertThat(badHeader.json().get("errors").get(0).get("field").asText()).isEqualTo("header");
        assertThat(http.get("/api/centres/" + centreId + "/candidates", admin)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void givenCandidates_whenSearched_thenFoundByAccentedOrPlainNamePrefixNumberAndUln() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String otherCentre = approvedCentre(admin);
        String invigilator = activeUser(admin, admin, centreId, null, "INVIGILATOR");
        Map<String, Object> zoe = candidate("Zoë", "Łukasiewicz");
        zoe.put("uln", VALID_ULN);
        String number = register(admin, centreId, zoe).get("registrationNumber").asText();
        register(admin, centreId, candidate("Zoe", "Adams"));
        register(admin, otherCentre, candidate("Zoë", "Łukasiewicz"));
        String path = "/api/centres/" + centreId + "/candidates";
        awaitJson(path, invigilator, json -> json.path("total").asInt() == 2);

        assertThat(names(http.get(path + "?q=zoe", invigilator).json())).containsExactly("Adams", "Łukasiewicz");
        assertThat(names(http.get(path + "?q=" + enc("Zoë"), invigilator).json()))
                .containsExactly("Adams", "Łukasiewicz");
        assertThat(names(http.get(path + "?q=lukas", invigilator).json())).containsExactly("Łukasiewicz");
        assertThat(names(http.get(path + "?q=" + enc("zoe łuk"), invigilator).json()))
                .containsExactly("Łukasiewicz");
        assertThat(names(http.get(path + "?q=" + number.toLowerCase(), invigilator)
                        .json()))
                .containsExactly("Łukasiewicz");
        assertThat(names(http.get(path + "?q=" + VALID_ULN, invigilator).json()))
                .containsExactly("Łukasiewicz");
        assertThat(http.get(path + "?q=zz", invigilator).json().get("total").asInt())
                .isZero();
        assertThat(http.get(path + "?size=1&page=1", invigilator)
                        .json()
                        .get("items")
                        .get(0)
                        .get("lastName")
                        .asText())
                .isEqualTo("Łukasiewicz");

        // other tests of this class register the same name: wait for these two, not for any two
        var everywhere = awaitJson(
                "/api/candidates?q=lukasiewicz&size=100",
                admin,
                json -> json.path("items").findValuesAsText("centreId").containsAll(List.of(centreId, otherCentre)));
        assertThat(everywhere.get("items").findValuesAsText("centreId")).contains(centreId, otherCentre);
    }

    @Test
    void givenCandidate_whenAmendedTransferredWithdrawnAndReinstated_thenHistoryTellsWhoWhyAndWhat() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String target = approvedCentre(admin);
        CreatedUser[] coordinatorUser = new CreatedUser[1];
        String coordinator = activeUser(admin, admin, centreId, coordinatorUser, "CENTRE_COORDINATOR");
        String candidateId = register(coordinator, centreId, candidate("Jon", "Smyth"))
                .get("candidateId")
                .asText();
        String base = "/api/candidates/" + candidateId;

        assertThat(http.post(
                                base + "/amendments",
                                coordinator,
                                Map.of(
                                        "field",
                                        "LAST_NAME",
                                        "value",
                                        "Smith",
                                        "reason",
                                        "Spelling corrected from passport"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(
                                base + "/amendments",
                                coordinator,
                                Map.of("field", "ULN", "value", VALID_ULN, "reason", "ULN received"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(
                                base + "/amendments",
                                coordinator,
                                Map.of("field", "QUALIFICATION", "value", "VBR2-REP", "reason", "Changed course"))
                        .status())
                .as("not offered by the centre")
                .isEqualTo(400);
        assertThat(http.post(base + "/withdraw", coordinator, Map.of("reason", "Left the course"))
                        .status())
                .isEqualTo(200);
        var refused = http.post(
                base + "/amendments", coordinator, Map.of("field", "FIRST_NAME", "value", "John", "reason", "Typo"));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("WITHDRAWN");
        assertThat(http.post(base + "/reinstate", coordinator, Map.of("reason", "Came back"))
                        .status())
                .isEqualTo(200);
        assertThat(http.post(base + "/transfer", coordinator, Map.of("toCentreId", target, "reason", "Moved house"))
                        .status())
                .isEqualTo(200);

        // the name beside each PIN comes from the users' read model, a processor of its own: waited for too
        var history = awaitJson(
                base + "/history",
                admin,
                json -> json.size() == 6 && !json.get(1).path("actorName").isNull());
        assertThat(history.findValuesAsText("type"))
                .containsExactly(
                        "CandidateRegistered",
                        "CandidateNameAmended",
                        "CandidateUlnAmended",
                        "CandidateWithdrawn",
                        "CandidateReinstated",
                        "CandidateTransferred");
        JsonNode nameChange = history.get(1);
        assertThat(nameChange.get("actorPin").asText()).isEqualTo(coordinatorUser[0].pin());
        assertThat(nameChange.get("actorName").asText())
                .as("the name beside the PIN")
                .isEqualTo("Sam Example");
        assertThat(nameChange.get("reason").asText()).isEqualTo("Spelling corrected from passport");
        assertThat(nameChange.get("changes").get("lastName").get("from").asText())
                .isEqualTo("Smyth");
        assertThat(nameChange.get("changes").get("lastName").get("to").asText()).isEqualTo("Smith");
        assertThat(history.get(5).get("changes").get("centreId").get("to").asText())
                .isEqualTo(target);

        awaitJson(
                "/api/centres/" + target + "/candidates",
                admin,
                json -> json.path("total").asInt() == 1);
        awaitJson(
                "/api/centres/" + centreId + "/candidates",
                admin,
                json -> json.path("total").asInt() == 0);
        assertThat(http.get(base, coordinator).status())
                .as("the old centre no longer sees them")
                .isEqualTo(404);
    }

    @Test
    void givenCandidatesRegistered_whenListedByTheDaysRegistered_thenFilteredAndBadRangesRefused() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        String otherCoordinator = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_COORDINATOR");
        register(coordinator, centreId, candidate("Ada", "Lovelace"));
        register(coordinator, centreId, candidate("Alan", "Turing"));
        String today = LocalDate.now(clock).toString();
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        String list = "/api/centres/" + centreId + "/candidates";

        var registeredToday = awaitJson(
                list + "?registeredFrom=" + today + "&registeredTo=" + today + "&size=1",
                coordinator,
                json -> json.get("total").asInt() == 2);
        assertThat(registeredToday.get("items")).hasSize(1);
        assertThat(registeredToday.get("items").get(0).get("registeredOn").asText())
                .isEqualTo(today);
        assertThat(http.get(list + "?registeredFrom=" + tomorrow, coordinator)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(http.get(list + "?registeredTo=" + today + "&status=WITHDRAWN", coordinator)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
        assertThat(http.get(list + "?registeredFrom=" + today, otherCoordinator).status())
                .as("another centre's coordinator")
                .isEqualTo(404);

        var backwards = http.get(list + "?registeredFrom=" + tomorrow + "&registeredTo=" + today, coordinator);
        assertThat(fieldOf(backwards)).isEqualTo("registeredFrom");
        assertThat(fieldOf(http.get(list + "?registeredTo=2026-02-30", coordinator)))
                .isEqualTo("registeredTo");
        assertThat(fieldOf(http.get(list + "?status=LOST", coordinator))).isEqualTo("status");
        assertThat(fieldOf(http.get("/api/candidates?registeredFrom=yesterday", admin)))
                .isEqualTo("registeredFrom");
        assertThat(fieldOf(http.get("/api/certificate-claims?claimedFrom=" + tomorrow + "&claimedTo=" + today, admin)))
                .isEqualTo("claimedFrom");
        assertThat(fieldOf(http.get("/api/certificate-claims?claimedTo=soon", coordinator)))
                .isEqualTo("claimedTo");
        assertThat(http.get("/api/certificate-claims?claimedFrom=" + tomorrow, coordinator)
                        .json()
                        .get("total")
                        .asInt())
                .isZero();
    }

    @Test
    void givenTheReceivingCentresNumber_whenTransferred_thenMovedThereAndIdAndNumberAreExclusive() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String target = approvedCentre(admin);
        String coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        String otherCoordinator = activeUser(admin, admin, target, null, "CENTRE_COORDINATOR");
        String candidateId = register(coordinator, centreId, candidate("Grace", "Hopper"))
                .get("candidateId")
                .asText();
        String number = awaitJson("/api/centres/" + target, admin, json -> json.hasNonNull("centreNumber"))
                .get("centreNumber")
                .asText();
        String transfer = "/api/candidates/" + candidateId + "/transfer";

        var both = http.post(
                transfer, coordinator, Map.of("toCentreId", target, "toCentreNumber", number, "reason", "Moved"));
        assertThat(fieldOf(both)).isEqualTo("toCentreId");
        assertThat(fieldOf(http.post(transfer, coordinator, Map.of("reason", "Moved"))))
                .isEqualTo("toCentreId");
        var unknown = http.post(transfer, coordinator, Map.of("toCentreNumber", "999999", "reason", "Moved"));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(http.post(transfer, otherCoordinator, Map.of("toCentreNumber", number, "reason", "Moved"))
                        .status())
                .as("the receiving centre's coordinator does not take candidates")
                .isEqualTo(404);

        var moved = http.post(transfer, coordinator, Map.of("toCentreNumber", " " + number + " ", "reason", "Moved"));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        assertThat(moved.json().get("centreId").asText()).isEqualTo(target);
        awaitJson(
                "/api/candidates/" + candidateId,
                otherCoordinator,
                json -> target.equals(json.path("centreId").asText()));
    }

    @Test
    void givenCentreRoles_whenUsingThePortal_thenReadersReadAndOnlyAdminsAndCoordinatorsChange() {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String candidateId = register(admin, centreId, candidate("Eve", "Jones"))
                .get("candidateId")
                .asText();
        awaitJson("/api/candidates/" + candidateId, admin, json -> json.has("registrationNumber"));
        String auditor = activeUser(admin, admin, null, null, "AUDITOR");
        String other = activeUser(admin, admin, approvedCentre(admin), null, "CENTRE_COORDINATOR");
        String centreAdmin = activeUser(admin, admin, centreId, null, "CENTRE_ADMIN");

        for (String role : List.of("INVIGILATOR", "ASSESSOR", "IQA")) {
            String reader = activeUser(admin, admin, centreId, null, role);
            assertThat(http.get("/api/candidates/" + candidateId, reader).status())
                    .as(role)
                    .isEqualTo(200);
            assertThat(http.get("/api/candidates/" + candidateId + "/history", reader)
                            .status())
                    .as(role)
                    .isEqualTo(200);
            assertThat(http.post("/api/centres/" + centreId + "/candidates", reader, candidate("A", "B"))
                            .status())
                    .as(role)
                    .isEqualTo(403);
            assertThat(http.post("/api/candidates/" + candidateId + "/withdraw", reader, Map.of("reason", "r"))
                            .status())
                    .as(role)
                    .isEqualTo(403);
        }
        assertThat(http.get("/api/candidates/" + candidateId, auditor).status()).isEqualTo(200);
        assertThat(http.post("/api/centres/" + centreId + "/candidates", auditor, candidate("A", "B"))
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/candidates/" + candidateId, other).status()).isEqualTo(404);
        assertThat(http.get("/api/candidates/" + candidateId + "/history", other)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/api/candidates/no-such-candidate/history", admin).status())
                .isEqualTo(404);
        assertThat(http.get("/api/centres/" + centreId + "/candidates", other).status())
                .isEqualTo(404);
        assertThat(http.get("/api/candidates?q=jones", other).status()).isEqualTo(403);
        assertThat(http.post(
                                "/api/candidates/" + candidateId + "/transfer",
                                centreAdmin,
                                Map.of("toCentreId", centreId, "reason", "r"))
                        .status())
                .as("only the coordinator transfers")
                .isEqualTo(403);
    }

    private static String fieldOf(HttpClientForTests.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").get(0).get("field").asText();
    }

    private static List<String> names(JsonNode page) {
        return page.get("items").findValuesAsText("lastName");
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
