package org.awardinghub.query.audit;

import java.time.Instant;

/**
 * Events across all records in global order, only those matching every filter given (null: no filter):
 * the acting user's PIN, the centre (the event's own centre, or the acting user's), and the time window
 * {@code from} (inclusive) to {@code to} (exclusive). Answers a {@code Page} of {@link AuditEvent}s.
 */
public record ListTimeline(String actorPin, String centreId, Instant from, Instant to, int page, int size) {}
