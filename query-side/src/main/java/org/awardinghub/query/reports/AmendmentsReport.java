package org.awardinghub.query.reports;

import java.time.LocalDate;

/**
 * Amendments of candidates per centre, of one centre and/or qualification (the candidate's at the time) when given,
 * made from {@code from} to {@code to} inclusive (null: unbounded; the day of the amendment, UTC). Answers
 * {@link Amendments}.
 */
public record AmendmentsReport(String centreId, String qualificationCode, LocalDate from, LocalDate to) {}
