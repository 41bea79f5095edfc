package org.awardinghub.query.reports;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What changed in a return for the days {@code from} to {@code to} between {@code since} (excluded) and
 * {@code asOf} (included): each figure whose value differs, and the events that moved it. Answers
 * {@link ReturnChanges}.
 */
public record FetchReturnChanges(
        RegulatorReturn kind, LocalDate from, LocalDate to, Instant since, Instant asOf, String centreId) {}
