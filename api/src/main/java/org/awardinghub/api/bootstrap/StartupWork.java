package org.awardinghub.api.bootstrap;

import java.time.Duration;
import org.awardinghub.api.problem.StoreUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Start-up work (the bootstrap administrator, the sample catalogue) that must not end the start because the database
 * was busy or out of reach for a moment: at a first start every event processor replays at once and may hold every
 * connection of the pool for longer than a request waits for one (found starting two nodes on PostgreSQL on a
 * loaded machine). The work is tried again until the stores answer, for a few minutes; any other failure ends the
 * start at once, as before. Each piece of work is safe to repeat: it checks what is already there first.
 */
public final class StartupWork {

    private static final Logger LOG = LoggerFactory.getLogger(StartupWork.class);
    private static final Duration PAUSE = Duration.ofSeconds(2);
    private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(3);

    /** Work that may throw a checked exception, such as reading a resource. */
    public interface Work {
        void run() throws Exception;
    }

    private StartupWork() {}

    public static void untilTheStoresAnswer(String what, Work work) throws Exception {
        untilTheStoresAnswer(what, work, PAUSE, GIVE_UP_AFTER);
    }

    static void untilTheStoresAnswer(String what, Work work, Duration pause, Duration giveUpAfter) throws Exception {
        long giveUp = System.nanoTime() + giveUpAfter.toNanos();
        while (true) {
            try {
                work.run();
                return;
            } catch (RuntimeException e) {
                if (StoreUnavailable.of(e).isEmpty() || System.nanoTime() > giveUp) {
                    throw e;
                }
                LOG.warn("{} waits for the database ({}); trying again in {} ms", what, e, pause.toMillis());
                Thread.sleep(pause.toMillis());
            }
        }
    }
}
