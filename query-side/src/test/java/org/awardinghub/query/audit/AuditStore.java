package org.awardinghub.query.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awardinghub.query.Migrations;
import org.awardinghub.query.Processor;
import org.awardinghub.query.audit.AuditHistory.Stored;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * A fresh database with the audit schema, the projection on it, delivered to through Axon's annotated-handler
 * adapter as the audit processor would, so that the handler and the reset handler are resolved for real.
 *
 * <p>An in-memory H2 database by default. Given {@code -Daudit.jdbc.url=jdbc:postgresql://host:port/db?user=...},
 * a fresh schema in that PostgreSQL database instead (dropped at the end), so that the same tests check the
 * schema and every query there too.
 */
final class AuditStore implements AutoCloseable {

    /** As the application's event serializer: Jackson with Java time, instants as ISO text (Spring Boot's mapper). */
    static final Serializer SERIALIZER = JacksonSerializer.builder()
            .objectMapper(new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
            .build();

    /** A PostgreSQL database to run on instead of H2, when given. */
    static final String POSTGRES_URL = System.getProperty("audit.jdbc.url");

    final SingleConnectionDataSource dataSource;
    final JdbcTemplate jdbc;
    private final String schema;
    final AuditLogProjection projection;
    final AuditLog log;
    private final AnnotationEventHandlerAdapter adapter;

    AuditStore() {
        if (POSTGRES_URL == null) {
            schema = null;
            dataSource = new SingleConnectionDataSource("jdbc:h2:mem:audit-" + UUID.randomUUID(), true);
        } else {
            schema = "audit_" + UUID.randomUUID().toString().replace("-", "");
            SingleConnectionDataSource admin = new SingleConnectionDataSource(POSTGRES_URL, true);
            new JdbcTemplate(admin).execute("CREATE SCHEMA " + schema);
            admin.destroy();
            dataSource = new SingleConnectionDataSource(
                    POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema, true);
        }
        jdbc = new JdbcTemplate(dataSource);
        Migrations.apply(dataSource);
        log = new AuditLog(jdbc);
        projection = new AuditLogProjection(jdbc, log, SERIALIZER);
        adapter = new AnnotationEventHandlerAdapter(projection);
    }

    void deliver(EventMessage<?> event) {
        try {
            adapter.handle(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void deliver(List<Stored> events) {
        events.forEach(event -> deliver(event.tracked()));
    }

    /** As the audit processor delivers: each batch of {@code size} events in one unit of work, committed after. */
    void deliverInBatches(List<? extends EventMessage<?>> events, int size) {
        Processor.inBatches(adapter, events, size);
    }

    void reset() {
        adapter.prepareReset();
    }

    /** Every row of a table, in its key's order: what a comparison of two stores looks at. */
    List<Map<String, Object>> rows(String table) {
        String order = switch (table) {
            case "audit_log" -> "global_index";
            case "audit_links" -> "kind, link_key, candidate_id, global_index";
            case "audit_chain_head" -> "id";
            case "audit_cases" -> "case_id";
            case "audit_hours" -> "event_hour";
            case "audit_blocks" -> "block";
            default -> throw new IllegalArgumentException(table);
        };
        return jdbc.queryForList("SELECT * FROM " + table + " ORDER BY " + order);
    }

    /** Every audit table's rows. */
    Map<String, List<Map<String, Object>>> everything() {
        return Map.of(
                "audit_log",
                rows("audit_log"),
                "audit_links",
                rows("audit_links"),
                "audit_chain_head",
                rows("audit_chain_head"),
                "audit_cases",
                rows("audit_cases"),
                "audit_hours",
                rows("audit_hours"),
                "audit_blocks",
                rows("audit_blocks"));
    }

    /** The event exactly as the event store keeps it, for running the chain by hand. */
    static AuditChain.StoredEvent stored(Stored event) {
        var payload = event.message().serializePayload(SERIALIZER, String.class);
        return new AuditChain.StoredEvent(
                event.position(),
                event.message().getIdentifier(),
                payload.getType().getName(),
                event.message().getType(),
                event.message().getAggregateIdentifier(),
                event.message().getSequenceNumber(),
                event.at(),
                payload.getData(),
                event.message().serializeMetaData(SERIALIZER, String.class).getData());
    }

    boolean onPostgres() {
        return schema != null;
    }

    @Override
    public void close() {
        if (schema != null) {
            jdbc.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        dataSource.destroy();
    }
}
