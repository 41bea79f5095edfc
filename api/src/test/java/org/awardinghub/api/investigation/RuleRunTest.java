package org.awardinghub.api.investigation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AtOnce;
import org.awardinghub.api.HttpClientForTests;
import org.junit.jupiter.api.Test;

/**
 * Rules over history through HTTP (ADR 0168). The command side refuses a re-sit within 48 hours of a fail, so the
 * re-sit planted here is opened 50 hours after one: the library's rule with its default finds nothing, and with the
 * 72 hours an investigator might propose it finds exactly that re-sit, with the events that prove it. The run is
 * recorded and listed with the runner's name, read again (rerun up to its position, same digest) and frozen into a
 * case that names it; the proposal is recorded and IMI adopts it once. A centre user is refused everything, an
 * auditor the adoption; bad input is a problem that records nothing; twenty runs at once never fail.
 */
class RuleRunTest extends ApplicationTest {

    private static final String RUNS = "/api/investigations/rule-runs";
    private static final String PROPOSALS = "/api/investigations/rule-proposals";

    @Test
    void givenAResitFiftyHoursAfterAFail_whenAuditorRunsTheRule_thenFoundRecordedReproducedAndFrozenIntoACase() {
        String admin = adminToken();
        CreatedUser[] auditorUser = new CreatedUser[1];
        activeUser(admin, admin, null, auditorUser, "AUDITOR");
        AssessmentSteps steps = new AssessmentSteps(http, admin, DATA_DIR);
        AssessmentSteps.Qualification qualification = steps.publish(30);
        String centreId = steps.centre(qualification.code());
        AssessmentSteps.Staff coordinator = steps.user(centreId, "CENTRE_COORDINATOR");
        AssessmentSteps.Staff invigilator = steps.user(centreId, "INVIGILATOR");
        AssessmentSteps.Candidate candidate = steps.register(coordinator.token(), centreId, qualification.code());
        Instant from = clock.instant();
        String failed = steps.sit(invigilator.token(), candidate, qualification.assessmentCode(), 0)
                .get("attemptId")
                .asText();
        clock.advance(Duration.ofHours(50));
        String invigilatorToken = steps.signIn(invigilator.pin());
        String resit = steps.opened(invigilatorToken, candidate.candidateId(), qualification.assessmentCode())
                .get("attemptId")
                .asText();
        String auditor = signIn(auditorUser[0].pin(), GOOD_PASSWORD);
        admin = adminToken();
        awaitJson("/api/audit/records/attempt/" + resit + "/events", auditor, json -> json.size() == 1);
        Instant to = clock.instant().plusSeconds(1);

        JsonNode library = http.get("/api/investigations/rules", auditor).json();
        assertThat(library).extracting(rule -> rule.get("id").asText()).contains("resit-after-fail");
        assertThat(library.get(0).get("parameters").get(0).get("defaultValue").asInt())
                .isEqualTo(48);

        JsonNode none = ran(auditor, Map.of(), from, to);
        assertThat(none.get("breaches"))
                .as("the command side held to the 48 hours")
                .isEmpty();
        assertThat(none.get("eventsScanned").asLong()).isGreaterThanOrEqualTo(3);

        JsonNode run = ran(auditor, Map.of("hours", 72), from, to);
        assertThat(run.get("breaches")).hasSize(1);
        JsonNode breach = run.get("breaches").get(0);
        assertThat(breach.get("attemptId").asText()).isEqualTo(resit);
        assertThat(breach.get("events"))
                .extracting(event -> event.get("recordId").asText())
                .containsExactly(failed, resit);
        assertThat(breach.get("events")).allSatisfy(event -> {
            assertThat(event.get("globalPosition").asLong()).isPositive();
            assertThat(event.get("chainHash").asText()).hasSize(64);
        });
        assertThat(breach.get("people").get(0).get("pin").asText()).isEqualTo(invigilator.pin());
        assertThat(breach.get("learners").get(0).get("registrationNumber").asText())
                .isEqualTo(candidate.registrationNumber());
        assertThat(run.get("totals").get("attemptsRefused").asInt()).isEqualTo(1);
        assertThat(run.get("people").get(0).get("name").asText()).isEqualTo("Alex Example");
        String runId = run.get("runId").asText();

        JsonNode listed = awaitJson(
                RUNS + "?size=200", auditor, json -> !runsWithId(json, runId).isEmpty());
        JsonNode summary = runsWithId(listed, runId).get(0);
        assertThat(summary.get("ranByPin").asText()).isEqualTo(auditorUser[0].pin());
        assertThat(summary.get("ranByName").asText()).isEqualTo("Sam Example");
        assertThat(summary.get("findingsDigest").asText())
                .isEqualTo(run.get("findingsDigest").asText());
        assertThat(summary.get("parameters").get("hours").asInt()).isEqualTo(72);

        clock.advance(Duration.ofMinutes(5)); // more history after the run: its rerun stops at its position
        AssessmentSteps.Candidate another =
                steps.register(steps.signIn(coordinator.pin()), centreId, qualification.code());
        String later = steps.opened(invigilatorToken, another.candidateId(), qualification.assessmentCode())
                .get("attemptId")
                .asText();
        awaitJson("/api/audit/records/attempt/" + later + "/events", auditor, json -> json.size() == 1);
        JsonNode again = http.get(RUNS + "/" + runId, auditor).json();
        assertThat(again.get("reproduced").asBoolean()).as(again.toString()).isTrue();
        assertThat(again.get("breaches")).hasSize(1);
        assertThat(again.get("upToPosition").asLong())
                .isEqualTo(run.get("upToPosition").asLong());

        var frozen = http.post(RUNS + "/" + runId + "/case", auditor, Map.of("title", "Early re-sits at the centre"));
        assertThat(frozen.status()).as(frozen.toString()).isEqualTo(201);
        String caseId = frozen.json().get("caseId").asText();
        JsonNode bundle = awaitJson("/api/audit/cases/" + caseId + "/bundle", auditor, json -> true);
        assertThat(bundle.get("ruleRunId").asText()).isEqualTo(runId);
        assertThat(bundle.get("upToPosition").asLong())
                .isEqualTo(run.get("upToPosition").asLong());
        assertThat(bundle.get("records"))
                .extracting(record ->
                        record.get("type").asText() + ":" + record.get("id").asText())
                .contains("candidate:" + candidate.candidateId());
        assertThat(bundle.get("events")).isNotEmpty();

        LocalDate today = LocalDate.ofInstant(from, ZoneOffset.UTC);
        var proposed = http.post(
                PROPOSALS,
                auditor,
                Map.of("rule", "resit-after-fail", "parameters", Map.of("hours", 72), "since", today.toString()));
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        assertThat(proposed.json().get("totals").get("attemptsRefused").asInt()).isPositive();
        assertThat(proposed.json().get("statement").asText())
                .startsWith("Had this rule applied since " + today + ", ")
                .contains("would have been refused");
        String proposalId = proposed.json().get("proposalId").asText();
        awaitJson(PROPOSALS + "?size=200", auditor, json -> json.toString().contains(proposalId));

        assertThat(http.post(PROPOSALS + "/" + proposalId + "/adoption", auditor, Map.of())
                        .status())
                .as("an auditor may not adopt")
                .isEqualTo(403);
        var adopted = http.post(PROPOSALS + "/" + proposalId + "/adoption", admin, Map.of());
        assertThat(adopted.status()).as(adopted.toString()).isEqualTo(200);
        assertThat(http.post(PROPOSALS + "/" + proposalId + "/adoption", admin, Map.of())
                        .status())
                .as("adopted once")
                .isEqualTo(409);
        assertThat(http.post(PROPOSALS + "/no-such-proposal/adoption", admin, Map.of())
                        .status())
                .isEqualTo(404);
        JsonNode adoptedRules = awaitJson(
                PROPOSALS + "?adopted=true&size=200",
                auditor,
                json -> json.toString().contains(proposalId));
        assertThat(adoptedRules.get("items"))
                .allSatisfy(item -> assertThat(item.get("status").asText()).isEqualTo("ADOPTED"));

        String centreUser = coordinatorToken(steps, coordinator);
        for (String path : List.of("/api/investigations/rules", RUNS, RUNS + "/" + runId, PROPOSALS)) {
            assertThat(http.get(path, centreUser).status())
                    .as("a centre user on " + path)
                    .isEqualTo(403);
        }
        assertThat(http.post(RUNS, centreUser, Map.of("rule", "resit-after-fail"))
                        .status())
                .isEqualTo(403);
        assertThat(http.post(RUNS + "/" + runId + "/case", centreUser, Map.of("title", "x"))
                        .status())
                .isEqualTo(403);
        assertThat(http.post(PROPOSALS, centreUser, Map.of("rule", "resit-after-fail", "since", "2026-01-01"))
                        .status())
                .isEqualTo(403);
        assertThat(http.post(PROPOSALS + "/" + proposalId + "/adoption", centreUser, Map.of())
                        .status())
                .isEqualTo(403);
    }

