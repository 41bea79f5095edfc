package org.awardinghub.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the event store holds, read from its table: the record itself, whatever the read models show. */
public final class RecordedEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcTemplate jdbc;

    public RecordedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** How many events of the type are stored whose {@code field} is {@code value} (say, a candidate's id). */
    public long count(Class<?> type, String field, String value) {
        return jdbc
                .queryForList(
                        "SELECT payload FROM domain_event_entry WHERE payload_type = ?", byte[].class, type.getName())
                .stream()
                .filter(payload -> value.equals(read(payload).path(field).asText()))
                .count();
    }

    private static JsonNode read(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
