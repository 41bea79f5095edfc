package org.awardinghub.api;

import java.time.LocalDate;
import org.awardinghub.api.problem.ApiProblem;

/**
 * A list's date filter, {@code ?<name>From=&<name>To=}: either end may be open, both inclusive; a range whose start
 * lies after its end is refused (400 naming the start), like every other bad filter value.
 */
public record DateRange(LocalDate from, LocalDate to) {

    public static DateRange of(String fromParameter, LocalDate from, String toParameter, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw ApiProblem.badRequest(fromParameter, fromParameter + " must not lie after " + toParameter);
        }
        return new DateRange(from, to);
    }
}
