package org.awardinghub.api.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

class YieldingInterceptorTest {

    private final ForegroundWork foreground = new ForegroundWork();
    private final YieldingInterceptor interceptor = new YieldingInterceptor(foreground);

    /** One batch of the projection: its handling takes {@code workMillis}; answers how long the batch took. */
    private long batch(long workMillis) throws Exception {
        long started = System.nanoTime();
        var unitOfWork = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        unitOfWork.executeWithResult(() -> interceptor.handle(unitOfWork, () -> {
            Thread.sleep(workMillis);
            return null;
        }));
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void givenNoForegroundWork_whenBatchesRun_thenTheyDoNotRest() throws Exception {
        batch(100);
        assertThat(batch(10)).isLessThan(90);
    }

    @Test
    void givenForegroundWork_whenABatchRuns_thenItFirstRestsAsLongAsThePreviousBatchTook() throws Exception {
        batch(100);
        long took = foreground.run(() -> {
            try {
                return batch(10);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(took).isGreaterThanOrEqualTo(100);
        assertThat(foreground.active()).isFalse();
    }
}
