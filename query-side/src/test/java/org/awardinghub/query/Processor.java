package org.awardinghub.query;

import java.util.Arrays;
import java.util.List;
import org.awardinghub.query.History.Recorded;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * Delivers events to a projection as an event processor does, through Axon's annotated-handler adapter,
 * so that @EventHandler, @SequenceNumber, @Timestamp and @ResetHandler are resolved for real.
 */
public final class Processor {

    private final EventMessageHandler adapter;

    /** One processor over every projection given, as the projections of one processing group share one. */
    public Processor(Object... projections) {
        List<AnnotationEventHandlerAdapter> adapters = Arrays.stream(projections)
                .map(AnnotationEventHandlerAdapter::new)
                .toList();
        this.adapter = new EventMessageHandler() {
            @Override
            public Object handle(EventMessage<?> event) throws Exception {
                for (AnnotationEventHandlerAdapter each : adapters) {
                    each.handle(event);
                }
                return null;
            }

            @Override
            public void prepareReset() {
                adapters.forEach(AnnotationEventHandlerAdapter::prepareReset);
            }
        };
    }

    public void deliver(Recorded event) {
        try {
            adapter.handle(event.asMessage());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * As a processor delivers an event with the token it carries then, which for an event committed late (after
     * events with higher global positions) is not a token at its own position.
     */
    public void deliver(Recorded event, TrackingToken token) {
        Recorded untracked =
                new Recorded(event.aggregateId(), event.sequence(), event.at(), event.payload(), event.metaData(), -1);
        try {
            adapter.handle(
                    new GenericTrackedDomainEventMessage<>(token, (DomainEventMessage<?>) untracked.asMessage()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every event as a gap-aware store delivers it when the one at {@code late} committed after the next one: that
     * next one first (the late position a gap in its token), then the late one, twice (delivered again), each with
     * the token it carries then; every other event in order.
     */
    public void deliverWithOneCommittedLate(List<Recorded> events, int late) {
        for (int i = 0; i < events.size(); i++) {
            long position = i + 1L;
            if (i == late) {
                deliver(events.get(i + 1), GapAwareTrackingToken.newInstance(position + 1, List.of(position)));
                deliver(events.get(i), GapAwareTrackingToken.newInstance(position + 1, List.of()));
                deliver(events.get(i), GapAwareTrackingToken.newInstance(position + 1, List.of()));
                i++;
            } else {
                deliver(events.get(i), GapAwareTrackingToken.newInstance(position, List.of()));
            }
        }
    }

    public void deliver(List<Recorded> events) {
        events.forEach(this::deliver);
    }

    /** As a streaming processor does: each batch of {@code size} events in one unit of work, committed after. */
    public void deliverInBatches(List<Recorded> events, int size) {
        inBatches(
                adapter,
                events.stream().<EventMessage<?>>map(Recorded::asMessage).toList(),
                size);
    }

    /** Delivers to any handler, each batch of {@code size} events in one unit of work, committed after. */
    public static void inBatches(EventMessageHandler handler, List<? extends EventMessage<?>> events, int size) {
        for (int from = 0; from < events.size(); from += size) {
            BatchingUnitOfWork<EventMessage<?>> unitOfWork =
                    new BatchingUnitOfWork<>(List.copyOf(events.subList(from, Math.min(from + size, events.size()))));
            unitOfWork.executeWithResult(() -> handler.handle(unitOfWork.getMessage()));
            if (unitOfWork.getExecutionResult().isExceptionResult()) {
                throw new IllegalStateException(unitOfWork.getExecutionResult().getExceptionResult());
            }
        }
    }

    public void reset() {
        adapter.prepareReset();
    }
}
