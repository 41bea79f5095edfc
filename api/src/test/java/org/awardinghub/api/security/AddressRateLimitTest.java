package org.awardinghub.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;
import org.awardinghub.api.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * So many per address in each clock minute, then refused until the next minute; a refund gives one back; two nodes
 * count against one allowance.
 */
class AddressRateLimitTest {

    private final MutableClock clock = new MutableClock();
    private JdbcTemplate jdbc;

    @BeforeEach
    void startOfAMinuteOnAnEmptyDatabase() throws Exception {
        clock.advance(Duration.ofMillis(60_000 - clock.millis() % 60_000));
        var database = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        try (var connection = database.getConnection()) {
            ScriptUtils.executeSqlScript(
                    connection, new ClassPathResource("db/migration/common/V10__address_limits_and_cluster_nodes.sql"));
        }
        jdbc = new JdbcTemplate(database);
    }

    private AddressRateLimit limit(int perMinute) {
        return new AddressRateLimit(jdbc, clock, "test", perMinute, "limit");
    }

    @Test
    void givenTheLimitReached_whenAskedAgain_thenRefusedUntilTheNextClockMinute() {
        AddressRateLimit limit = limit(3);

        assertThat(IntStream.range(0, 4).mapToObj(i -> limit.allow("10.0.0.1")))
                .containsExactly(true, true, true, false);
        clock.advance(Duration.ofSeconds(59));
        assertThat(limit.allow("10.0.0.1")).as("still the same minute").isFalse();
        assertThat(limit.hasAllowance("10.0.0.1")).isFalse();
        assertThat(limit.allow("10.0.0.2")).as("another address").isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(limit.hasAllowance("10.0.0.1")).isTrue();
        assertThat(IntStream.range(0, 4).mapToObj(i -> limit.allow("10.0.0.1")))
                .as("a new minute")
                .containsExactly(true, true, true, false);
    }

    @Test
    void givenRequestsThatDidNotCount_whenRefunded_thenTheyLeaveTheLimitAsItWas() {
        AddressRateLimit limit = limit(2);

        for (int i = 0; i < 30; i++) {
            assertThat(limit.allow("10.0.0.9")).as("a success refunded, " + i).isTrue();
            limit.refund("10.0.0.9");
        }
        assertThat(IntStream.range(0, 3).mapToObj(i -> limit.allow("10.0.0.9"))).containsExactly(true, true, false);
        limit.refund("10.0.0.8");
        assertThat(limit.allow("10.0.0.9")).as("a refund to another address").isFalse();
    }

    @Test
    void givenTwoNodes_whenOneAddressAsksBoth_thenTheyShareOneAllowance() {
        AddressRateLimit first = limit(4);
        AddressRateLimit second = limit(4);

        assertThat(IntStream.range(0, 3).mapToObj(i -> Answers.of(first.allow("10.1.1.1"), second.allow("10.1.1.1"))))
                .containsExactly(Answers.of(true, true), Answers.of(true, true), Answers.of(false, false));
        assertThat(new AddressRateLimit(jdbc, clock, "another limit", 4, "limit").allow("10.1.1.1"))
                .as("each limit its own count")
                .isTrue();
    }

    @Test
    void givenTheClockSetBack_whenAsked_thenCountedAfresh() {
        AddressRateLimit limit = limit(1);
        clock.advance(Duration.ofDays(3));
        assertThat(limit.allow(null)).isTrue();
        assertThat(limit.allow(null)).isFalse();

        clock.reset();

        assertThat(limit.allow(null)).isTrue();
    }

    @Test
    void givenMinutesGoneBy_whenANewOneIsCounted_thenTheirRowsAreDeleted() {
        AddressRateLimit limit = limit(1);
        IntStream.range(0, 50).forEach(i -> limit.allow("idle-" + i));
        assertThat(limit.allow("attacker")).isTrue();
        clock.advance(Duration.ofMinutes(1));

        assertThat(limit.allow("attacker")).isTrue();
        assertThat(limit.allow("attacker"))
                .as("the count of this minute is kept")
                .isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM address_limit_use", Integer.class))
                .as("only this minute's rows")
                .isEqualTo(1);
    }

    @Test
    void givenALimitBelowOne_whenStarted_thenRefused() {
        assertThatThrownBy(() -> limit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    private record Answers(boolean firstNode, boolean secondNode) {
        static Answers of(boolean firstNode, boolean secondNode) {
            return new Answers(firstNode, secondNode);
        }
    }
}
