package org.awardinghub.query.reports;

import java.time.LocalDate;

/**
 * Unusually fast high scores, of one centre and/or qualification when given, submitted from {@code from} to
 * {@code to} inclusive (null: unbounded; the day of submission, UTC). Answers {@link FastHighScores}.
 */
public record FastHighScoresReport(String centreId, String qualificationCode, LocalDate from, LocalDate to) {}
