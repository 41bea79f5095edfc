package org.awardinghub.query.reports;

import java.time.LocalDate;

/**
 * Changes of answer from wrong to right, for attempts submitted from {@code from} to {@code to} inclusive (null:
 * unbounded; the day of submission, UTC), of one qualification when given. A centre given limits the centre rows and
 * the attempts listed, never the national figures. Answers {@link AnswerChangePatterns}.
 */
public record AnswerChangesReport(String centreId, String qualificationCode, LocalDate from, LocalDate to) {}
