package org.awardinghub.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;

/**
 * Events as an event store would hold them: each with its aggregate's next sequence number, its global
 * position (1, 2, ... in the order they were added) and a timestamp one minute after the previous event.
 */
public final class History {

    /**
     * One stored event, with the metadata the command that caused it carried and its global position in the
     * store (negative: none, delivered as an untracked message).
     */
    public record Recorded(
            String aggregateId, long sequence, Instant at, Object payload, Map<String, ?> metaData, long position) {

        public Recorded(String aggregateId, long sequence, Instant at, Object payload) {
            this(aggregateId, sequence, at, payload, Map.of());
        }

        public Recorded(String aggregateId, long sequence, Instant at, Object payload, Map<String, ?> metaData) {
            this(aggregateId, sequence, at, payload, metaData, -1);
        }

        /** As a processor receives it: tracked, with a global-sequence token at its position, when it has one. */
        public DomainEventMessage<?> asMessage() {
            DomainEventMessage<?> message = new GenericDomainEventMessage<>(
                    "Aggregate",
                    aggregateId,
                    sequence,
                    payload,
                    MetaData.from(metaData),
                    UUID.randomUUID().toString(),
                    at);
            return position < 0
                    ? message
                    : new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), message);
        }
    }

    private final Map<String, Long> nextSequence = new HashMap<>();
    private final List<Recorded> events = new ArrayList<>();
    private Instant clock;

    public History(Instant start) {
        this.clock = start;
    }

    public History then(String aggregateId, Object payload) {
        return then(aggregateId, payload, Map.of());
    }

    public History then(String aggregateId, Object payload, Map<String, ?> metaData) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        clock = clock.plusSeconds(60);
        events.add(new Recorded(aggregateId, sequence, clock, payload, metaData, events.size() + 1L));
        return this;
    }

    public List<Recorded> events() {
        return List.copyOf(events);
    }
}
