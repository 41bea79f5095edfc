package org.awardinghub.query.audit;

import java.time.Instant;

/**
 * Every candidate whose records involve {@code key} (of {@code kind}) within the window (null: unbounded), with the
 * events that tie them to it ({@link BlastRadius}).
 */
public record FindBlastRadius(LinkKind kind, String key, Instant from, Instant to) {}
