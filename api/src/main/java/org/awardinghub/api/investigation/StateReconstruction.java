package org.awardinghub.api.investigation;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.awardinghub.api.store.Databases;
import org.awardinghub.command.assessment.Attempt;
import org.awardinghub.command.candidate.Candidate;
import org.awardinghub.command.centre.Centre;
import org.awardinghub.command.certification.Claim;
import org.awardinghub.command.portfolio.Portfolio;
import org.awardinghub.command.user.User;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A record as it was at an instant: its events up to then, applied by the aggregate's own event sourcing handlers
 * (the same code that rebuilds it for every command, not a second copy), and its fields shown as JSON. The
 * aggregate model is inspected with the application's own parameter resolvers, as Axon's repositories do.
 * <p>
 * With the relational event store (the embedded H2 and PostgreSQL), the events are read from its table
 * {@code domain_event_entry} in one query and turned into messages by Axon's own upcasters and event serializer,
 * exactly as the event store would. Axon's read goes 100 events per query with {@code LIMIT}, and H2 copies every
 * binary large object of such a result into temporary storage first: for a record of 1,000 events that was 100 to
 * 300 ms, and the query below with the columns cast to {@code VARBINARY} takes about a millisecond
 * ({@code docs/benchmarks.md}). Another event store (Axon Server) is read through Axon.
 */
@Component
public class StateReconstruction {

    /** The record types and the aggregates that keep them. */
    static final Map<String, Class<?>> AGGREGATES = Map.of(
            "centre",
            Centre.class,
            "user",
            User.class,
            "candidate",
            Candidate.class,
            "attempt",
            Attempt.class,
            "claim",
            Claim.class,
            "portfolio",
            Portfolio.class);

    /** The state at an instant: the last event applied (its sequence and time) and the aggregate's fields. */
    public record State(
            String recordType, String recordId, Instant asOf, long sequence, Instant lastChangedAt, JsonNode state) {}

    private static final ObjectMapper FIELDS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();

    private final Configuration axon;
    private final EventStore events;
    private final JdbcTemplate jdbc;
    /** The query on the relational event store's table, or null when the events are elsewhere. */
    private final String recordEventsQuery;

    private final Map<Class<?>, AggregateModel<?>> models = new java.util.concurrent.ConcurrentHashMap<>();

    public StateReconstruction(
            Configuration axon, EventStore events, JdbcTemplate jdbc, ObjectProvider<EventStorageEngine> storage) {
        this.axon = axon;
        this.events = events;
        this.jdbc = jdbc;
        this.recordEventsQuery = storage.getIfAvailable() instanceof JpaEventStorageEngine
                ? recordEventsQuery(jdbc.getDataSource())
                : null;
    }

    /** Empty when the record has no event at or before {@code asOf} (or no event at all). */
    public Optional<State> stateOf(String recordType, String recordId, Instant asOf) {
        Class<?> type = AGGREGATES.get(recordType);
        List<DomainEventMessage<?>> upToThen = new ArrayList<>();
        history(type, recordId, asOf).forEach(upToThen::add);
        if (upToThen.isEmpty()) {
            return Optional.empty();
        }
        Object root = rebuilt(type, upToThen);
        DomainEventMessage<?> last = upToThen.get(upToThen.size() - 1);
        return Optional.of(new State(
                recordType, recordId, asOf, last.getSequenceNumber(), last.getTimestamp(), FIELDS.valueToTree(root)));
    }

    /** The record's events of this aggregate type up to the instant, in their order, as messages. */
    private Stream<? extends DomainEventMessage<?>> history(Class<?> type, String recordId, Instant asOf) {
        if (recordEventsQuery == null) {
            return events.readEvents(recordId, 0)
                    .asStream() // from the first event, never a snapshot
                    .filter(event -> type.getSimpleName().equals(event.getType()))
                    .takeWhile(event -> !event.getTimestamp().isAfter(asOf));
        }
        List<DomainEventData<byte[]>> stored = jdbc.query(
                recordEventsQuery,
                rows -> {
                    List<DomainEventData<byte[]>> upToThen = new ArrayList<>();
                    while (rows.next()) {
                        String timestamp = rows.getString("time_stamp");
                        if (DateTimeUtils.parseInstant(timestamp).isAfter(asOf)) {
                            break; // the rest of the record is later still
                        }
                        upToThen.add(new GenericDomainEventEntry<>(
                                type.getSimpleName(),
                                recordId,
                                rows.getLong("sequence_number"),
                                rows.getString("event_identifier"),
                                timestamp,
                                rows.getString("payload_type"),
                                rows.getString("payload_revision"),
                                rows.getBytes("payload"),
                                rows.getBytes("meta_data")));
                    }
                    return upToThen;
                },
                recordId,
                type.getSimpleName());
        return EventStreamUtils.asStream(EventStreamUtils.upcastAndDeserializeDomainEvents(
                stored.stream(), axon.eventSerializer(), axon.upcasterChain()));
    }

    /**
     * One record's events in sequence order. On H2 the binary columns are cast to {@code VARBINARY}, so that the
     * result holds no large objects for H2 to copy; PostgreSQL's {@code bytea} columns need nothing.
     */
    private static String recordEventsQuery(DataSource dataSource) {
        boolean h2 = Databases.isH2(dataSource);
        String payload = h2 ? "CAST(payload AS VARBINARY) AS payload" : "payload";
        String metaData = h2 ? "CAST(meta_data AS VARBINARY) AS meta_data" : "meta_data";
        return "SELECT sequence_number, event_identifier, time_stamp, payload_type, payload_revision, " + payload
                + ", " + metaData + " FROM domain_event_entry WHERE aggregate_identifier = ? AND type = ?"
                + " ORDER BY sequence_number";
    }

    @SuppressWarnings("unchecked")
    private <T> T rebuilt(Class<T> type, List<DomainEventMessage<?>> history) {
        AggregateModel<T> model = (AggregateModel<T>) models.computeIfAbsent(
                type,
                t -> AnnotatedAggregateMetaModelFactory.inspectAggregate(
                        t, axon.parameterResolverFactory(), axon.handlerDefinition(t)));
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(
                    constructor.newInstance(),
                    model,
                    SimpleEventBus.builder().build(),
                    NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(DomainEventStream.of(history));
            return aggregate.getAggregateRoot();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create an empty " + type.getSimpleName(), e);
        }
    }
}
