package org.awardinghub.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.AssessmentSteps;
import org.awardinghub.api.AssessmentSteps.Candidate;
import org.awardinghub.api.AtOnce;
import org.awardinghub.api.HttpClientForTests;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention over HTTP (ADR 0166): a record enters IMI's queue only once its period has passed on the application's
 * clock; a held record stays out of it until the hold is lifted, an extended one until the day after it is kept
 * until; the daily review lists the records due and emails IMI's administrators, erasing nothing. Only IMI
 * administrators decide, auditors read, centre users are refused; bad input changes nothing; a hold twice, a lift
 * with none and an erasure while held are refused with 409, and of twenty holds sent at once one stands.
 */
class RetentionTest extends ApplicationTest {

    /** Past the six years after withdrawal (and after the last activity) of application.properties. */
    static final Duration PAST_SIX_YEARS = Duration.ofDays(6 * 366 + 2);

    static final String BOOTSTRAP_ADMIN_EMAIL = "admin@awarding-hub.local";

    @Autowired
    JdbcTemplate jdbc;

    String admin;
    String auditor;
    String auditorPin;
    String coordinator;
    AssessmentSteps steps;
    String centreId;

    @BeforeEach
    void centreWithCoordinator() {
        admin = adminToken();
        steps = new AssessmentSteps(http, admin, DATA_DIR);
        centreId = approvedCentre(admin);
        coordinator = activeUser(admin, admin, centreId, null, "CENTRE_COORDINATOR");
        CreatedUser[] created = new CreatedUser[1];
        auditor = activeUser(admin, admin, null, created, "AUDITOR");
        auditorPin = created[0].pin();
    }

    /** Moves the clock and signs in again: the sessions have long ended. */
    void later(Duration duration) {
        clock.advance(duration);
        admin = adminToken();
        auditor = signIn(auditorPin, GOOD_PASSWORD);
    }

    Candidate registered() {
        Candidate candidate = steps.register(coordinator, centreId, "LV2-MAINT");
        retentionOf(candidate, json -> true);
        return candidate;
    }

    void withdrawn(Candidate candidate) {
        var withdrawn = http.post(
                "/api/candidates/" + candidate.candidateId() + "/withdraw", coordinator, Map.of("reason", "Left"));
        assertThat(withdrawn.status()).as(withdrawn.toString()).isEqualTo(200);
        retentionOf(candidate, json -> json.get("status").asText().equals("WITHDRAWN"));
    }

    JsonNode retentionOf(Candidate candidate, java.util.function.Predicate<JsonNode> until) {
        return awaitJson("/api/candidates/" + candidate.candidateId() + "/retention", admin, until);
    }

    HttpClientForTests.Response decide(String token, Candidate candidate, String decision, Map<String, ?> body) {
        return http.post("/api/candidates/" + candidate.candidateId() + decision, token, body);
    }

    /** The whole queue, as IMI reads it: the candidates' ids. */
    List<String> queue(String token) {
        var response = http.get("/api/retention/queue", token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("X-Total-Count"))
                .isEqualTo(String.valueOf(response.json().size()));
        List<String> ids = new ArrayList<>();
        response.json().forEach(item -> ids.add(item.get("candidateId").asText()));
        return ids;
    }

    List<String> legalHolds() {
        var response = http.get("/api/retention/legal-holds", auditor);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().forEach(item -> ids.add(item.get("candidateId").asText()));
        return ids;
    }

