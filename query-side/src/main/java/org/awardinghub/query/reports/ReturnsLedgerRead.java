package org.awardinghub.query.reports;

import java.time.Instant;

/**
 * How far the returns processor has read the event store: the last global position and the latest time among the
 * events read; both null before its first event.
 */
public record ReturnsLedgerRead(Long globalPosition, Instant latest) {}
