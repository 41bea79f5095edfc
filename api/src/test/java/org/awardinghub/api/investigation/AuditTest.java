package org.awardinghub.api.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AssessmentSteps.Qualification;
import org.awardinghub.api.store.SealedChain;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Investigations over HTTP, as an auditor: a candidate's events with each actor PIN and reason; its state before an
 * amendment; a timeline by PIN; the hash chain intact, then broken at exactly the position of an event changed in
 * the database; a frozen bundle unchanged by later amendments; the blast radius of an invigilator; the seal.
 */
class AuditTest extends ApplicationTest {

    @Autowired
    JdbcTemplate jdbc;

    private String admin;
    private String auditor;
    private String centreId;
    private String coordinator;
    private String coordinatorPin;

    @BeforeEach
    void investigatorAndCentre() {
        admin = adminToken();
        auditor = activeUser(admin, admin, null, null, "AUDITOR");
        centreId = approvedCentre(admin);
        CreatedUser[] created = new CreatedUser[1];
        coordinator = activeUser(admin, admin, centreId, created, "CENTRE_COORDINATOR");
        coordinatorPin = created[0].pin();
    }

    private String registered(String lastName) {
        var response = http.post(
                "/api/centres/" + centreId + "/candidates",
                coordinator,
                Map.of(
                        "firstName",
                        "Ada",
                        "lastName",
                        lastName,
                        "dateOfBirth",
                        "2004-02-03",
                        "qualificationCode",
                        "LV2-MAINT"));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("candidateId").asText();
    }

    private void amend(String candidateId, String lastName, String reason) {
        var amended = http.post(
                "/api/candidates/" + candidateId + "/amendments",
                coordinator,
                Map.of("field", "LAST_NAME", "value", lastName, "reason", reason));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
    }

    private JsonNode events(String candidateId, int count) {
        return awaitJson(
                "/api/audit/records/candidate/" + candidateId + "/events", auditor, json -> json.size() == count);
    }

    @Test
    void givenAmendedCandidate_whenAuditorReadsEventsAndState_thenActorsReasonsAndTheOldValuesBefore() {
        String candidateId = registered("Lovelace");
        amend(candidateId, "King", "Married name, certificate seen");
        JsonNode events = events(candidateId, 2);

        assertThat(events.get(0).get("type").asText()).isEqualTo("CandidateRegistered");
        assertThat(events.get(1).get("type").asText()).isEqualTo("CandidateNameAmended");
        for (JsonNode event : events) {
            assertThat(event.get("recordType").asText()).isEqualTo("candidate");
            assertThat(event.get("recordId").asText()).isEqualTo(candidateId);
            assertThat(event.get("actorPin").asText()).isEqualTo(coordinatorPin);
            assertThat(event.get("correlationId").asText()).isNotBlank();
            assertThat(event.get("clientAddress").asText()).isNotBlank();
        }
        assertThat(events.get(1).get("reason").asText()).isEqualTo("Married name, certificate seen");
        assertThat(events.get(1).get("sequence").asLong()).isEqualTo(1);
        assertThat(events.get(1).get("globalPosition").asLong())
                .isGreaterThan(events.get(0).get("globalPosition").asLong());
        assertThat(events.get(1).get("payload").get("lastName").asText()).isEqualTo("King");

        Instant amendedAt = Instant.parse(events.get(1).get("at").asText());
        var before = http.get(
                "/api/audit/records/candidate/" + candidateId + "/state?asOf=" + amendedAt.minusMillis(1), auditor);
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        assertThat(before.json().get("state").get("lastName").asText()).isEqualTo("Lovelace");
        assertThat(before.json().get("sequence").asLong()).isZero();
        var now = http.get("/api/audit/records/candidate/" + candidateId + "/state", auditor);
        assertThat(now.json().get("state").get("lastName").asText()).isEqualTo("King");
        assertThat(http.get("/api/audit/records/candidate/" + candidateId + "/state?asOf=2000-01-01T00:00:00Z", auditor)
                        .status())
                .as("it did not exist yet")
                .isEqualTo(404);
        assertThat(http.get("/api/audit/records/candidate/" + candidateId + "/state?asOf=yesterday", auditor)
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/audit/records/planet/" + candidateId + "/events", auditor)
                        .status())
                .isEqualTo(400);

        for (String path : List.of(
                "/api/audit/records/candidate/" + candidateId + "/events",
                "/api/audit/verify",
                "/api/audit/timeline?actorPin=" + coordinatorPin)) {
            assertThat(http.get(path, coordinator).status())
                    .as("a centre user on " + path)
                    .isEqualTo(403);
        }
    }

