package org.awardinghub.query.reports;

import java.time.LocalDate;

/**
 * Registrations and late registrations per centre, of one centre and/or qualification when given, registered
 * from {@code from} to {@code to} inclusive (null: unbounded). Answers {@link LateRegistrations}.
 */
public record LateRegistrationsReport(String centreId, String qualificationCode, LocalDate from, LocalDate to) {}
