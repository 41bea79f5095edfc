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
import org.awardinghub.command.candidate.Candidate;
import org.awardinghub.command.assessment.Attempt;
import org.awardinghub.command.centre.Centre;
import org.awardinghub.command.certification.Claim;
import org.awardinghub.command.user.User;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.SimpleEventBus;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.springframework.stereotype.Component;

/**
 * A record as it was at an instant: its events up to then, applied by the aggregate's own event sourcing handlers
 * (the same code that rebuilds it for every command, not a second copy), and its fields shown as JSON. The
 * aggregate model is inspected with the application's own parameter resolvers, as Axon's repositories do.
 */
@Component
public class StateReconstruction {

    /** The record types and the aggregates that keep them. */
    static final Map<String, Class<?>> AGGREGATES = Map.of("centre", Centre.class, "user", User.class,
            "candidate", Candidate.class, "attempt", Attempt.class, "claim", Claim.class);

    /** The state at an instant: the last event applied (its sequence and time) and the aggregate's fields. */
    public record State(String recordType, String recordId, Instant asOf, long sequence, Instant lastChangedAt,
                        JsonNode state) {
    }

    private static final ObjectMapper FIELDS = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .visibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .build();

    private final Configuration axon;
    private final EventStore events;
    private final Map<Class<?>, AggregateModel<?>> models = new java.util.concurrent.ConcurrentHashMap<>();

    public StateReconstruction(Configuration axon, EventStore events) {
        this.axon = axon;
        this.events = events;
    }

    /** Empty when the record has no event at or before {@code asOf} (or no event at all). */
    public Optional<State> stateOf(String recordType, String recordId, Instant asOf) {
        Class<?> type = AGGREGATES.get(recordType);
        List<DomainEventMessage<?>> upToThen = new ArrayList<>();
        events.readEvents(recordId).asStream()
                .filter(event -> type.getSimpleName().equals(event.getType()))
                .takeWhile(event -> !event.getTimestamp().isAfter(asOf))
                .forEach(upToThen::add);
        if (upToThen.isEmpty()) {
            return Optional.empty();
        }
        Object root = rebuilt(type, upToThen);
        DomainEventMessage<?> last = upToThen.get(upToThen.size() - 1);
        return Optional.of(new State(recordType, recordId, asOf, last.getSequenceNumber(), last.getTimestamp(),
                FIELDS.valueToTree(root)));
    }

    @SuppressWarnings("unchecked")
    private <T> T rebuilt(Class<T> type, List<DomainEventMessage<?>> history) {
        AggregateModel<T> model = (AggregateModel<T>) models.computeIfAbsent(type, t ->
                AnnotatedAggregateMetaModelFactory.inspectAggregate(t, axon.parameterResolverFactory(),
                        axon.handlerDefinition(t)));
        try {
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            EventSourcedAggregate<T> aggregate = EventSourcedAggregate.initialize(constructor.newInstance(), model,
                    SimpleEventBus.builder().build(), NoSnapshotTriggerDefinition.TRIGGER);
            aggregate.initializeState(DomainEventStream.of(history));
            return aggregate.getAggregateRoot();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot create an empty " + type.getSimpleName(), e);
        }
    }
}