    @Test
    void givenUserActions_whenTimelineReadByPinAndCentre_thenOnlyTheirsInGlobalOrder() {
        Instant start = clock.instant();
        String candidateId = registered("Hopper");
        amend(candidateId, "Hopper-Murray", "Double-barrelled on the birth certificate");
        JsonNode timeline = awaitJson(
                "/api/audit/timeline?actorPin=" + coordinatorPin + "&size=200",
                auditor,
                json -> types(json).contains("CandidateNameAmended"));
        assertThat(timeline.get("items"))
                .allSatisfy(event -> assertThat(event.get("actorPin").asText()).isEqualTo(coordinatorPin));
        List<Long> positions = new ArrayList<>();
        timeline.get("items")
                .forEach(event -> positions.add(event.get("globalPosition").asLong()));
        assertThat(positions).isSorted();
        assertThat(types(timeline)).contains("CandidateRegistered", "CandidateNameAmended");

        JsonNode atCentre = http.get(
                        "/api/audit/timeline?centreId=" + centreId + "&from=" + start + "&size=200", auditor)
                .json();
        assertThat(types(atCentre)).contains("CandidateRegistered", "CandidateNameAmended");
        JsonNode before = http.get("/api/audit/timeline?actorPin=" + coordinatorPin + "&to=" + start, auditor)
                .json();
        assertThat(types(before))
                .as("before the window: only their activation and sign-in")
                .isNotEmpty()
                .doesNotContain("CandidateRegistered", "CandidateNameAmended");
    }

    @Test
    void givenStoredEventChangedInTheDatabase_whenVerified_thenTheBreakIsAtExactlyItsPosition() {
        String candidateId = registered("Franklin");
        amend(candidateId, "Franklin-Gosling", "As on the passport");
        long position = events(candidateId, 2).get(1).get("globalPosition").asLong();
        awaitJson("/api/audit/seal", auditor, json -> json.path("position").asLong() >= position);
        JsonNode intact = http.get("/api/audit/verify", auditor).json();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        assertThat(intact.get("verified").asLong()).isGreaterThanOrEqualTo(countUpTo(position));

        byte[] original = jdbc.queryForObject(
                "SELECT payload FROM domain_event_entry WHERE global_index = ?", byte[].class, position);
        // an insider rewrites the (sealed) name amended to with one of their own, in clear
        String tampered = new String(original, StandardCharsets.UTF_8)
                .replaceFirst("\"lastName\":\"[^\"]*\"", "\"lastName\":\"Franklin-Gossling\"");
        assertThat(tampered).isNotEqualTo(new String(original, StandardCharsets.UTF_8));
        try {
            jdbc.update(
                    "UPDATE domain_event_entry SET payload = ? WHERE global_index = ?",
                    tampered.getBytes(StandardCharsets.UTF_8),
                    position);
            JsonNode broken = http.get("/api/audit/verify", auditor).json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBreak").get("globalPosition").asLong()).isEqualTo(position);
            assertThat(broken.get("verified").asLong())
                    .as("every link before it checked")
                    .isEqualTo(countUpTo(position) - 1);
        } finally {
            jdbc.update("UPDATE domain_event_entry SET payload = ? WHERE global_index = ?", original, position);
        }
        assertThat(http.get("/api/audit/verify", auditor).json().get("intact").asBoolean())
                .isTrue();
    }

