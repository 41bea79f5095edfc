package org.awardinghub.api.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.awardinghub.api.security.AddressRateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Wrong access keys: in a row per registration number, and per client address and clock minute. An access key has
 * 40 bits and works for two hours; locking a number after a few wrong tries makes guessing its key hopeless, and a
 * successful start clears the number's count. An address may get {@code start-failures-per-address-per-minute}
 * wrong keys a minute, whatever the numbers, so that nobody tries keys across a room's numbers in bulk; it is a
 * count per minute, which lapses by itself, because a whole examination room may share one address and must never
 * be shut out for long by its own typing (it was a count without end, locking a room for 15 minutes). Starts that
 * go through are not counted against the address at all.
 */
@Component
class StartThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int perCandidate;
    private final AddressRateLimit perAddress;
    private final Duration lockout;

    public StartThrottle(
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${awarding.assessment.start-failures-per-candidate:10}") int perCandidate,
            @Value("${awarding.assessment.start-failures-per-address-per-minute:30}") int perAddress,
            @Value("${awarding.assessment.start-lockout:15m}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perCandidate = perCandidate;
        this.perAddress = new AddressRateLimit(
                jdbc, clock, "start-failures", perAddress, "awarding.assessment.start-failures-per-address-per-minute");
        this.lockout = lockout;
    }

    /** When starting is locked for this registration number, until when. */
    public Optional<Instant> lockedUntil(String registrationNumber) {
        return jdbc
                .queryForList(
                        "SELECT locked_until FROM attempt_start_throttle WHERE throttle_key = ?",
                        Long.class,
                        candidateKey(registrationNumber))
                .stream()
                .filter(until -> until != null && until > clock.millis())
                .findFirst()
                .map(Instant::ofEpochMilli);
    }

    /** Whether the address may have a key checked this minute: it has not had its wrong keys for the minute. */
    public boolean addressMayTry(String clientAddress) {
        return perAddress.hasAllowance(clientAddress);
    }

    public void recordFailure(String registrationNumber, String clientAddress) {
        count(candidateKey(registrationNumber), perCandidate);
        perAddress.spend(clientAddress);
    }

    public void recordSuccess(String registrationNumber) {
        jdbc.update("DELETE FROM attempt_start_throttle WHERE throttle_key = ?", candidateKey(registrationNumber));
    }

    private void count(String key, int limit) {
        if (jdbc.update("UPDATE attempt_start_throttle SET failures = failures + 1 WHERE throttle_key = ?", key) == 0) {
            try {
                jdbc.update("INSERT INTO attempt_start_throttle (throttle_key, failures) VALUES (?, 1)", key);
            } catch (DuplicateKeyException raced) {
                // another wrong key from the same candidate or room counted first: count this one on top
                jdbc.update("UPDATE attempt_start_throttle SET failures = failures + 1 WHERE throttle_key = ?", key);
            }
        }
        Integer failures = jdbc.queryForObject(
                "SELECT failures FROM attempt_start_throttle WHERE throttle_key = ?", Integer.class, key);
        if (failures != null && failures >= limit) {
            jdbc.update(
                    "UPDATE attempt_start_throttle SET failures = 0, locked_until = ? WHERE throttle_key = ?",
                    clock.instant().plus(lockout).toEpochMilli(),
                    key);
        }
    }

    private static String candidateKey(String registrationNumber) {
        String number =
                registrationNumber == null ? "" : registrationNumber.strip().toUpperCase(Locale.ROOT);
        return "candidate:" + (number.length() > 100 ? number.substring(0, 100) : number);
    }
}
