package org.awardinghub.api.axon;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Work someone is waiting for (a bulk registration) while it runs on this node. Projections are background
 * work: while foreground work runs they slow down (see {@link YieldingInterceptor}), so that on a machine with
 * few cores the waiting user gets the processor and the read models catch up just after.
 */
@Component
public class ForegroundWork {

    private final AtomicInteger running = new AtomicInteger();

    public <T> T run(Supplier<T> work) {
        running.incrementAndGet();
        try {
            return work.get();
        } finally {
            running.decrementAndGet();
        }
    }

    public boolean active() {
        return running.get() > 0;
    }
}
