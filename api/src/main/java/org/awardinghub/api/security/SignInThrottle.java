package org.awardinghub.api.security;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords in a row per PIN and locks the PIN for a while. Keyed by the PIN as typed, so an
 * unknown PIN locks exactly like a real one and the lock-out reveals nothing about which PINs exist.
 */
@Component
public class SignInThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecurityPolicy policy;

    public SignInThrottle(JdbcTemplate jdbc, Clock clock, SecurityPolicy policy) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
    }

    public Optional<Instant> lockedUntil(String pin) {
        List<Long> until =
                jdbc.queryForList("SELECT locked_until FROM sign_in_throttle WHERE pin = ?", Long.class, pin);
        return until.stream()
                .filter(u -> u != null && u > clock.millis())
                .findFirst()
                .map(Instant::ofEpochMilli);
    }

    /** Records a wrong password; answers how many in a row, and the lock-out's end when this one locks the PIN. */
    public Failure recordFailure(String pin) {
        if (jdbc.update("UPDATE sign_in_throttle SET failures = failures + 1 WHERE pin = ?", pin) == 0) {
            jdbc.update("INSERT INTO sign_in_throttle (pin, failures) VALUES (?, 1)", pin);
        }
        int failures = jdbc.queryForObject("SELECT failures FROM sign_in_throttle WHERE pin = ?", Integer.class, pin);
        if (failures >= policy.lockoutFailures()) {
            Instant until = clock.instant().plus(policy.lockoutDuration());
            jdbc.update(
                    "UPDATE sign_in_throttle SET failures = 0, locked_until = ? WHERE pin = ?",
                    until.toEpochMilli(),
                    pin);
            return new Failure(failures, Optional.of(until));
        }
        return new Failure(failures, Optional.empty());
    }

    public void reset(String pin) {
        jdbc.update("DELETE FROM sign_in_throttle WHERE pin = ?", pin);
    }

    public record Failure(int inARow, Optional<Instant> lockedUntil) {}
}
