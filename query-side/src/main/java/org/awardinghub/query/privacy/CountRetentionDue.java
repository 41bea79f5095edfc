package org.awardinghub.query.privacy;

import java.time.LocalDate;

/**
 * How many records are due for a decision on {@code today}, and how many of them fell due after {@code since}
 * (null: all of them). Answers a {@link RetentionDue}.
 */
public record CountRetentionDue(LocalDate today, LocalDate since) {}
