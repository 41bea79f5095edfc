package org.awardinghub.query.reports;

import java.time.LocalDate;
import java.util.List;

/**
 * Per centre (in id order, those with any claim issued in the period or awaiting): how many claims were issued
 * and the mean and longest days from claim to issue; how many await approval now, by age in whole days (0–7, 8–14,
 * 15–30, over 30), and the oldest.
 */
public record ClaimTurnaround(
        String centreId, String qualificationCode, LocalDate from, LocalDate to, List<Row> centres) {

    public record Row(
            String centreId,
            long issued,
            Double meanDaysToIssue,
            Long longestDaysToIssue,
            long awaiting,
            long awaiting0To7Days,
            long awaiting8To14Days,
            long awaiting15To30Days,
            long awaitingOver30Days,
            Long oldestAwaitingDays) {}
}
