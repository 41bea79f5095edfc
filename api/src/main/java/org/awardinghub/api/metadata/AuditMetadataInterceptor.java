package org.awardinghub.api.metadata;

import static org.awardinghub.events.AuditMetadata.ACTOR_CENTRE_ID;
import static org.awardinghub.events.AuditMetadata.ACTOR_PIN;
import static org.awardinghub.events.AuditMetadata.ACTOR_REGISTRATION_NUMBER;
import static org.awardinghub.events.AuditMetadata.ACTOR_ROLES;
import static org.awardinghub.events.AuditMetadata.ACTOR_USER_ID;
import static org.awardinghub.events.AuditMetadata.CLIENT_ADDRESS;
import static org.awardinghub.events.AuditMetadata.CORRELATION_ID;
import static org.awardinghub.events.AuditMetadata.REASON;
import static org.awardinghub.events.AuditMetadata.SYSTEM_ACTOR;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.awardinghub.api.security.ActingUser;
import org.awardinghub.api.security.CurrentActor;
import org.awardinghub.api.security.SittingCandidate;
import org.awardinghub.command.Reasoned;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.stereotype.Component;

/**
 * The one place where a command learns who sent it, why, from where and as part of which request. The
 * events it causes keep the same metadata through {@link AuditCorrelationProvider}; controllers copy nothing.
 */
@Component
public class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    /** What {@code actorRoles} says of a candidate sitting an assessment (not a user role: candidates have no PIN). */
    public static final String CANDIDATE_ROLE = "CANDIDATE";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(auditMetadataOf(command));
    }

    /**
     * A command sent by a policy in reaction to an event already names that event's correlation id: it is kept,
     * so the whole chain shares it. Any other command takes the request's, or a new one.
     */
    private static Map<String, Object> auditMetadataOf(CommandMessage<?> command) {
        Object payload = command.getPayload();
        Map<String, Object> metadata = new HashMap<>();
        Optional<ActingUser> user = CurrentActor.get();
        Optional<SittingCandidate> candidate = CurrentActor.candidate();
        if (user.isPresent()) {
            ActingUser actor = user.get();
            metadata.put(ACTOR_USER_ID, actor.userId());
            metadata.put(ACTOR_PIN, actor.pin());
            metadata.put(
                    ACTOR_ROLES, actor.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
            if (actor.centreId() != null) {
                metadata.put(ACTOR_CENTRE_ID, actor.centreId());
            }
        } else if (candidate.isPresent()) {
            metadata.put(ACTOR_REGISTRATION_NUMBER, candidate.get().registrationNumber());
            metadata.put(ACTOR_ROLES, CANDIDATE_ROLE);
        } else {
            metadata.put(ACTOR_USER_ID, SYSTEM_ACTOR);
        }
        if (payload instanceof Reasoned reasoned && reasoned.reason() != null) {
            metadata.put(REASON, reasoned.reason().strip());
        }
        Object given = command.getMetaData().get(CORRELATION_ID);
        metadata.put(
                CORRELATION_ID,
                given != null
                        ? given
                        : RequestCorrelation.correlationId()
                                .orElseGet(() -> UUID.randomUUID().toString()));
        RequestCorrelation.clientAddress().ifPresent(address -> metadata.put(CLIENT_ADDRESS, address));
        return metadata;
    }
}
