package org.awardinghub.query.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table of counters, one row per key (a centre, a qualification, ..., a day): {@link #add} adds to one key's
 * counters (a negative amount takes away), inserting the row at the key's first addition. Only one processor
 * writes a table (the reports processor, and the personnel one), on its one segment, so the update and the insert
 * never race.
 */
public final class Counters {

    private final JdbcTemplate jdbc;
    private final String update;
    private final String insert;

    public Counters(JdbcTemplate jdbc, String table, List<String> keys, List<String> counters) {
        this.jdbc = jdbc;
        this.update = "UPDATE " + table + " SET "
                + counters.stream()
                        .map(counter -> counter + " = " + counter + " + ?")
                        .collect(Collectors.joining(", "))
                + " WHERE " + keys.stream().map(key -> key + " = ?").collect(Collectors.joining(" AND "));
        List<String> columns = new ArrayList<>(keys);
        columns.addAll(counters);
        this.insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")";
    }

    /** Adds {@code amounts}, in the order the counters were named, to the row of {@code key}. */
    public void add(List<?> key, long... amounts) {
        List<Object> arguments = new ArrayList<>();
        for (long amount : amounts) {
            arguments.add(amount);
        }
        arguments.addAll(key);
        if (jdbc.update(update, arguments.toArray()) == 0) {
            List<Object> row = new ArrayList<>(key);
            row.addAll(arguments.subList(0, amounts.length));
            jdbc.update(insert, row.toArray());
        }
    }
}
