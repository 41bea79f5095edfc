package org.awardinghub.api.axon;

import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * While {@link ForegroundWork} runs, a projection rests before each batch as long as its previous batch took:
 * it keeps about half the processor time it would take, and never stops (the read models still move, only
 * slower, and catch up at full speed once the foreground work is done).
 */
class YieldingInterceptor implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String RESOURCE = YieldingInterceptor.class.getName();
    private static final long LONGEST_REST_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ForegroundWork foreground;
    private volatile long lastBatchNanos;

    public YieldingInterceptor(ForegroundWork foreground) {
        this.foreground = foreground;
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        var root = unitOfWork.root();
        if (root.resources().putIfAbsent(RESOURCE, Boolean.TRUE) == null) {
            if (foreground.active()) {
                TimeUnit.NANOSECONDS.sleep(Math.min(lastBatchNanos, LONGEST_REST_NANOS));
            }
            long started = System.nanoTime();
            root.afterCommit(u -> lastBatchNanos = System.nanoTime() - started);
        }
        return interceptorChain.proceed();
    }
}
