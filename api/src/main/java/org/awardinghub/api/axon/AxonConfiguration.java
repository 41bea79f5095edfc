package org.awardinghub.api.axon;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.awardinghub.api.metadata.AuditMetadataInterceptor;
import org.awardinghub.api.store.EmbeddedReadStore;
import org.awardinghub.api.store.ReadStoreCommitInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.springboot.EventProcessorProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;

@Configuration
class AxonConfiguration {

    /** The processing group whose handlers keep the command side's lookup tables, in the command's transaction. */
    public static final String COMMAND_LOOKUPS = "command-lookups";

    /** The processing group that sends notification emails (the api's {@code Notifier}). */
    static final String NOTIFICATIONS = "notifications";

    @Autowired
    public void configureProcessing(
            EventProcessingConfigurer processing, Optional<EmbeddedReadStore> readStore, ForegroundWork foreground) {
        // A failing handler must never be skipped silently: a lookup table failure rolls the command back,
        // a projection failure makes its processor retry the batch, or parks the event in its dead-letter queue.
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        registerForProjections(processing, () -> new YieldingInterceptor(foreground));
        readStore.ifPresent(store -> registerForProjections(processing, () -> new ReadStoreCommitInterceptor(store)));
    }

    /**
     * The processors with {@code dlq.enabled} in application.properties park what their handlers fail on in Axon's
     * JPA dead-letter queue; {@link DeadLetterPolicy} decides what is parked. Each remembers, per segment, which
     * records have letters waiting, so that an event asks the database only when its record might be one of them;
     * and a replay empties the processor's queue with its read model: what failed before is tried again from the
     * start. (Axon's own {@code dlq.cache} property would set the same invoker configuration: leave it unset.)
     */
    @Autowired
    public void configureDeadLetters(EventProcessingConfigurer processing, EventProcessorProperties properties) {
        properties.getProcessors().forEach((name, settings) -> {
            if (settings.getDlq() != null && settings.getDlq().isEnabled()) {
                processing.registerDeadLetterPolicy(name, c -> new DeadLetterPolicy(name));
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(
                        name,
                        (c, invoker) -> invoker.enableSequenceIdentifierCache().allowReset(true));
            }
        });
    }

    /** Projections only: the lookup tables are written inside the command's own transaction, not in batches. */
    private static void registerForProjections(
            EventProcessingConfigurer processing, Supplier<MessageHandlerInterceptor<EventMessage<?>>> interceptor) {
        processing.registerDefaultHandlerInterceptor((configuration, processorName) ->
                COMMAND_LOOKUPS.equals(processorName) ? (unitOfWork, chain) -> chain.proceed() : interceptor.get());
    }

    /**
     * How often a pooled processor's work packages renew their segments' claims. It must stay well below the token
     * store's claim timeout; the postgres profile, where nodes take over each other's segments, shortens both
     * (ADR 0145). Axon's defaults otherwise.
     */
    @Autowired
    public void configureClaims(
            EventProcessingConfigurer processing,
            @Value("${awarding.processors.claim-extension:5s}") Duration claimExtension) {
        processing.registerPooledStreamingEventProcessorConfiguration(
                (configuration, builder) -> builder.claimExtensionThreshold(claimExtension.toMillis()));
    }

    /**
     * The notifications processor of a new installation (no token yet) starts at the head of the event store: the
     * history before it is not emailed. Its reset goes back to the head too; the records of what was sent keep even a
     * reset to the first event from sending again (ADR 0157).
     */
    @Autowired
    public void configureNotifications(EventProcessingConfigurer processing) {
        processing.registerPooledStreamingEventProcessorConfiguration(
                NOTIFICATIONS,
                (configuration, builder) -> builder.initialToken(StreamableMessageSource::createHeadToken));
    }

    @Autowired
    public void registerAuditMetadata(CommandBus commandBus, AuditMetadataInterceptor interceptor) {
        commandBus.registerDispatchInterceptor(interceptor);
    }
}
