package org.awardinghub.api.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.api.DeadLetterProbe;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A projection that fails on an event parks it in its dead-letter queue and goes on: IMI_ADMIN sees the letter,
 * and once the fault is mended a retry applies it, in its record's order. {@link DeadLetterProbe} is the
 * projection; it fails on a chosen centre's application for as long as it is told to.
 */
class DeadLetterTest extends ApplicationTest {

    private static final String PROBE = DeadLetterProbe.PROCESSING_GROUP;

    @Autowired
    DeadLetterProbe probe;

    @Test
    void givenAProjectionFailingOnAnEvent_whenLaterEventsArrive_thenItIsParkedTheOthersGoOnAndARetryAppliesIt() {
        String admin = adminToken();
        String refusedName = "Refused Motors " + unique();
        String refused;
        String other;
        probe.refuse(refusedName);
        try {
            refused = centre(admin, refusedName);
            var approval = http.post(
                    "/api/centres/" + refused + "/approve",
                    admin,
                    Map.of("qualificationCodes", List.of("LV2-MAINT"), "directClaimStatus", false));
            assertThat(approval.status()).as(approval.toString()).isEqualTo(200);
            other = centre(admin, "Other Motors " + unique());

            // the projection did not stop: a later event of another record is applied
            await().atMost(Duration.ofSeconds(20))
                    .untilAsserted(() -> assertThat(probe.applied(other)).containsExactly("CentreApplied"));
            assertThat(probe.applied(refused)).as("parked, not applied").isEmpty();
            JsonNode processor =
                    processor(http.get("/api/admin/processors", admin).json(), PROBE);
            assertThat(processor.get("error").asBoolean()).isFalse();
            assertThat(processor.get("running").asBoolean()).isTrue();

            // IMI_ADMIN sees both of the record's events: the one that failed, and the later one queued behind it
            JsonNode queue = queue(
                    awaitJson(
                            "/api/admin/dead-letters",
                            admin,
                            json -> queue(json, PROBE).get("letters").size() == 2),
                    PROBE);
            assertThat(queue.get("sequences").asLong()).isEqualTo(1);
            assertThat(queue.get("deadLetters").asLong()).isEqualTo(2);
            assertThat(queue.get("complete").asBoolean()).isTrue();
            JsonNode failed = queue.get("letters").get(0);
            assertThat(failed.get("sequenceIdentifier").asText()).isEqualTo(refused);
            assertThat(failed.get("eventType").asText()).isEqualTo("CentreApplied");
            assertThat(failed.get("payloadType").asText()).isEqualTo("org.awardinghub.events.centre.CentreApplied");
            assertThat(failed.get("aggregateType").asText()).isEqualTo("Centre");
            assertThat(failed.get("aggregateId").asText()).isEqualTo(refused);
            assertThat(failed.get("aggregateSequence").asLong()).isZero();
            assertThat(failed.get("globalPosition").asLong()).isPositive();
            assertThat(failed.get("eventId").asText()).isNotBlank();
            assertThat(failed.get("occurredAt").asText()).isNotBlank();
            assertThat(failed.get("enqueuedAt").asText()).isNotBlank();
            assertThat(failed.get("lastTouched").asText()).isNotBlank();
            assertThat(failed.get("cause").get("type").asText()).isEqualTo(IllegalStateException.class.getName());
            assertThat(failed.get("cause").get("message").asText()).contains(refusedName);
            assertThat(failed.get("diagnostics").get("retries").asInt()).isZero();
            JsonNode behind = queue.get("letters").get(1);
            assertThat(behind.get("sequenceIdentifier").asText()).isEqualTo(refused);
            assertThat(behind.get("eventType").asText()).isEqualTo("CentreApproved");
            assertThat(behind.get("aggregateSequence").asLong()).isEqualTo(1);
            assertThat(behind.get("globalPosition").asLong())
                    .isGreaterThan(failed.get("globalPosition").asLong());
            assertThat(behind.get("cause").isNull())
                    .as("queued behind, it did not fail itself")
                    .isTrue();
            JsonNode firstOnly =
                    queue(http.get("/api/admin/dead-letters?limit=1", admin).json(), PROBE);
            assertThat(firstOnly.get("letters").size()).isEqualTo(1);
            assertThat(firstOnly.get("complete").asBoolean()).isFalse();

            // a retry before the fault is mended fails again, keeps both letters and counts the retry
            var early = http.post("/api/admin/dead-letters/" + PROBE + "/retry", admin, Map.of());
            assertThat(early.status()).as(early.toString()).isEqualTo(200);
            assertThat(early.json().get("sequencesRetried").asInt()).isEqualTo(1);
            assertThat(early.json().get("sequencesCleared").asInt()).isZero();
            JsonNode stillFailing = early.json().get("retried").get(0);
            assertThat(stillFailing.get("sequenceIdentifier").asText()).isEqualTo(refused);
            assertThat(stillFailing.get("deadLetters").asLong()).isEqualTo(2);
            assertThat(stillFailing.get("cleared").asBoolean()).isFalse();
            assertThat(stillFailing.get("remaining").asLong()).isEqualTo(2);
            assertThat(stillFailing.get("cause").get("message").asText()).contains(refusedName);
            assertThat(early.json().get("remainingDeadLetters").asLong()).isEqualTo(2);
            JsonNode retriedOnce =
                    queue(http.get("/api/admin/dead-letters", admin).json(), PROBE);
            assertThat(retriedOnce
                            .get("letters")
                            .get(0)
                            .get("diagnostics")
                            .get("retries")
                            .asInt())
                    .isEqualTo(1);
            assertThat(probe.applied(refused)).isEmpty();
        } finally {
            probe.refuse(null);
        }

        // mended: the retry applies the record's events in their order and empties the queue
        var retry = http.post("/api/admin/dead-letters/" + PROBE + "/retry", admin, Map.of());
        assertThat(retry.status()).as(retry.toString()).isEqualTo(200);
        assertThat(retry.json().get("processor").asText()).isEqualTo(PROBE);
        assertThat(retry.json().get("sequencesCleared").asInt()).isEqualTo(1);
        JsonNode cleared = retry.json().get("retried").get(0);
        assertThat(cleared.get("sequenceIdentifier").asText()).isEqualTo(refused);
        assertThat(cleared.get("cleared").asBoolean()).isTrue();
        assertThat(cleared.get("remaining").asLong()).isZero();
        assertThat(cleared.get("cause").isNull()).isTrue();
        assertThat(retry.json().get("remainingSequences").asLong()).isZero();
        assertThat(retry.json().get("remainingDeadLetters").asLong()).isZero();
        assertThat(probe.applied(refused)).containsExactly("CentreApplied", "CentreApproved");
        assertThat(queue(http.get("/api/admin/dead-letters", admin).json(), PROBE)
                        .get("letters")
                        .size())
                .isZero();

        // and the record is no longer held back: its next event is applied straight away
        var suspended = http.post("/api/centres/" + refused + "/suspend", admin, Map.of("reason", "Checks"));
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(probe.applied(refused))
                        .containsExactly("CentreApplied", "CentreApproved", "CentreSuspended"));
        assertThat(queue(http.get("/api/admin/dead-letters", admin).json(), PROBE)
                        .get("deadLetters")
                        .asLong())
                .isZero();
        assertThat(http.post("/api/admin/dead-letters/" + PROBE + "/retry", admin, Map.of())
                        .json()
                        .get("sequencesRetried")
                        .asInt())
                .as("nothing left to retry")
                .isZero();
    }

    @Test
    void givenAParkedEvent_whenTheProjectionIsReplayed_thenItsQueueIsEmptiedAndTheEventAppliedAfresh() {
        String admin = adminToken();
        String refusedName = "Replayed Motors " + unique();
        probe.refuse(refusedName);
        String refused;
        try {
            refused = centre(admin, refusedName);
            awaitJson(
                    "/api/admin/dead-letters",
                    admin,
                    json -> queue(json, PROBE).get("deadLetters").asLong() == 1);
        } finally {
            probe.refuse(null);
        }
        var replay = http.post("/api/admin/processors/" + PROBE + "/replay", admin, Map.of());
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        awaitJson(
                "/api/admin/processors",
                admin,
                json -> !processor(json, PROBE).get("replaying").asBoolean());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(probe.applied(refused)).containsExactly("CentreApplied"));
        assertThat(queue(http.get("/api/admin/dead-letters", admin).json(), PROBE)
                        .get("deadLetters")
                        .asLong())
                .as("the replay emptied the queue, and the event went through this time")
                .isZero();
    }

    @Test
    void givenTheDeadLetterQueues_whenListed_thenEveryReadModelHasOneAndTheStoppingProcessorsHaveNone() {
        String admin = adminToken();
        var response = http.get("/api/admin/dead-letters", admin);
        assertThat(response.status()).isEqualTo(200);
        List<String> processors = response.json().findValuesAsText("processor");
        assertThat(processors)
                .contains(
                        "assessment",
                        "catalogue",
                        "certification",
                        "hub",
                        "library",
                        "personnel",
                        "portal",
                        "reports",
                        PROBE)
                .doesNotContain("command-lookups", "certification-policy", "audit", "item-statistics", "returns");
        assertPagesOfOne("/api/admin/dead-letters", admin, 2);
        assertPagesOfOne("/api/admin/processors", admin, 2);
    }

    @Test
    void givenBadRequests_whenAskingForDeadLetters_thenProblemsNeverFailures() {
        String admin = adminToken();
        for (String limit : List.of("abc", "0", "-1", "1001", "99999999999")) {
            var response = http.get("/api/admin/dead-letters?limit=" + limit, admin);
            assertThat(response.status()).as(limit).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
        var unknown = http.post("/api/admin/dead-letters/nothing/retry", admin, Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        for (String stopping : List.of("audit", "command-lookups", "certification-policy", "item-statistics")) {
            var refused = http.post("/api/admin/dead-letters/" + stopping + "/retry", admin, Map.of());
            assertThat(refused.status()).as(stopping).isEqualTo(409);
            assertThat(refused.json().get("detail").asText()).contains("no dead-letter queue");
        }
        assertThat(http.send("DELETE", "/api/admin/dead-letters/portal/retry", admin)
                        .status())
                .isEqualTo(405);
    }

    private String centre(String admin, String name) {
        var created = http.post(
                "/api/centres",
                admin,
                Map.of(
                        "name",
                        name,
                        "address",
                        "2 Letter Lane, Hertford",
                        "contactEmail",
                        "office@" + unique() + ".example"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("centreId").asText();
    }

    private static JsonNode queue(JsonNode all, String processor) {
        for (JsonNode queue : all) {
            if (processor.equals(queue.get("processor").asText())) {
                return queue;
            }
        }
        throw new AssertionError("no dead-letter queue for " + processor + " in " + all);
    }

    private static JsonNode processor(JsonNode all, String name) {
        for (JsonNode processor : all) {
            if (name.equals(processor.get("name").asText())) {
                return processor;
            }
        }
        throw new AssertionError("no processor " + name + " in " + all);
    }
}
