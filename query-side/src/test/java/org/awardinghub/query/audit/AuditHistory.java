package org.awardinghub.query.audit;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MetaData;

/**
 * Events as the event store holds them and a tracking processor delivers them: each with its aggregate's type
 * (as Axon stores it: the aggregate class's simple name), the aggregate's next sequence number, a fixed event id,
 * its global position (1, 2, ...) and a time one step (a minute unless told) after the previous event. Built once, so that a
 * redelivery or a replay delivers the very same messages.
 */
final class AuditHistory {

    /** One stored event at its global position. */
    record Stored(long position, DomainEventMessage<?> message) {

        /** As the processor delivers it in normal processing. */
        TrackedEventMessage<?> tracked() {
            return new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(position), message);
        }

        /** As the processor delivers it during a replay: its token wrapped in a replay token. */
        TrackedEventMessage<?> replayed(long resetAt) {
            return new GenericTrackedDomainEventMessage<>(
                    new ReplayToken(
                            new GlobalSequenceTrackingToken(resetAt), new GlobalSequenceTrackingToken(position)),
                    message);
        }

        Instant at() {
            return message.getTimestamp();
        }

        Object payload() {
            return message.getPayload();
        }
    }

    private final Map<String, Long> nextSequence = new HashMap<>();
    private final List<Stored> events = new ArrayList<>();
    private final Duration step;
    private Instant clock;

    AuditHistory(Instant start) {
        this(start, Duration.ofMinutes(1));
    }

    /** Events {@code step} apart, the first one {@code step} after {@code start}. */
    AuditHistory(Instant start, Duration step) {
        this.clock = start;
        this.step = step;
    }

    AuditHistory then(String aggregateType, String aggregateId, Object payload) {
        return then(aggregateType, aggregateId, payload, Map.of());
    }

    AuditHistory then(String aggregateType, String aggregateId, Object payload, Map<String, ?> metadata) {
        long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
        clock = clock.plus(step);
        long position = events.size() + 1L;
        events.add(new Stored(
                position,
                new GenericDomainEventMessage<>(
                        aggregateType,
                        aggregateId,
                        sequence,
                        payload,
                        MetaData.from(metadata),
                        "event-" + position,
                        clock)));
        return this;
    }

    /** The time the next event will have. */
    Instant next() {
        return clock.plus(step);
    }

    /** The next event at {@code at} instead of one step on; never back in time. */
    AuditHistory at(Instant at) {
        if (at.isBefore(next())) {
            throw new IllegalArgumentException("The next event comes at " + next() + " at the earliest, not " + at);
        }
        clock = at.minus(step);
        return this;
    }

    /** How many events so far: the position of the last one. */
    int size() {
        return events.size();
    }

    List<Stored> events() {
        return List.copyOf(events);
    }

    Stored at(long position) {
        return events.get((int) position - 1);
    }
}
