package org.awardinghub.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.awardinghub.api.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** So many per address in each clock minute, then refused until the next minute; a refund gives one back. */
class AddressRateLimitTest {

    private final MutableClock clock = new MutableClock();

    @BeforeEach
    void startOfAMinute() {
        clock.advance(Duration.ofMillis(60_000 - clock.millis() % 60_000));
    }

    @Test
    void givenTheLimitReached_whenAskedAgain_thenRefusedUntilTheNextClockMinute() {
        AddressRateLimit limit = new AddressRateLimit(clock, 3, "limit");

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
    void givenRequestsThatDidNotCount_whenRefunded_thenTheyLeaveTheLimitAsItWas() {
        AddressRateLimit limit = new AddressRateLimit(clock, 2, "limit");

        for (int i = 0; i < 30; i++) {
            assertThat(limit.allow("10.0.0.9")).as("a success refunded, " + i).isTrue();
            limit.refund("10.0.0.9");
        }
        assertThat(IntStream.range(0, 3).mapToObj(i -> limit.allow("10.0.0.9"))).containsExactly(true, true, false);
        limit.refund("10.0.0.8");
        assertThat(limit.allow("10.0.0.9")).as("a refund to another address").isFalse();
    }

    @Test
    void givenTheClockSetBack_whenAsked_thenCountedAfresh() {
        AddressRateLimit limit = new AddressRateLimit(clock, 1, "limit");
        clock.advance(Duration.ofDays(3));
        assertThat(limit.allow(null)).isTrue();
        assertThat(limit.allow(null)).isFalse();

        clock.reset();

        assertThat(limit.allow(null)).isTrue();
    }

    @Test
    void givenMoreAddressesThanKept_whenSwept_thenThisMinutesCountsSurvive() {
        AddressRateLimit limit = new AddressRateLimit(clock, 1, "limit");
        assertThat(limit.allow("attacker")).isTrue();
        IntStream.range(0, AddressRateLimit.SWEEP_ABOVE).forEach(i -> limit.allow("idle-" + i));
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
        assertThatThrownBy(() -> new AddressRateLimit(clock, 0, "limit")).isInstanceOf(IllegalArgumentException.class);
    }
}
