package org.awardinghub.api.axon;

import java.util.Optional;
import org.awardinghub.api.audit.AuditMetadataInterceptor;
import org.awardinghub.api.store.EmbeddedReadStore;
import org.awardinghub.api.store.ReadStoreCommitInterceptor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;

@Configuration
public class AxonConfiguration {

    /** The processing group whose handlers keep the command side's lookup tables, in the command's transaction. */
    public static final String COMMAND_LOOKUPS = "command-lookups";

    @Autowired
    public void configureProcessing(EventProcessingConfigurer processing, Optional<EmbeddedReadStore> readStore,
                                    ForegroundWork foreground) {
        // A failing handler must never be skipped silently: a lookup table failure rolls the command back,
        // a projection failure makes its processor retry the batch.
        processing.registerDefaultListenerInvocationErrorHandler(c -> PropagatingErrorHandler.instance());
        processing.registerListenerInvocationErrorHandler(COMMAND_LOOKUPS, c -> PropagatingErrorHandler.instance());
        processing.registerDefaultHandlerInterceptor((configuration, processorName) ->
                COMMAND_LOOKUPS.equals(processorName)
                        ? (unitOfWork, chain) -> chain.proceed()
                        : new YieldingInterceptor(foreground));
        readStore.ifPresent(store -> processing.registerDefaultHandlerInterceptor(
                (configuration, processorName) -> COMMAND_LOOKUPS.equals(processorName)
                        ? (unitOfWork, chain) -> chain.proceed()
                        : new ReadStoreCommitInterceptor(store)));
    }

    @Autowired
    public void registerAuditMetadata(CommandBus commandBus, AuditMetadataInterceptor interceptor) {
        commandBus.registerDispatchInterceptor(interceptor);
    }
}
