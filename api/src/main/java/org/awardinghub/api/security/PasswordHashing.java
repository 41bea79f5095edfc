package org.awardinghub.api.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.awardinghub.api.problem.ApiProblem;

/**
 * At most so many password hashes computed at once. bcrypt is slow on purpose (a quarter of a second of a processor
 * at cost 12), so 150 sign-ins at once held both processors for 42 s and signed-in users' reads waited up to 7 s.
 * Here a hash waits its turn, fairly, for at most the policy's wait, and is refused with a 503 and
 * {@code Retry-After} past it: the flood queues, and the processors left over serve everyone else.
 */
final class PasswordHashing {

    private final Semaphore turns;
    private final Duration wait;

    PasswordHashing(int concurrent, Duration wait) {
        int permits =
                concurrent > 0 ? concurrent : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        this.turns = new Semaphore(permits, true);
        this.wait = wait;
    }

    <T> T inTurn(Supplier<T> hashing) {
        boolean acquired;
        try {
            acquired = turns.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw ApiProblem.busy("Too many sign-ins at once; try again in a moment", Duration.ofSeconds(2));
        }
        try {
            return hashing.get();
        } finally {
            turns.release();
        }
    }

    int available() {
        return turns.availablePermits();
    }
}
