package org.awardinghub.api.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** Start-up work waits out a busy or absent database, and fails at once on anything else. */
class StartupWorkTest {

    private static final Duration PAUSE = Duration.ofMillis(10);

    @Test
    void givenNoConnectionTwice_whenStarting_thenTheWorkIsDoneOnTheThirdTry() throws Exception {
        AtomicInteger tries = new AtomicInteger();
        StartupWork.untilTheStoresAnswer(
                "work",
                () -> {
                    if (tries.incrementAndGet() < 3) {
                        throw new CannotGetJdbcConnectionException(
                                "pool", new SQLTransientConnectionException("timed out"));
                    }
                },
                PAUSE,
                Duration.ofMinutes(1));
        assertThat(tries).hasValue(3);
    }

    @Test
    void givenAnotherFailure_whenStarting_thenItEndsTheStartAtOnce() {
        AtomicInteger tries = new AtomicInteger();
        assertThatThrownBy(() -> StartupWork.untilTheStoresAnswer(
                        "work",
                        () -> {
                            tries.incrementAndGet();
                            throw new IllegalStateException("AWARDING_BOOTSTRAP_ADMIN_PIN must be 8 digits");
                        },
                        PAUSE,
                        Duration.ofMinutes(1)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(tries).hasValue(1);
    }

    @Test
    void givenTheDatabaseNeverAnswers_whenTheTimeIsUp_thenTheStartFails() {
        assertThatThrownBy(() -> StartupWork.untilTheStoresAnswer(
                        "work",
                        () -> {
                            throw new CannotGetJdbcConnectionException(
                                    "pool", new SQLTransientConnectionException("timed out"));
                        },
                        PAUSE,
                        Duration.ofMillis(50)))
                .isInstanceOf(CannotGetJdbcConnectionException.class);
    }
}
