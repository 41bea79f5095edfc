package org.awardinghub.api.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awardinghub.api.ApplicationTest;
import org.awardinghub.command.privacy.PersonalDataCipher;
import org.awardinghub.command.privacy.RequestPersonalDataSealing;
import org.awardinghub.events.AuditMetadata;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Events an earlier release stored with personal data in clear are brought under the scheme (ADR 0164): sealed where
 * they are stored, the chain recomputed and found intact, a seal taken before still checking out, and the candidate
 * then erasable like any other.
 */
class SealingEarlierEventsTest extends ApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PersonalDataCipher cipher;

    @Autowired
    CommandGateway commands;

    private record StoredRow(long position, String payload, String metadata) {}

    private List<StoredRow> stored(String candidateId) {
        return jdbc.query(
                "SELECT global_index, payload, meta_data FROM domain_event_entry WHERE aggregate_identifier = ?"
                        + " ORDER BY global_index",
                (row, n) -> new StoredRow(
                        row.getLong(1),
                        new String(row.getBytes(2), StandardCharsets.UTF_8),
                        new String(row.getBytes(3), StandardCharsets.UTF_8)),
                candidateId);
    }

    /** The event as an earlier release stored it: every sealed value opened, no data subject in its metadata. */
    private void storeInClear(StoredRow row) throws Exception {
        ObjectNode payload = (ObjectNode) JSON.readTree(row.payload());
        for (String field :
                List.copyOf(payload.properties().stream().map(Map.Entry::getKey).toList())) {
            String value = payload.get(field).asText(null);
            if (PersonalDataCipher.isSealed(value)) {
                payload.set(field, json(cipher.open(value, field).orElseThrow()));
            }
        }
        ObjectNode metadata = (ObjectNode) JSON.readTree(row.metadata());
        metadata.remove(AuditMetadata.DATA_SUBJECT);
        JsonNode reason = metadata.get(AuditMetadata.REASON);
        if (reason != null && PersonalDataCipher.isSealed(reason.asText())) {
            metadata.set(
                    AuditMetadata.REASON,
                    json(cipher.open(reason.asText(), AuditMetadata.REASON).orElseThrow()));
        }
        String clearPayload = JSON.writeValueAsString(payload);
        String clearMetadata = JSON.writeValueAsString(metadata);
        jdbc.update(
                "UPDATE domain_event_entry SET payload = ?, meta_data = ? WHERE global_index = ?",
                clearPayload.getBytes(StandardCharsets.UTF_8),
                clearMetadata.getBytes(StandardCharsets.UTF_8),
                row.position());
        jdbc.update(
                "UPDATE audit_log SET payload = ?, metadata = ?, reason = ? WHERE global_index = ?",
                clearPayload,
                clearMetadata,
                metadata.path(AuditMetadata.REASON).asText(null),
                row.position());
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void givenEventsStoredInClear_whenSealed_thenChainIntactEarlierSealChecksAndTheCandidateCanBeErased()
            throws Exception {
        String admin = adminToken();
        String centreId = approvedCentre(admin);
        String lastName = "Legacy" + unique().replaceAll("[^A-Za-z]", "");
        var registered = http.post(
                "/api/centres/" + centreId + "/candidates",
                admin,
                Map.of(
                        "firstName",
                        "Olwen",
                        "lastName",
                        lastName,
                        "dateOfBirth",
                        "2004-02-29",
                        "qualificationCode",
                        "LV2-MAINT"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String candidateId = registered.json().get("candidateId").asText();
        var amended = http.post(
                "/api/candidates/" + candidateId + "/amendments",
                admin,
                Map.of("field", "FIRST_NAME", "value", "Olwenna", "reason", "Spelt as on the passport of " + lastName));
        assertThat(amended.status()).as(amended.toString()).isEqualTo(200);
        List<StoredRow> rows = stored(candidateId);
        long last = rows.get(rows.size() - 1).position();
        JsonNode seal = awaitJson(
                "/api/audit/seal", admin, json -> json.path("position").asLong() >= last);

        // as an earlier release left them: in clear, and no key for the candidate
        for (StoredRow row : rows) {
            storeInClear(row);
        }
        jdbc.update("DELETE FROM personal_data_keys WHERE subject_id = ?", candidateId);
        assertThat(String.join(
                        "", stored(candidateId).stream().map(StoredRow::payload).toList()))
                .contains(lastName);
        jdbc.update("DELETE FROM personal_data_sealing");
        jdbc.update("INSERT INTO personal_data_sealing (id, due_since) VALUES (1, CURRENT_TIMESTAMP)");

        assertThat(commands.<Boolean>sendAndWait(new RequestPersonalDataSealing()))
                .isTrue();
        assertThat(commands.<Boolean>sendAndWait(new RequestPersonalDataSealing()))
                .as("requested once")
                .isFalse();

        await().atMost(Duration.ofSeconds(60))
                .untilAsserted(() -> assertThat(String.join(
                                "\n",
                                stored(candidateId).stream()
                                        .map(row -> row.payload() + row.metadata())
                                        .toList()))
                        .doesNotContain(lastName, "Olwen", "2004-02-29", "passport")
                        .contains("pd1:" + candidateId + ":"));
        JsonNode verified = awaitJson(
                "/api/audit/verify", admin, json -> json.path("intact").asBoolean());
        assertThat(verified.get("firstBreak").isNull()).isTrue();

        var checked = http.post(
                "/api/audit/seal/check",
                admin,
                Map.of(
                        "position",
                        seal.get("position").asLong(),
                        "hash",
                        seal.get("hash").asText()));
        assertThat(checked.status()).as(checked.toString()).isEqualTo(200);
        assertThat(checked.json().get("matches").asBoolean())
                .as(checked.toString())
                .isTrue();
        assertThat(checked.json().get("matchesBeforeSealing").asBoolean()).isTrue();

        JsonNode events = http.get("/api/audit/records/candidate/" + candidateId + "/events", admin)
                .json();
        assertThat(events.toString()).contains(lastName, "Spelt as on the passport of " + lastName);

        var erased = http.post(
                "/api/candidates/" + candidateId + "/erasure",
                admin,
                Map.of("reason", "The learner asked", "legalBasis", "UK GDPR Art. 17(1)(a)"));
        assertThat(erased.status()).as(erased.toString()).isEqualTo(202);
        JsonNode after = awaitJson(
                "/api/audit/records/candidate/" + candidateId + "/events",
                admin,
                json -> json.toString().contains("CandidateErased"));
        assertThat(after.toString()).doesNotContain(lastName, "passport").contains("(erased)");
        assertThat(awaitJson(
                                "/api/audit/verify",
                                admin,
                                json -> json.path("intact").asBoolean())
                        .get("intact")
                        .asBoolean())
                .isTrue();
    }
}