    long eventsOf(Candidate candidate) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                candidate.candidateId());
    }

    @Test
    void
            givenAWithdrawnAHeldAndAnExtendedRecord_whenTheClockPassesTheirPeriods_thenOnlyThoseDueAreQueuedAndImiIsTold() {
        Candidate withdrawn = registered();
        withdrawn(withdrawn);
        Candidate held = registered();
        Candidate extended = registered();
        LocalDate today = LocalDate.now(clock);
        LocalDate keepUntil = today.plusYears(10);

        var hold = decide(
                admin,
                held,
                "/legal-hold",
                Map.of(
                        "caseId",
                        "CASE-19",
                        "reason",
                        "Malpractice inquiry",
                        "legalBasis",
                        "Art. 17(3)(e): legal claims"));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(200);
        assertThat(hold.json().get("decision").asText()).isEqualTo("LEGAL_HOLD_PLACED");
        var extension = decide(
                admin,
                extended,
                "/retention/extension",
                Map.of(
                        "keepUntil",
                        keepUntil.toString(),
                        "reason",
                        "Claim in the county court",
                        "legalBasis",
                        "UK GDPR Art. 17(3)(e): legal claims"));
        assertThat(extension.status()).as(extension.toString()).isEqualTo(200);
        assertThat(extension.json().get("keepUntil").asText()).isEqualTo(keepUntil.toString());

        JsonNode before = retentionOf(withdrawn, json -> true);
        assertThat(before.get("basis").asText()).isEqualTo("WITHDRAWAL");
        assertThat(before.get("countedFrom").asText()).isEqualTo(today.toString());
        assertThat(before.get("lastActivity").asText()).isEqualTo("CandidateWithdrawn");
        assertThat(before.get("dueOn").asText()).isEqualTo(today.plusYears(6).toString());
        assertThat(before.get("due").asBoolean()).isFalse();
        assertThat(queue(admin)).as("not due yet").doesNotContain(withdrawn.candidateId());
        JsonNode standing = retentionOf(held, json -> !json.get("legalHold").isNull());
        assertThat(standing.get("legalHold").get("caseId").asText()).isEqualTo("CASE-19");
        assertThat(standing.get("legalHold").get("reason").asText()).isEqualTo("Malpractice inquiry");
        assertThat(standing.get("legalHold").get("placedByPin").asText()).isEqualTo(ADMIN_PIN);
        assertThat(legalHolds()).contains(held.candidateId()).doesNotContain(withdrawn.candidateId());
        JsonNode kept = retentionOf(extended, json -> !json.get("extension").isNull());
        assertThat(kept.get("dueOn").asText()).isEqualTo(keepUntil.plusDays(1).toString());
        assertThat(kept.get("extension").get("legalBasis").asText()).isEqualTo("UK GDPR Art. 17(3)(e): legal claims");

        later(PAST_SIX_YEARS);

        assertThat(queue(admin))
                .contains(withdrawn.candidateId())
                .doesNotContain(held.candidateId(), extended.candidateId());
        assertThat(queue(auditor)).as("auditors read the queue").contains(withdrawn.candidateId());
        assertThat(retentionOf(withdrawn, json -> true).get("due").asBoolean()).isTrue();
        assertThat(retentionOf(held, json -> true).get("due").asBoolean())
                .as("held")
                .isFalse();
        JsonNode review = todaysReview();
        assertThat(review.get("due").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(review.get("notified").asInt()).isGreaterThanOrEqualTo(1);
        var told = http.get("/api/outbox?to=" + BOOTSTRAP_ADMIN_EMAIL, admin);
        assertThat(told.json().get(0).get("subject").asText()).contains("newly due for a decision");
        assertThat(told.json().get(0).get("body").asText())
                .contains("/#/privacy")
                .doesNotContain("Robin");
        assertThat(retentionOf(withdrawn, json -> true).get("erasure").isNull())
                .as("the review erases nothing")
                .isTrue();

        var lift = decide(admin, held, "/legal-hold/lift", Map.of("reason", "Inquiry closed"));
        assertThat(lift.status()).as(lift.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> queue(admin).contains(held.candidateId()));
        assertThat(legalHolds()).doesNotContain(held.candidateId());

        later(Duration.ofDays(4 * 366 + 2));
        assertThat(queue(admin)).as("after the day it was kept until").contains(extended.candidateId());
    }

    /** The review of the clock's day, which the scheduler runs once the clock passes the day's review time. */
    JsonNode todaysReview() {
        String today = LocalDate.now(clock).toString();
        JsonNode[] found = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    var reviews = http.get("/api/retention/reviews?page=0&size=5", admin);
                    for (JsonNode review : reviews.json()) {
                        if (review.get("reviewedOn").asText().equals(today)) {
                            found[0] = review;
                            return true;
                        }
                    }
                    return false;
                });
        return found[0];
    }

    @Test
    void givenCallersOfEachKind_whenDeciding_thenOnlyImiAdministratorsMayAndAuditorsRead() {
        Candidate candidate = registered();
        long events = eventsOf(candidate);
        Map<String, String> reason = Map.of("reason", "r");
        for (String token : List.of(auditor, coordinator)) {
            assertThat(decide(token, candidate, "/legal-hold", reason).status()).isEqualTo(403);
            assertThat(decide(token, candidate, "/legal-hold/lift", reason).status())
                    .isEqualTo(403);
            assertThat(decide(
                                    token,
                                    candidate,
                                    "/retention/extension",
                                    Map.of("keepUntil", "2099-01-01", "reason", "r", "legalBasis", "b"))
                            .status())
                    .isEqualTo(403);
        }
        for (String path : List.of(
                "/api/retention/queue",
                "/api/retention/legal-holds",
                "/api/retention/reviews",
                "/api/candidates/" + candidate.candidateId() + "/retention")) {
            assertThat(http.get(path, coordinator).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, auditor).status()).as(path).isEqualTo(200);
        }
        assertThat(eventsOf(candidate)).as("nothing recorded").isEqualTo(events);
    }

    @Test
    void givenBadInput_whenDeciding_thenProblemsAndNothingChanged() {
        Candidate candidate = registered();
        long events = eventsOf(candidate);
        String tomorrow = LocalDate.now(clock).plusDays(1).toString();
        List<Map<String, Object>> badHolds = List.of(
                Map.of(),
                Map.of("reason", " "),
                Map.of("reason", "x".repeat(1001)),
                Map.of("reason", "r", "caseId", "a\nb", "legalBasis", "b"),
                Map.of("reason", "r"));
        for (Map<String, Object> body : badHolds) {
            var refused = decide(admin, candidate, "/legal-hold", body);
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        Map<String, Object> good = Map.of("keepUntil", tomorrow, "reason", "r", "legalBasis", "Art. 6(1)(c)");
        for (Map.Entry<String, Object> wrong : Map.<String, Object>of(
                        "keepUntil", LocalDate.now(clock).toString(),
                        "legalBasis", "two\nlines",
                        "reason", "")
                .entrySet()) {
            Map<String, Object> body = new HashMap<>(good);
            body.put(wrong.getKey(), wrong.getValue());
            var refused = decide(admin, candidate, "/retention/extension", body);
            assertThat(refused.status()).as(body.toString()).isEqualTo(400);
            assertThat(refused.json().toString()).as(body.toString()).contains(wrong.getKey());
        }
        for (String missing : List.of("keepUntil", "legalBasis")) {
            Map<String, Object> body = new HashMap<>(good);
            body.remove(missing);
            assertThat(decide(admin, candidate, "/retention/extension", body).status())
                    .isEqualTo(400);
        }
        var notADate = http.postRaw(
                "/api/candidates/" + candidate.candidateId() + "/retention/extension",
                admin,
                "application/json",
                "{\"keepUntil\":\"next year\",\"reason\":\"r\",\"legalBasis\":\"b\"}");
        assertThat(notADate.status()).isEqualTo(400);
        assertThat(decide(admin, candidate, "/legal-hold/lift", Map.of()).status())
                .isEqualTo(400);
        assertThat(http.get("/api/retention/queue?page=-1", admin).status()).isEqualTo(400);
        assertThat(http.get("/api/retention/reviews?size=201", admin).status()).isEqualTo(400);
        assertThat(http.get("/api/candidates/nobody/retention", admin).status()).isEqualTo(404);
        assertThat(decide(
                                admin,
                                new Candidate("nobody", "0"),
                                "/legal-hold",
                                Map.of("reason", "r", "legalBasis", "Art. 17(3)(e): legal claims"))
                        .status())
                .isEqualTo(404);

        assertThat(eventsOf(candidate)).as("nothing recorded").isEqualTo(events);
        JsonNode unchanged = retentionOf(candidate, json -> true);
        assertThat(unchanged.get("legalHold").isNull()).isTrue();
        assertThat(unchanged.get("extension").isNull()).isTrue();
    }

    @Test
    void givenTwentyHoldsAtOnce_whenSent_thenOneStandsAndTheOthersAre409AndLeaveNothing() {
        Candidate candidate = registered();
        long events = eventsOf(candidate);

        List<HttpClientForTests.Response> answers = AtOnce.send(
                20,
                sender -> decide(
                        admin,
                        candidate,
                        "/legal-hold",
                        Map.of("reason", "Inquiry, by " + sender, "legalBasis", "Art. 17(3)(e): legal claims")));

        AtOnce.oneMadeAndTheRestConflicts(answers, 200);
        assertThat(eventsOf(candidate)).as("one hold recorded").isEqualTo(events + 1);
        retentionOf(candidate, json -> !json.get("legalHold").isNull());
        assertThat(legalHolds()).containsOnlyOnce(candidate.candidateId());
    }

    @Test
    void givenAHold_whenHeldAgainLiftedTwiceOrErased_thenConflicts() {
        Candidate candidate = registered();
        assertThat(decide(admin, candidate, "/legal-hold/lift", Map.of("reason", "none stands"))
                        .status())
                .as("a lift with no hold")
                .isEqualTo(409);
        assertThat(decide(
                                admin,
                                candidate,
                                "/legal-hold",
                                Map.of("reason", "Appeal lodged", "legalBasis", "Art. 17(3)(e): legal claims"))
                        .status())
                .isEqualTo(200);
        var twice = decide(
                admin,
                candidate,
                "/legal-hold",
                Map.of("reason", "Again", "legalBasis", "Art. 17(3)(e): legal claims"));
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.contentType()).startsWith("application/problem+json");
        retentionOf(candidate, json -> !json.get("legalHold").isNull());

        var erasure = decide(
                admin, candidate, "/erasure", Map.of("reason", "Asked to be forgotten", "legalBasis", "Art. 17(1)(a)"));
        Assumptions.assumeTrue(
                erasure.status() != 404 && erasure.status() != 405,
                "POST /api/candidates/{id}/erasure is the integrator's, not merged yet");
        assertThat(erasure.status())
                .as("an erasure while a hold stands: " + erasure)
                .isEqualTo(409);
        assertThat(retentionOf(candidate, json -> true).get("erasure").isNull()).isTrue();
    }
}
