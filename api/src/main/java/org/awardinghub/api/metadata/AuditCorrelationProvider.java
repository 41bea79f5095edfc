package org.awardinghub.api.metadata;

import java.util.HashMap;
import java.util.Map;
import org.awardinghub.events.AuditMetadata;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

/**
 * Copies the audit metadata of the command being handled into every event it applies, and names the event's
 * cause: that command, or, when a policy sent the command in reaction to an event, that event (commands are not
 * stored, so an investigator follows the chain from event to event). A deadline (an attempt's time limit) carries the metadata of the command that set it;
 * what it causes is done by the system, so it keeps only the correlation id, tying it to the request that set it.
 */
@Component
class AuditCorrelationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        if (message instanceof DeadlineMessage<?>) {
            data.put(AuditMetadata.ACTOR_USER_ID, AuditMetadata.SYSTEM_ACTOR);
            Object correlation = message.getMetaData().get(AuditMetadata.CORRELATION_ID);
            if (correlation != null) {
                data.put(AuditMetadata.CORRELATION_ID, correlation);
            }
        } else {
            for (String key : AuditMetadata.KEYS) {
                Object value = message.getMetaData().get(key);
                if (value != null) {
                    data.put(key, value);
                }
            }
        }
        // the cause: the command handled, or, for a command a policy sent in reaction to an event, that event
        Object causedByEvent = message instanceof DeadlineMessage<?>
                ? null
                : message.getMetaData().get(AuditMetadata.CAUSATION_ID);
        data.put(AuditMetadata.CAUSATION_ID, causedByEvent != null ? causedByEvent : message.getIdentifier());
        data.putIfAbsent(AuditMetadata.CORRELATION_ID, message.getIdentifier());
        return data;
    }
}
