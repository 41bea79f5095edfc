package org.awardinghub.query.reports;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Claim turnaround per centre: claims issued from {@code from} to {@code to} inclusive (null: unbounded; the day of
 * issue, UTC) with the days from claim to issue, and the claims awaiting approval at {@code now} by age; of one
 * centre and/or qualification when given. Answers {@link ClaimTurnaround}.
 */
public record ClaimTurnaroundReport(
        String centreId, String qualificationCode, LocalDate from, LocalDate to, Instant now) {}
