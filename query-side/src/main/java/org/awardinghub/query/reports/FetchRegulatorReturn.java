package org.awardinghub.query.reports;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A return for the days {@code from} to {@code to} (inclusive) as the ledger stood at {@code asOf}: the deltas of
 * those days that occurred at or before it; of one centre when {@code centreId} is given (the national figures stay
 * national). Answers {@link ReturnFigures}.
 */
public record FetchRegulatorReturn(RegulatorReturn kind, LocalDate from, LocalDate to, Instant asOf, String centreId) {}
