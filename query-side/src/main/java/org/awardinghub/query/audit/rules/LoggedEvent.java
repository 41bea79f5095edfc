package org.awardinghub.query.audit.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One event of the audit log as a rule reads it: its place in the chain, who caused it, and only the payload fields
 * the rule asked for ({@code fields}).
 */
public record LoggedEvent(
        long globalPosition,
        String eventId,
        String eventType,
        String recordType,
        String recordId,
        Instant occurredAt,
        String actorUserId,
        String actorPin,
        String candidateId,
        String centreId,
        String chainHash,
        ObjectNode fields) {

    /** A text field of the payload; null when absent or null. */
    public String text(String field) {
        JsonNode node = fields.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    /** An instant field of the payload (ISO-8601 text as stored); null when absent. */
    public Instant instant(String field) {
        String text = text(field);
        return text == null ? null : Instant.parse(text);
    }

    /** A number field of the payload; NaN when absent. */
    public double number(String field) {
        JsonNode node = fields.get(field);
        return node == null || !node.isNumber() ? Double.NaN : node.asDouble();
    }

    public JsonNode node(String field) {
        return fields.get(field);
    }

    /** The candidate the event is about: the log's column, else the payload's {@code candidateId}. */
    public String candidate() {
        return candidateId != null ? candidateId : text("candidateId");
    }

    /** The event as a breach's evidence. */
    public Breach.ProvingEvent evidence() {
        return new Breach.ProvingEvent(globalPosition, eventId, eventType, recordType, recordId, occurredAt, chainHash);
    }
}
