package org.awardinghub.api.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.awardinghub.api.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verification limit: so many per address in each clock minute, then refused until the next minute. */
class VerifyRateLimitTest {

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void startOfAMinute() {
        clock.advance(Duration.ofMillis(60_000 - clock.millis() % 60_000));
    }

    @Test
    void givenTheLimitReached_whenAskedAgain_thenRefusedUntilTheNextClockMinute() {
        VerifyRateLimit limit = new VerifyRateLimit(clock, 3);

        assertThat(IntStream.range(0, 4).mapToObj(i -> limit.allow("10.0.0.1")))
                .containsExactly(true, true, true, false);
        clock.advance(Duration.ofSeconds(59));
        assertThat(limit.allow("10.0.0.1")).as("still the same minute").isFalse();
        assertThat(limit.allow("10.0.0.2")).as("another address").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(IntStream.range(0, 4).mapToObj(i -> limit.allow("10.0.0.1")))
                .as("a new minute")
                .containsExactly(true, true, true, false);
    }

    @Test
    void givenTheClockSetBack_whenAsked_thenCountedAfresh() {
        VerifyRateLimit limit = new VerifyRateLimit(clock, 1);
        clock.advance(Duration.ofDays(3));
        assertThat(limit.allow(null)).isTrue();
        assertThat(limit.allow(null)).isFalse();

        clock.reset();

        assertThat(limit.allow(null)).isTrue();
    }

    @Test
    void givenMoreAddressesThanKept_whenSwept_thenThisMinutesCountsSurvive() {
        VerifyRateLimit limit = new VerifyRateLimit(clock, 1);
        assertThat(limit.allow("attacker")).isTrue();
        IntStream.range(0, VerifyRateLimit.SWEEP_ABOVE).forEach(i -> limit.allow("idle-" + i));
        clock.advance(Duration.ofMinutes(1));
        assertThat(limit.allow("attacker")).isTrue();
        assertThat(limit.allow("newcomer")).isTrue();
        assertThat(limit.addresses()).as("the idle addresses dropped").isEqualTo(2);

        assertThat(limit.allow("attacker"))
                .as("the count of this minute was kept")
                .isFalse();
    }

    @Test
    void givenALimitBelowOne_whenStarted_thenRefused() {
        assertThatThrownBy(() -> new VerifyRateLimit(clock, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
