package org.awardinghub.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash chain over the global event order, in one place for the audit projection that keeps it and the verifier
 * that recomputes it from the event store. Each event's canonical form is a JSON object with its fields in a fixed
 * order and the payload and metadata re-written with their keys sorted, so the form depends on what the event
 * says, not on how its JSON was laid out. {@code hash = SHA-256(previousHash + "\n" + canonical)} in lower-case
 * hex; the first event's previous hash is {@link #GENESIS}.
 */
final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();
    private static final ObjectMapper READER = new ObjectMapper();

    /**
     * The stored facts of one event, as the event store keeps them. An event of no aggregate (a library download,
     * published on the event bus) has no {@code aggregateType}; the event store files it under its own identifier
     * at sequence 0, and a processor may be handed it with either that or no aggregate at all: its canonical form
     * therefore has neither aggregate identifier nor sequence ({@link #NO_SEQUENCE}), however it was read.
     */
    public record StoredEvent(
            long position,
            String eventId,
            String payloadType,
            String aggregateType,
            String aggregateId,
            long sequence,
            Instant timestamp,
            String payloadJson,
            String metadataJson) {

        public boolean ofNoAggregate() {
            return aggregateType == null;
        }
    }

    /** The sequence of an event of no aggregate. */
    public static final long NO_SEQUENCE = -1;

    private AuditChain() {}

    public static String canonical(StoredEvent event) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("position", event.position());
        node.put("eventId", event.eventId());
        node.put("payloadType", event.payloadType());
        node.put("aggregateType", event.aggregateType());
        node.put("aggregateId", event.ofNoAggregate() ? null : event.aggregateId());
        node.put("sequence", event.ofNoAggregate() ? NO_SEQUENCE : event.sequence());
        node.put(
                "timestamp",
                event.timestamp() == null ? null : event.timestamp().toString());
        node.set("payload", sorted(event.payloadJson()));
        node.set("metadata", sorted(event.metadataJson()));
        try {
            return CANONICAL.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An event could not be written canonically", e);
        }
    }

    public static String next(String previousHash, StoredEvent event) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha256.update((byte) '\n');
            sha256.update(canonical(event).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The JSON re-read as a tree with every object's keys sorted; text that is not JSON is kept as a string. */
    private static JsonNode sorted(String json) {
        if (json == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        try {
            Object tree = READER.readValue(json, Object.class);
            return CANONICAL.valueToTree(tree);
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.textNode(json);
        }
    }
}
