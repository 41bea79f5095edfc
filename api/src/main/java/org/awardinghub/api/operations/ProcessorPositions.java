package org.awardinghub.api.operations;

import java.util.OptionalLong;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/** Where the event store's head is, and how far a processor's segments on this node have come towards it. */
@Component
class ProcessorPositions {

    private final EventStore events;

    ProcessorPositions(EventStore events) {
        this.events = events;
    }

    /** The position of the newest event, null in an empty store. */
    Long head() {
        var token = events.createHeadToken();
        return token == null
                ? null
                : token.position().stream().boxed().findFirst().orElse(null);
    }

    /** The lowest position the processor's segments on this node have reached; null before the first event. */
    static Long position(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .filter(OptionalLong::isPresent)
                .map(OptionalLong::getAsLong)
                .min(Long::compare)
                .orElse(null);
    }
}
