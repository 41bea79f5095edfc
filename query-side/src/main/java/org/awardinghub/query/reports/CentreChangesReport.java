package org.awardinghub.query.reports;

import java.time.LocalDate;

/**
 * Centre sanctions, status and Direct Claim Status changes over time, of one centre when given, from {@code from} to
 * {@code to} inclusive (null: unbounded; the day, UTC). Answers {@link CentreChanges}.
 */
public record CentreChangesReport(String centreId, LocalDate from, LocalDate to) {}
