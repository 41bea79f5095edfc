package org.awardinghub.query;

import java.util.List;
import org.awardinghub.query.History.Recorded;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventMessageHandler;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * Delivers events to a projection as an event processor does, through Axon's annotated-handler adapter,
 * so that @EventHandler, @SequenceNumber, @Timestamp and @ResetHandler are resolved for real.
 */
public final class Processor {

    private final AnnotationEventHandlerAdapter adapter;

    public Processor(Object projection) {
        this.adapter = new AnnotationEventHandlerAdapter(projection);
    }

    public void deliver(Recorded event) {
        try {
            adapter.handle(event.asMessage());
        } catch (Exception e) {
            throw new IllegalStateException(e);
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
