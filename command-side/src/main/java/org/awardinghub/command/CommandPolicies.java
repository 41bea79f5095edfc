package org.awardinghub.command;

import java.util.HashMap;
import java.util.Map;
import org.awardinghub.events.AuditMetadata;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

/**
 * The command side's policies: event handlers that send commands in reaction to events (the certificate recorded on
 * the candidate, an erased candidate's account erased). They share one processor, which never replays and retries
 * what fails; its name is stored data (its tokens) and keeps the name of the first policy, {@value #PROCESSING_GROUP}.
 */
public final class CommandPolicies {

    public static final String PROCESSING_GROUP = "certification-policy";

    private CommandPolicies() {}

    /** The chain keeps the request's correlation id (the event's own id when it has none); the event is the cause. */
    public static MetaData causedBy(EventMessage<?> cause) {
        Map<String, Object> metadata = new HashMap<>();
        Object correlation = cause.getMetaData().get(AuditMetadata.CORRELATION_ID);
        metadata.put(AuditMetadata.CORRELATION_ID, correlation != null ? correlation : cause.getIdentifier());
        metadata.put(AuditMetadata.CAUSATION_ID, cause.getIdentifier());
        return MetaData.from(metadata);
    }
}
