package org.awardinghub.query.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recomputes the hash chain from the event store's own table, link by link in global order, and compares every
 * hash with the one the audit projection stored. A stored event whose payload, metadata or any other hashed fact
 * was changed afterwards gives a different hash at exactly its position; an event removed from the store, or one
 * slipped into it below the chain's head, is named too.
 * <p>
 * It reads {@code domain_event_entry} directly (the embedded H2 and the PostgreSQL event stores), never Axon's cache
 * of recent events, so what it checks is what the database holds now.
 */
@Component
public class ChainVerifier {

    /** Where the chain first breaks, and why. */
    public record Break(long globalPosition, String eventId, String reason) {}

    /** {@code verified}: events checked; {@code intact}: no break; the head the check ran up to. */
    public record Report(long verified, boolean intact, Break firstBreak, Long headPosition, String headHash) {}

    private static final int PAGE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final AuditLog auditLog;

    public ChainVerifier(NamedParameterJdbcTemplate jdbc, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
    }

    public Report verify() {
        Optional<ChainHead> head = auditLog.head();
        if (head.isEmpty()) {
            return new Report(0, true, null, null, null);
        }
        String previous = AuditChain.GENESIS;
        long verified = 0;
        List<AuditLog.StoredHash> page = auditLog.hashes(-1, PAGE);
        while (!page.isEmpty()) {
            Map<Long, AuditChain.StoredEvent> stored = storedEvents(page);
            for (AuditLog.StoredHash link : page) {
                AuditChain.StoredEvent event = stored.get(link.position());
                if (event == null || !event.eventId().equals(link.eventId())) {
                    return broken(
                            verified, link, "the event the chain hashed here is no longer in the store", head.get());
                }
                if (!AuditChain.next(previous, event).equals(link.chainHash())) {
                    return broken(
                            verified,
                            link,
                            "the stored event differs from the one hashed when it was recorded",
                            head.get());
                }
                previous = link.chainHash();
                verified++;
            }
            page = auditLog.hashes(page.get(page.size() - 1).position(), PAGE);
        }
        // an event slipped into the store below the head: counted first (a range count on the key), looked for only
        // when the counts differ
        Long inStore = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE global_index <= :head",
                Map.of("head", head.get().position()),
                Long.class);
        if (inStore != null && inStore > verified) {
            Long extra = jdbc.queryForObject(
                    "SELECT MIN(e.global_index) FROM domain_event_entry e WHERE"
                            + " e.global_index <= :head AND NOT EXISTS (SELECT 1 FROM audit_log a"
                            + " WHERE a.global_index = e.global_index)",
                    Map.of("head", head.get().position()),
                    Long.class);
            return new Report(
                    verified,
                    false,
                    new Break(
                            extra == null ? head.get().position() : extra,
                            null,
                            "an event is in the store that the chain never hashed (or one that committed late is not"
                                    + " hashed yet: check again in a moment)"),
                    head.get().position(),
                    head.get().hash());
        }
        return new Report(
                verified, true, null, head.get().position(), head.get().hash());
    }

    /** The events at the page's positions, exactly as the event store's table holds them now. */
    private Map<Long, AuditChain.StoredEvent> storedEvents(List<AuditLog.StoredHash> page) {
        Map<Long, AuditChain.StoredEvent> events = new HashMap<>();
        jdbc.query(
                "SELECT global_index, event_identifier, payload_type, type, aggregate_identifier, sequence_number,"
                        + " time_stamp, payload, meta_data FROM domain_event_entry WHERE global_index IN (:positions)",
                Map.of(
                        "positions",
                        page.stream().map(AuditLog.StoredHash::position).collect(Collectors.toList())),
                row -> {
                    long position = row.getLong("global_index");
                    events.put(
                            position,
                            new AuditChain.StoredEvent(
                                    position,
                                    row.getString("event_identifier"),
                                    row.getString("payload_type"),
                                    row.getString("type"),
                                    row.getString("aggregate_identifier"),
                                    row.getLong("sequence_number"),
                                    Instant.parse(row.getString("time_stamp")),
                                    text(row.getBytes("payload")),
                                    text(row.getBytes("meta_data"))));
                });
        return events;
    }

    private static String text(byte[] json) {
        return json == null ? null : new String(json, StandardCharsets.UTF_8);
    }

    private static Report broken(long verified, AuditLog.StoredHash link, String reason, ChainHead head) {
        return new Report(
                verified, false, new Break(link.position(), link.eventId(), reason), head.position(), head.hash());
    }
}
