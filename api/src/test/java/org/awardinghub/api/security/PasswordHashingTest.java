package org.awardinghub.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awardinghub.api.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** Hashes take turns: no more at once than allowed, and one that cannot get a turn in time is a 503, not a wait. */
class PasswordHashingTest {

    @Test
    void givenEveryTurnTaken_whenAnotherHashWaitsPastItsTime_thenItIsRefusedAsBusyWithRetryAfter() throws Exception {
        PasswordHashing hashing = new PasswordHashing(1, Duration.ofMillis(200));
        CountDownLatch hashingNow = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> hashing.inTurn(() -> {
            hashingNow.countDown();
            await(finish);
            return "first";
        }));
        assertThat(hashingNow.await(5, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> hashing.inTurn(() -> "second")).isInstanceOfSatisfying(ApiProblem.class, busy -> {
            assertThat(busy.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            assertThat(busy.retryAfter()).contains(Duration.ofSeconds(2));
        });

        finish.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("first");
        assertThat(hashing.inTurn(() -> "third")).as("the turn is given back").isEqualTo("third");
        assertThat(hashing.available()).isEqualTo(1);
    }

    @Test
    void givenAHashThatFails_whenItEnds_thenItsTurnIsGivenBack() {
        PasswordHashing hashing = new PasswordHashing(2, Duration.ofMillis(50));

        assertThatThrownBy(() -> hashing.inTurn(() -> {
                    throw new IllegalStateException("broken");
                }))
                .isInstanceOf(IllegalStateException.class);

        assertThat(hashing.available()).isEqualTo(2);
    }

    @Test
    void givenNoNumberConfigured_whenMade_thenHalfTheProcessorsAndAtLeastOne() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertThat(new PasswordHashing(0, Duration.ofSeconds(1)).available()).isEqualTo(Math.max(1, processors / 2));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