    private String coordinatorToken(AssessmentSteps steps, AssessmentSteps.Staff coordinator) {
        return steps.signIn(coordinator.pin());
    }

    private JsonNode ran(String auditor, Map<String, ?> parameters, Instant from, Instant to) {
        var ran = http.post(
                RUNS,
                auditor,
                Map.of(
                        "rule",
                        "resit-after-fail",
                        "parameters",
                        parameters,
                        "from",
                        from.toString(),
                        "to",
                        to.toString()));
        assertThat(ran.status()).as(ran.toString()).isEqualTo(201);
        assertThat(ran.header("Location"))
                .endsWith(RUNS + "/" + ran.json().get("runId").asText());
        return ran.json();
    }

    private static List<JsonNode> runsWithId(JsonNode page, String runId) {
        List<JsonNode> found = new ArrayList<>();
        page.get("items").forEach(item -> {
            if (item.get("runId").asText().equals(runId)) {
                found.add(item);
            }
        });
        return found;
    }

    @Test
    void givenBadInput_whenRunOrProposed_thenProblemsNamingTheFieldAndNothingRecorded() {
        String auditor = activeUser(adminToken(), adminToken(), null, null, "AUDITOR");
        long before = http.get(RUNS, auditor).json().get("total").asLong();
        Map<String, Object> unknownRule = Map.of("rule", "no-such-rule");
        Map<String, Object> outOfLimits = Map.of("rule", "resit-after-fail", "parameters", Map.of("hours", 0));
        Map<String, Object> unknownParameter = Map.of("rule", "fast-high-score", "parameters", Map.of("speed", 1));
        Map<String, Object> notANumber = Map.of("rule", "fast-high-score", "parameters", Map.of("percent", "lots"));
        Map<String, Object> badInstant = Map.of("rule", "fast-high-score", "from", "yesterday");
        Map<String, Object> backwards =
                Map.of("rule", "fast-high-score", "from", "2026-02-01T00:00:00Z", "to", "2026-01-01T00:00:00Z");
        Map<String, Object> blank = new HashMap<>();
        blank.put("rule", " ");
        Map<Map<String, Object>, String> cases = Map.of(
                unknownRule, "rule",
                outOfLimits, "parameters.hours",
                unknownParameter, "parameters.speed",
                notANumber, "parameters.percent",
                badInstant, "from",
                backwards, "to",
                blank, "rule");
        cases.forEach((body, field) -> {
            var refused = http.post(RUNS, auditor, body);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo(field);
        });
        for (String since : List.of("last year", "2026-13-01", "")) {
            var refused = http.post(PROPOSALS, auditor, Map.of("rule", "resit-after-fail", "since", since));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asText())
                    .isEqualTo("since");
        }
        assertThat(http.get(RUNS + "/no-such-run", auditor).status()).isEqualTo(404);
        assertThat(http.post(RUNS + "/no-such-run/case", auditor, Map.of("title", "A case"))
                        .status())
                .isEqualTo(404);
        assertThat(http.post(RUNS + "/no-such-run/case", auditor, Map.of("title", " "))
                        .status())
                .isEqualTo(400);
        assertThat(http.get(RUNS, auditor).json().get("total").asLong())
                .as("nothing recorded")
                .isEqualTo(before);
    }

    @Test
    void givenTwentyRunsAtOnce_whenSent_thenEachIsRunAndRecordedOrToldToComeBackNeverAFailure() {
        String auditor = activeUser(adminToken(), adminToken(), null, null, "AUDITOR");

        List<HttpClientForTests.Response> answers = AtOnce.send(
                20,
                sender -> http.post(
                        RUNS, auditor, Map.of("rule", sender % 2 == 0 ? "fast-high-score" : "late-corrections")));

        assertThat(answers)
                .allSatisfy(answer ->
                        assertThat(answer.status()).as(answer.toString()).isIn(201, 503));
        assertThat(answers)
                .filteredOn(answer -> answer.status() == 201)
                .isNotEmpty()
                .allSatisfy(answer ->
                        assertThat(answer.json().get("findingsDigest").asText()).hasSize(64));
    }
}
