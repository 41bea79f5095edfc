package org.awardinghub.query.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * Per centre: registrations in the period, how many were late (more than the policy's days after the learning
 * start date), and the late share in percent (one decimal); centres in id order, only those with registrations.
 */
public record LateRegistrations(
        String centreId, String qualificationCode, LocalDate from, LocalDate to, List<Row> centres) {

    public record Row(String centreId, long registrations, long late, double latePercent) {}
}
