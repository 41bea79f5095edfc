package org.awardinghub.query.reports;

import java.time.LocalDate;

/**
 * Access arrangements, special considerations, result enquiries and appeals per centre against the national rate,
 * per 100 marked attempts, from {@code from} to {@code to} inclusive (null: unbounded; UTC days), of one qualification
 * when given. A centre given limits the centre rows, never the national figures. Answers {@link FairAccess}.
 */
public record FairAccessReport(String centreId, String qualificationCode, LocalDate from, LocalDate to) {}
