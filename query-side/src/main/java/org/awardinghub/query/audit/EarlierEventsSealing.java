package org.awardinghub.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.query.StoredEventSealer;
import org.awardinghub.query.StoredEventSealer.StoredForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Seals the events an earlier release stored with their personal fields in clear (ADR 0164), run by the audit
 * processor when it reaches {@code PersonalDataSealingRequested}, in its own transaction: every event before the
 * request whose personal fields are in clear is sealed where it is stored, its audit-log row with it; each hash from
 * the first sealed event on is kept in {@code audit_hashes_before_sealing} and the chain is recomputed over what is
 * now stored. The verifier then finds the chain intact, a seal taken before still checks out, and the request itself
 * is in the chain. Snapshots of candidates and users, which hold their state in clear, are deleted: aggregates load
 * from their events. Sealing again finds nothing in clear and changes nothing.
 */
final class EarlierEventsSealing {

    private static final Logger LOG = LoggerFactory.getLogger(EarlierEventsSealing.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = 500;

    private record Stored(long position, String payloadType, StoredForm form) {}

    private final JdbcTemplate jdbc;
    private final AuditLog log;
    private final StoredEventSealer sealer;

    EarlierEventsSealing(JdbcTemplate jdbc, AuditLog log, StoredEventSealer sealer) {
        this.jdbc = jdbc;
        this.log = log;
        this.sealer = sealer;
    }

    /** Seals the events before {@code requestPosition}; answers how many were sealed. */
    long sealBefore(long requestPosition) {
        Long first = null;
        long sealed = 0;
        long after = -1;
        while (true) {
            List<Stored> page = jdbc.query(
                    "SELECT global_index, payload_type, payload, meta_data FROM domain_event_entry"
                            + " WHERE global_index > ? AND global_index < ? ORDER BY global_index"
                            + " FETCH FIRST " + PAGE + " ROWS ONLY",
                    (row, n) -> new Stored(
                            row.getLong(1),
                            row.getString(2),
                            new StoredForm(text(row.getBytes(3)), text(row.getBytes(4)))),
                    after,
                    requestPosition);
            if (page.isEmpty()) {
                break;
            }
            for (Stored stored : page) {
                Optional<StoredForm> form = sealer.seal(stored.payloadType(), stored.form());
                if (form.isPresent()) {
                    seal(stored.position(), form.get());
                    first = first == null ? stored.position() : first;
                    sealed++;
                }
            }
            after = page.get(page.size() - 1).position();
        }
        if (first != null) {
            rechainFrom(first);
            jdbc.update("DELETE FROM snapshot_event_entry WHERE type IN ('Candidate', 'User')");
        }
        LOG.info("Personal data sealed in {} events stored before position {}", sealed, requestPosition);
        return sealed;
    }

    private void seal(long position, StoredForm form) {
        jdbc.update(
                "UPDATE domain_event_entry SET payload = ?, meta_data = ? WHERE global_index = ?",
                form.payload().getBytes(StandardCharsets.UTF_8),
                form.metadata() == null ? null : form.metadata().getBytes(StandardCharsets.UTF_8),
                position);
        String reason = text(form.metadata(), AuditMetadata.REASON);
        jdbc.update(
                "UPDATE audit_log SET payload = ?, metadata = ?, reason = ? WHERE global_index = ?",
                form.payload(),
                form.metadata(),
                reason != null ? reason : text(form.payload(), "reason"),
                position);
    }

    /** Keeps each hash from {@code first} on as it was, once, and recomputes the chain over the sealed events. */
    private void rechainFrom(long first) {
        jdbc.update(
                "INSERT INTO audit_hashes_before_sealing (global_index, chain_hash)"
                        + " SELECT a.global_index, a.chain_hash FROM audit_log a WHERE a.global_index >= ?"
                        + " AND NOT EXISTS (SELECT 1 FROM audit_hashes_before_sealing b"
                        + " WHERE b.global_index = a.global_index)",
                first);
        String before = jdbc
                .query(
                        "SELECT chain_hash FROM audit_log WHERE global_index < ? ORDER BY global_index DESC"
                                + " FETCH FIRST 1 ROWS ONLY",
                        (row, n) -> row.getString(1),
                        first)
                .stream()
                .findFirst()
                .orElse(AuditChain.GENESIS);
        String head = log.rechainAfter(first - 1, before);
        jdbc.update("UPDATE audit_chain_head SET chain_hash = ? WHERE id = 1", head);
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String text(String json, String field) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode value = JSON.readTree(json).get(field);
            return value == null || value.isNull() ? null : value.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
