package org.awardinghub.api.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Wrong access keys in a row, per registration number and per client address. An access key has 40 bits and
 * works for two hours; locking after a few wrong tries makes guessing one hopeless. The limit per address is
 * higher, because a whole examination room may share one address. A successful start clears the candidate's
 * count (not the address's: one good key must not reset a room's guessing).
 */
@Component
class StartThrottle {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int perCandidate;
    private final int perAddress;
    private final Duration lockout;

    public StartThrottle(
            JdbcTemplate jdbc,
            Clock clock,
            @Value("${awarding.assessment.start-failures-per-candidate:10}") int perCandidate,
            @Value("${awarding.assessment.start-failures-per-address:50}") int perAddress,
            @Value("${awarding.assessment.start-lockout:15m}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.perCandidate = perCandidate;
        this.perAddress = perAddress;
        this.lockout = lockout;
    }

    /** When starting is locked for this registration number or address, until when. */
    public Optional<Instant> lockedUntil(String registrationNumber, String clientAddress) {
        return List.of(candidateKey(registrationNumber), addressKey(clientAddress)).stream()
                .flatMap(key -> jdbc
                        .queryForList(
                                "SELECT locked_until FROM attempt_start_throttle" + " WHERE throttle_key = ?",
                                Long.class,
                                key)
                        .stream())
                .filter(until -> until != null && until > clock.millis())
                .max(Long::compare)
                .map(Instant::ofEpochMilli);
    }

    public void recordFailure(String registrationNumber, String clientAddress) {
        count(candidateKey(registrationNumber), perCandidate);
        count(addressKey(clientAddress), perAddress);
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

    private static String addressKey(String clientAddress) {
        return "address:" + (clientAddress == null ? "unknown" : clientAddress);
    }
}
