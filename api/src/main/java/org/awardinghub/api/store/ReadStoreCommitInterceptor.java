package org.awardinghub.api.store;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Commits the embedded read store when a projection's batch prepares to commit, that is before its tracking
 * token is stored: after a crash a token never points past documents that were lost.
 */
public class ReadStoreCommitInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = ReadStoreCommitInterceptor.class.getName();

    private final EmbeddedReadStore readStore;

    public ReadStoreCommitInterceptor(EmbeddedReadStore readStore) {
        this.readStore = readStore;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        // once per batch, however many events it holds
        var root = unitOfWork.root();
        if (root.resources().putIfAbsent(RESOURCE, Boolean.TRUE) == null) {
            root.onPrepareCommit(u -> readStore.commit());
        }
        return interceptorChain.proceed();
    }
}
