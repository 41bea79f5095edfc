package org.awardinghub.query.personnel;

import java.time.LocalDate;

/**
 * Everyone with access at one centre, with their failed sign-ins, lock-outs and fair-access actions from {@code from}
 * to {@code to} (whole UTC days, both inclusive, neither null). Answers {@link Personnel}.
 */
public record PersonnelReport(String centreId, LocalDate from, LocalDate to) {}
