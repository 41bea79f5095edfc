package org.awardinghub.api.reports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.awardinghub.api.problem.ApiProblem;

/**
 * A report's period as asked for ({@code ?from=&to=}): whole UTC days, both ends inclusive, either open (null). A
 * date that does not parse, lies outside the years 1 to 9999, or a {@code to} before {@code from} answers 400 naming
 * the parameter.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    private static final LocalDate FIRST = LocalDate.of(1, 1, 1);
    private static final LocalDate LAST = LocalDate.of(9999, 12, 31);

    public static ReportPeriod of(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiProblem.badRequest("to", "to must not be before from");
        }
        return new ReportPeriod(start, end);
    }

    /**
     * The period with its open ends closed: {@code to} is {@code today} (or {@code from}, when that is later), and
     * {@code from} makes the period {@code days} days long, {@code to} included.
     */
    public ReportPeriod orLast(int days, LocalDate today) {
        LocalDate end = to != null ? to : from != null && from.isAfter(today) ? from : today;
        return new ReportPeriod(from != null ? from : end.minusDays(days - 1L), end);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text.strip());
            if (date.isBefore(FIRST) || date.isAfter(LAST)) {
                throw ApiProblem.badRequest(field, field + " must lie between 0001-01-01 and 9999-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw ApiProblem.badRequest(field, field + " must be a date, e.g. 2026-11-26");
        }
    }
}
