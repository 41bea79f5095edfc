package org.awardinghub.api.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Counts wrong passwords in a row per PIN and client address, and locks that PIN for a while from that address.
 * Keyed by the PIN as typed, so an unknown PIN locks exactly like a real one and the lock-out reveals nothing about
 * which PINs exist; and by the address, so that whoever guesses shuts out only themselves: the user signing in from
 * anywhere else is never locked out by someone else's guesses (ASVS 5.0, 6.3.1). Guessing across many addresses is
 * bounded by the failures allowed per address ({@link AddressRateLimit}) and by the hashes computed at once
 * ({@link PasswordHashing}).
 */
@Component
public class SignInThrottle {

    private static final String UNKNOWN = "unknown";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecurityPolicy policy;
    private final Counter failuresCounted;

    public SignInThrottle(JdbcTemplate jdbc, Clock clock, SecurityPolicy policy, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
        this.failuresCounted = Counter.builder("awarding.sign-in.failures")
                .description("Wrong PINs or passwords at sign-in, on this node")
                .register(metrics);
    }

    public Optional<Instant> lockedUntil(String pin, String clientAddress) {
        List<Long> until = jdbc.queryForList(
                "SELECT locked_until FROM sign_in_lockout WHERE pin = ? AND client_address = ?",
                Long.class,
                pin,
                address(clientAddress));
        return until.stream()
                .filter(u -> u != null && u > clock.millis())
                .findFirst()
                .map(Instant::ofEpochMilli);
    }

    /** Records a wrong password; answers how many in a row, and the lock-out's end when this one locks the PIN. */
    public Failure recordFailure(String pin, String clientAddress) {
        failuresCounted.increment();
        String address = address(clientAddress);
        if (jdbc.update(
                        "UPDATE sign_in_lockout SET failures = failures + 1 WHERE pin = ? AND client_address = ?",
                        pin,
                        address)
                == 0) {
            jdbc.update("INSERT INTO sign_in_lockout (pin, client_address, failures) VALUES (?, ?, 1)", pin, address);
        }
        int failures = jdbc.queryForObject(
                "SELECT failures FROM sign_in_lockout WHERE pin = ? AND client_address = ?",
                Integer.class,
                pin,
                address);
        if (failures >= policy.lockoutFailures()) {
            Instant until = clock.instant().plus(policy.lockoutDuration());
            jdbc.update(
                    "UPDATE sign_in_lockout SET failures = 0, locked_until = ? WHERE pin = ? AND client_address = ?",
                    until.toEpochMilli(),
                    pin,
                    address);
            return new Failure(failures, Optional.of(until));
        }
        return new Failure(failures, Optional.empty());
    }

    /** A right password from this address: its count starts again. */
    public void reset(String pin, String clientAddress) {
        jdbc.update("DELETE FROM sign_in_lockout WHERE pin = ? AND client_address = ?", pin, address(clientAddress));
    }

    /** A new password: every count and lock of the PIN ends, the guesses having been at the old one. */
    public void resetAll(String pin) {
        jdbc.update("DELETE FROM sign_in_lockout WHERE pin = ?", pin);
    }

    private static String address(String clientAddress) {
        return clientAddress == null || clientAddress.isBlank()
                ? UNKNOWN
                : clientAddress.substring(0, Math.min(64, clientAddress.length()));
    }

    public record Failure(int inARow, Optional<Instant> lockedUntil) {}
}
