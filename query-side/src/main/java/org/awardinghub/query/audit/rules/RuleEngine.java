package org.awardinghub.query.audit.rules;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Runs a rule over the audit log in one forward pass in global order: only the rule's event types, only its window
 * of event time, only up to the position given (the chain's head when a run begins, so that a rerun up to it reads
 * the very same events), and of each payload only the fields the rule reads.
 *
 * <p><b>Streaming in slices of positions.</b> The log is read {@value #SLICE} global positions at a time, so that
 * neither H2 nor PostgreSQL holds more than a slice's matching rows, without server-side cursors or session
 * settings. Within a slice each event type the rule reads is one range of the index on {@code (event_type,
 * global_index)} ({@code V25__audit_log_by_event_type.sql}), and the slice's rows are put back in global order: a
 * range of the primary key with the types as a filter made H2 decode every row of the log (payload and metadata)
 * to test it, so that every rule cost a whole pass over the log whatever share of it it read. A window is first turned into the positions it can touch
 * through {@code audit_hours} (the first and last position of each hour of event time), so a window of a week reads
 * a week's slices, not the whole log.
 */
@Component
public class RuleEngine {

    /** Global positions per query: a slice's rows are all a database holds for the run at once. */
    static final int SLICE = 20_000;

    private static final long HOUR = 3_600_000L;
    private static final JsonFactory JSON = new ObjectMapper().getFactory();
    private static final ObjectMapper TREES = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public RuleEngine(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs the rule over the window, up to {@code upToPosition}. */
    public RuleOutcome run(Rule rule, RuleParameters parameters, Instant from, Instant to, long upToPosition) {
        long started = System.nanoTime();
        Findings findings = new Findings();
        Matcher matcher = rule.matcher(parameters, findings);
        long[] scanned = {0};
        Set<String> fields = rule.fields();
        long first = from == null ? Long.MIN_VALUE : firstPositionFrom(from);
        long last = to == null ? upToPosition : Math.min(upToPosition, lastPositionBefore(to));
        if (first <= last) {
            // one event type at a time, through the index on (event_type, global_index): H2 then decodes only the
            // rows of the types the rule reads, not every row of the slice to test the filter; merged in global order
            String sql = "SELECT global_index, event_id, event_type, record_type, aggregate_id, occurred_at, "
                    + "actor_user_id, actor_pin, candidate_id, centre_id, chain_hash, payload FROM audit_log "
                    + "WHERE event_type = ? AND global_index > ? AND global_index <= ?"
                    + (from == null ? "" : " AND occurred_at >= ?")
                    + (to == null ? "" : " AND occurred_at < ?")
                    + " ORDER BY event_type, global_index";
            List<String> typeList = rule.eventTypes().stream().sorted().toList();
            long after = first == Long.MIN_VALUE ? lowestPosition() - 1 : first - 1;
            while (after < last) {
                long until = Math.min(last, after + SLICE);
                List<LoggedEvent> slice = new ArrayList<>();
                for (String type : typeList) {
                    List<Object> arguments = new ArrayList<>();
                    arguments.add(type);
                    arguments.add(after);
                    arguments.add(until);
                    if (from != null) {
                        arguments.add(from.toEpochMilli());
                    }
                    if (to != null) {
                        arguments.add(to.toEpochMilli());
                    }
                    jdbc.query(
                            sql,
                            row -> {
                                slice.add(event(row, fields));
                            },
                            arguments.toArray());
                }
                slice.sort(java.util.Comparator.comparingLong(LoggedEvent::globalPosition));
                scanned[0] += slice.size();
                slice.forEach(matcher::on);
                after = until;
            }
        }
        Integer attempts = rule.aboutAttempts() ? findings.attemptsRefused() : null;
        return new RuleOutcome(
                rule.id(),
                parameters.shown(),
                from,
                to,
                upToPosition,
                scanned[0],
                findings.listed(),
                findings.breaches() <= Findings.LISTED,
                findings.learners(),
                findings.people(),
                new RuleOutcome.Totals(findings.breaches(), findings.learnersAffected(), attempts),
                findings.digest(),
                (System.nanoTime() - started) / 1_000_000);
    }

    private long lowestPosition() {
        Long lowest = jdbc.queryForObject("SELECT MIN(global_index) FROM audit_log", Long.class);
        return lowest == null ? 0 : lowest;
    }

    /** The first position an event at or after {@code from} can have: the first of the hours from its hour on. */
    private long firstPositionFrom(Instant from) {
        Long first = jdbc.queryForObject(
                "SELECT MIN(first_position) FROM audit_hours WHERE event_hour >= ?",
                Long.class,
                Math.floorDiv(from.toEpochMilli(), HOUR));
        return first == null ? Long.MAX_VALUE : first;
    }

    /** The last position an event before {@code to} can have: the last of the hours up to its hour. */
    private long lastPositionBefore(Instant to) {
        Long last = jdbc.queryForObject(
                "SELECT MAX(last_position) FROM audit_hours WHERE event_hour <= ?",
                Long.class,
                Math.floorDiv(to.toEpochMilli(), HOUR));
        return last == null ? Long.MIN_VALUE : last;
    }

    private static LoggedEvent event(ResultSet row, Set<String> fields) throws SQLException {
        return new LoggedEvent(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                Instant.ofEpochMilli(row.getLong(6)),
                row.getString(7),
                row.getString(8),
                row.getString(9),
                row.getString(10),
                row.getString(11),
                fields(row.getString(12), fields));
    }

    /**
     * Only the top-level fields asked for, parsed as a stream: every other value is skipped without being built,
     * and parsing stops once every field asked for is found.
     */
    static ObjectNode fields(String payload, Set<String> wanted) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        if (payload == null || wanted.isEmpty()) {
            return fields;
        }
        try (JsonParser parser = JSON.createParser(payload)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return fields;
            }
            int found = 0;
            while (found < wanted.size() && parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (wanted.contains(name)) {
                    JsonNode node = value == JsonToken.VALUE_STRING
                            ? JsonNodeFactory.instance.textNode(parser.getText())
                            : TREES.readTree(parser);
                    fields.set(name, node);
                    found++;
                } else {
                    parser.skipChildren();
                }
            }
            return fields;
        } catch (IOException e) {
            throw new UncheckedIOException("A payload in the audit log is not JSON", e);
        }
    }
}
