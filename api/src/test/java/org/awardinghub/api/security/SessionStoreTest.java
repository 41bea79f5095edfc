package org.awardinghub.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.awardinghub.api.Migrations;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** Sessions: activity keeps one alive, recorded at most every half minute; idle or expired ones end. */
class SessionStoreTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-12-01T09:00:00Z");

    private Instant now = SIGNED_IN;
    private JdbcTemplate jdbc;
    private SessionStore sessions;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Migrations.apply(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        sessions = new SessionStore(
                jdbc,
                clock,
                new SecurityPolicy(
                        Duration.ofMinutes(40),
                        Duration.ofHours(12),
                        5,
                        Duration.ofMinutes(15),
                        Duration.ofHours(72),
                        Duration.ofHours(1),
                        4,
                        Duration.ofMillis(1),
                        20,
                        5,
                        Duration.ofMinutes(5),
                        Duration.ofMillis(1),
                        1,
                        Duration.ofSeconds(5)));
    }

    @Test
    void givenASession_whenUsedSeveralTimesWithinHalfAMinute_thenItsActivityIsWrittenOnce() {
        String token = sessions.open("user-1").token();
        now = now.plusSeconds(10);
        assertThat(sessions.touch(token)).contains("user-1");
        assertThat(lastSeen()).as("10 s after sign-in: not written again").isEqualTo(SIGNED_IN);
        now = now.plusSeconds(25);
        assertThat(sessions.touch(token)).contains("user-1");
        assertThat(lastSeen()).as("35 s after the last write").isEqualTo(now);
        now = now.plusSeconds(1);
        assertThat(sessions.touch(token)).contains("user-1");
        assertThat(lastSeen()).isEqualTo(now.minusSeconds(1));
    }

    @Test
    void givenActivityEveryTwentySeconds_whenFortyMinutesPass_thenTheSessionStaysAlive() {
        String token = sessions.open("user-1").token();
        for (int i = 0; i < 3 * 60; i++) { // an hour
            now = now.plusSeconds(20);
            assertThat(sessions.touch(token)).as("after %d s", (i + 1) * 20).contains("user-1");
        }
    }

    @Test
    void givenNoActivityForTheIdleLimit_whenUsed_thenTheSessionHasEndedAndIsGone() {
        String token = sessions.open("user-1").token();
        now = now.plus(Duration.ofMinutes(39));
        assertThat(sessions.touch(token)).contains("user-1");
        now = now.plus(Duration.ofMinutes(40));
        assertThat(sessions.touch(token)).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_session", Integer.class))
                .isZero();
    }

    @Test
    void givenATokenThatIsNoSession_whenPresented_thenNothingIsWrittenAndNoUserIsNamed() {
        sessions.open("user-1");
        long before = lastSeenSum();
        assertThat(sessions.touch("an-attempt-token-or-a-guess")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM user_session", Integer.class))
                .isOne();
        assertThat(lastSeenSum()).isEqualTo(before);
    }

    private Instant lastSeen() {
        return Instant.ofEpochMilli(jdbc.queryForObject("SELECT last_seen_at FROM user_session", Long.class));
    }

    private long lastSeenSum() {
        return jdbc.queryForObject("SELECT SUM(last_seen_at) FROM user_session", Long.class);
    }
}
