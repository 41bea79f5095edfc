package org.awardinghub.query.privacy;

import java.time.LocalDate;

/** {@code due} records await a decision, {@code newlyDue} of them fell due since the day asked; the longest due since {@code oldestDueOn} (null: none). */
public record RetentionDue(long due, long newlyDue, LocalDate oldestDueOn) {}
