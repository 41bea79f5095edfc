package org.awardinghub.query;

import java.util.List;
import org.awardinghub.query.History.Recorded;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;

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

    public void reset() {
        adapter.prepareReset();
    }
}
