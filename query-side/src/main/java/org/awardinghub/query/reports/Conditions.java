package org.awardinghub.query.reports;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A report's filters as SQL conditions and their arguments: each given filter adds one, an absent one (null) none.
 * Periods are whole UTC days, {@code from} and {@code to} inclusive.
 */
final class Conditions {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> arguments = new ArrayList<>();

    /** A report's usual scope: one centre ({@code centre_id}) and/or qualification ({@code qualification_code}). */
    static Conditions of(String centreId, String qualificationCode) {
        return new Conditions().equal("centre_id", centreId).equal("qualification_code", qualificationCode);
    }

    Conditions equal(String column, Object value) {
        return add(column + " = ?", value);
    }

    Conditions atLeast(String column, Object value) {
        return add(column + " >= ?", value);
    }

    Conditions after(String column, Object value) {
        return add(column + " > ?", value);
    }

    Conditions atMost(String column, Object value) {
        return add(column + " <= ?", value);
    }

    /** Epoch-millisecond {@code column} within the days {@code from} to {@code to}, inclusive. */
    Conditions withinDays(String column, LocalDate from, LocalDate to) {
        add(column + " >= ?", from == null ? null : startOf(from));
        return add(column + " < ?", to == null ? null : startOf(to.plusDays(1)));
    }

    /** DATE {@code column} (a counter's day) within the days {@code from} to {@code to}, inclusive. */
    Conditions withinDates(String column, LocalDate from, LocalDate to) {
        atLeast(column, from == null ? null : Date.valueOf(from));
        return atMost(column, to == null ? null : Date.valueOf(to));
    }

    /** " WHERE ..." (or nothing) for a query of its own. */
    String where() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** " AND ..." (or nothing) after conditions of the query's own. */
    String and() {
        return conditions.isEmpty() ? "" : " AND " + String.join(" AND ", conditions);
    }

    Object[] arguments() {
        return arguments.toArray();
    }

    private Conditions add(String condition, Object value) {
        if (value != null) {
            conditions.add(condition);
            arguments.add(value);
        }
        return this;
    }

    private static long startOf(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
