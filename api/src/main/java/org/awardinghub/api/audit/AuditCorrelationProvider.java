package org.awardinghub.api.audit;

import java.util.HashMap;
import java.util.Map;
import org.awardinghub.events.AuditMetadata;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.stereotype.Component;

/**
 * Copies the audit metadata of the command being handled into every event it applies, and names that command
 * as the event's cause.
 */
@Component
public class AuditCorrelationProvider implements CorrelationDataProvider {

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Map<String, Object> data = new HashMap<>();
        for (String key : AuditMetadata.KEYS) {
            Object value = message.getMetaData().get(key);
            if (value != null) {
                data.put(key, value);
            }
        }
        data.put(AuditMetadata.CAUSATION_ID, message.getIdentifier());
        data.putIfAbsent(AuditMetadata.CORRELATION_ID, message.getIdentifier());
        return data;
    }
}
