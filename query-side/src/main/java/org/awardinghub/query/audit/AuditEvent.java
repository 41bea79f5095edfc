package org.awardinghub.query.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One stored event as investigators see it. {@code recordType} is the audit type of its aggregate ({@code centre},
 * {@code user}, {@code candidate}, {@code attempt}, {@code claim}, or the aggregate's own name in lower case for
 * others such as {@code qualification}); {@code type} is the event's simple name. {@code payload} and
 * {@code metadata} are the stored JSON, parsed.
 */
public record AuditEvent(
        String recordType,
        String recordId,
        long sequence,
        long globalPosition,
        String type,
        Instant at,
        String actorPin,
        String actorRegistrationNumber,
        String reason,
        String correlationId,
        String clientAddress,
        Map<String, Object> payload,
        Map<String, Object> metadata) {}
