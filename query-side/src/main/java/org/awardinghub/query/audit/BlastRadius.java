package org.awardinghub.query.audit;

import java.time.Instant;
import java.util.List;

/** The candidates affected, in candidate id order, each with the tying events in global order. */
public record BlastRadius(LinkKind kind, String key, Instant from, Instant to, List<Affected> candidates) {

    public record Affected(String candidateId, List<AuditEvent> events) {}
}
