package org.awardinghub.query.reports;

import java.time.LocalDate;

/**
 * Pass rates per centre and assessment against the national rate, for attempts submitted from {@code from} to
 * {@code to} inclusive (null: unbounded; the day of submission, UTC), of one qualification when given. A centre
 * given limits the centre rows, never the national figures. Answers {@link PassRates}.
 */
public record PassRatesReport(String centreId, String qualificationCode, LocalDate from, LocalDate to) {}
