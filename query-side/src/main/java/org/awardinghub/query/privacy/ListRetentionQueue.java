package org.awardinghub.query.privacy;

import java.time.LocalDate;

/**
 * The records due for an IMI decision on {@code today}: due on or before it, under no legal hold, not erased; the
 * longest due first. With {@code all} the whole list, otherwise the page asked for. Answers a
 * {@code Page<RetentionRecord>}.
 */
public record ListRetentionQueue(LocalDate today, int page, int size, boolean all) {}