    private long countUpTo(long position) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE global_index <= ?", Long.class, position);
    }

    @Test
    void givenFrozenCase_whenTheCandidateIsAmendedLater_thenTheBundleIsUnchanged() throws Exception {
        String candidateId = registered("Meitner");
        amend(candidateId, "Meitner-Frisch", "Typing error");
        long position = events(candidateId, 2).get(1).get("globalPosition").asLong();
        awaitJson("/api/audit/seal", auditor, json -> json.path("position").asLong() >= position);
        var frozen = http.post(
                "/api/audit/cases",
                auditor,
                Map.of(
                        "title",
                        "Name changes at the centre",
                        "records",
                        List.of(Map.of("type", "candidate", "id", candidateId))));
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(201);
        String caseId = frozen.json().get("caseId").asText();
        JsonNode bundle = awaitJson("/api/audit/cases/" + caseId + "/bundle", auditor, json -> json.has("events"));
        assertThat(bundle.get("events")).hasSize(2);
        assertThat(bundle.get("events").get(1).get("previousHash").asText()).hasSize(64);
        assertThat(bundle.get("chainHashAtPosition").asText()).hasSize(64);
        for (JsonNode link : bundle.get("events")) {
            assertThat(sha256(link.get("previousHash").asText() + "\n"
                            + link.get("canonical").asText()))
                    .as("each link checks with nothing but SHA-256")
                    .isEqualTo(link.get("hash").asText());
        }

        amend(candidateId, "Meitner", "Back to the registered name");
        events(candidateId, 3);
        assertThat(http.get("/api/audit/cases/" + caseId + "/bundle", auditor).json())
                .isEqualTo(bundle);
        assertThat(http.post(
                                "/api/audit/cases",
                                coordinator,
                                Map.of(
                                        "title",
                                        "t",
                                        "records",
                                        List.of(Map.of("type", "candidate", "id", candidateId))))
                        .status())
                .isEqualTo(403);
        assertThat(http.post(
                                "/api/audit/cases",
                                auditor,
                                Map.of("title", "t", "records", List.of(Map.of("type", "planet", "id", candidateId))))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void givenCasesFrozen_whenListed_thenLatestFirstPagedWithWhoWhenWhyAndWhat() {
        CreatedUser[] investigator = new CreatedUser[1];
        String named = activeUser(admin, admin, null, investigator, "AUDITOR");
        // the name beside the PIN comes from the users' read model, a processor of its own
        awaitJson(
                "/api/users/" + investigator[0].userId(),
                admin,
                json -> "Sam Example".equals(json.path("name").asText()));
        String candidateId = registered("Franklin");
        long before =
                http.get("/api/audit/cases?size=1", auditor).json().get("total").asLong();
        List<String> caseIds = new ArrayList<>();
        for (String title : List.of("First look", "Second look", "Third look")) {
            var frozen = http.post(
                    "/api/audit/cases",
                    named,
                    Map.of("title", title, "records", List.of(Map.of("type", "candidate", "id", candidateId))));
            assertThat(frozen.status()).as(frozen.toString()).isEqualTo(201);
            caseIds.add(frozen.json().get("caseId").asText());
            clock.advance(java.time.Duration.ofSeconds(1));
        }

        JsonNode all = awaitJson(
                "/api/audit/cases?size=200", admin, json -> json.get("total").asLong() == before + 3);
        List<String> listed = new ArrayList<>();
        all.get("items").forEach(item -> listed.add(item.get("caseId").asText()));
        assertThat(listed.indexOf(caseIds.get(2)))
                .as("the latest frozen first")
                .isLessThan(listed.indexOf(caseIds.get(1)))
                .isGreaterThanOrEqualTo(0);
        assertThat(listed.indexOf(caseIds.get(1))).isLessThan(listed.indexOf(caseIds.get(0)));
        JsonNode latest = all.get("items").get(listed.indexOf(caseIds.get(2)));
        assertThat(latest.get("title").asText()).isEqualTo("Third look");
        assertThat(latest.get("frozenByPin").asText()).isEqualTo(investigator[0].pin());
        assertThat(latest.get("frozenByName").asText()).isEqualTo("Sam Example");
        assertThat(Instant.parse(latest.get("frozenAt").asText())).isNotNull();
        assertThat(latest.get("records").get(0).get("type").asText()).isEqualTo("candidate");
        assertThat(latest.get("records").get(0).get("id").asText()).isEqualTo(candidateId);

        JsonNode first = http.get("/api/audit/cases?page=0&size=2", auditor).json();
        JsonNode second = http.get("/api/audit/cases?page=1&size=2", auditor).json();
        assertThat(first.get("total").asLong()).isEqualTo(before + 3);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("page").asInt()).isEqualTo(1);
        List<String> paged = new ArrayList<>();
        first.get("items").forEach(item -> paged.add(item.get("caseId").asText()));
        second.get("items").forEach(item -> paged.add(item.get("caseId").asText()));
        assertThat(paged).as("two pages of two").isEqualTo(listed.subList(0, Math.min(4, listed.size())));

        assertThat(http.get("/api/audit/cases", coordinator).status()).isEqualTo(403);
        var tooBig = http.get("/api/audit/cases?size=201", auditor);
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().toString()).contains("size");
        assertThat(http.get("/api/audit/cases?page=-1", auditor).status()).isEqualTo(400);
    }

    @Test
    void givenTwoInvigilators_whenBlastRadiusOfOne_thenExactlyTheCandidatesTheyOpenedAttemptsFor() {
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        Qualification qualification = steps.publish(30);
        String centre = steps.centre(qualification.code());
        AssessmentSteps.Staff suspect = steps.user(centre, "INVIGILATOR");
        String other = steps.user(centre, "INVIGILATOR").token();
        Candidate first = steps.register(admin, centre, qualification.code());
        Candidate second = steps.register(admin, centre, qualification.code());
        Candidate elsewhere = steps.register(admin, centre, qualification.code());
        steps.sit(suspect.token(), first, qualification.assessmentCode(), 4);
        steps.opened(suspect.token(), second.candidateId(), qualification.assessmentCode());
        steps.opened(other, elsewhere.candidateId(), qualification.assessmentCode());

        JsonNode radius = awaitJson(
                "/api/audit/blast-radius?kind=INVIGILATOR&key=" + suspect.pin(),
                auditor,
                json -> json.path("candidates").size() == 2);
        List<String> affected = new ArrayList<>();
        radius.get("candidates")
                .forEach(candidate -> affected.add(candidate.get("candidateId").asText()));
        assertThat(affected).containsExactlyInAnyOrder(first.candidateId(), second.candidateId());
        assertThat(radius.get("candidates").get(0).get("events")).isNotEmpty();
        JsonNode byAssessment = awaitJson(
                "/api/audit/blast-radius?kind=ASSESSMENT&key=" + qualification.assessmentCode(),
                auditor,
                json -> json.path("candidates").size() == 3);
        assertThat(byAssessment.get("candidates")).hasSize(3);
        assertThat(http.get("/api/audit/blast-radius?kind=PLANET&key=x", auditor)
                        .status())
                .isEqualTo(400);
        assertThat(http.get("/api/audit/blast-radius?kind=INVIGILATOR", auditor).status())
                .isEqualTo(400);
    }

    @Test
    void givenSeal_whenCheckedLater_thenItMatchesTheChainAndAForgedOneDoesNot() {
        registered("Noether");
        JsonNode seal = awaitJson("/api/audit/seal", auditor, json -> json.has("hash"));
        assertThat(seal.get("hash").asText()).hasSize(64);
        assertThat(seal.get("sealedAt").asText()).isNotBlank();
        registered("Germain");
        var checked = SealedChain.check(http, auditor, seal, seal.get("hash").asText());
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.json().get("matches").asBoolean()).isTrue();
        assertThat(SealedChain.check(http, auditor, seal, "0".repeat(64))
                        .json()
                        .get("matches")
                        .asBoolean())
                .isFalse();
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> types(JsonNode page) {
        List<String> types = new ArrayList<>();
        page.get("items").forEach(event -> types.add(event.get("type").asText()));
        return types;
    }
}
