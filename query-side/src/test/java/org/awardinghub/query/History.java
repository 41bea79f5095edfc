package org.awardinghub.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Events as an event store would hold them: each with its aggregate's next sequence number and a
 * timestamp one minute after the previous event.
 */
public final class History {

    /** One stored event, with the metadata the command that caused it carried. */
    public record Recorded(String aggregateId, long sequence, Instant at, Object payload, Map<String, ?> metaData) {

        public Recorded(String aggregateId, long sequence, Instant at, Object payload) {
            this(aggregateId, sequence, at, payload, Map.of());
        }

        public DomainEventMessage<?> asMessage() {
            return new GenericDomainEventMessage<>("Aggregate", aggregateId, sequence, payload,
                    MetaData.from(metaData), UUID.randomUUID().toString(), at);
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
        events.add(new Recorded(aggregateId, sequence, clock, payload, metaData));
        return this;
    }

    public List<Recorded> events() {
        return List.copyOf(events);
    }
}
