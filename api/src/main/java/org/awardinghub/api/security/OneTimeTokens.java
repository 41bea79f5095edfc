package org.awardinghub.api.security;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The single-use, expiring tokens of activation and password-reset links, stored only as hashes. */
@Component
public class OneTimeTokens {

    public enum Purpose {
        ACTIVATION,
        RESET
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OneTimeTokens(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String issue(String userId, Purpose purpose, Duration validity) {
        String token = SecretTokens.newToken();
        jdbc.update(
                "INSERT INTO one_time_token (token_hash, user_id, purpose, expires_at) VALUES (?, ?, ?, ?)",
                SecretTokens.hash(token),
                userId,
                purpose.name(),
                clock.instant().plus(validity).toEpochMilli());
        return token;
    }

    /** Uses the token up: the user it was issued to, or empty when it is unknown, used or expired. */
    public Optional<String> redeem(String token, Purpose purpose) {
        String hash = SecretTokens.hash(token);
        long now = clock.millis();
        int used = jdbc.update(
                "UPDATE one_time_token SET used_at = ? "
                        + "WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
                now,
                hash,
                purpose.name(),
                now);
        if (used == 0) {
            return Optional.empty();
        }
        List<String> users =
                jdbc.queryForList("SELECT user_id FROM one_time_token WHERE token_hash = ?", String.class, hash);
        return users.stream().findFirst();
    }

    /** The user a live token was issued to, without using it up. */
    public Optional<String> peek(String token, Purpose purpose) {
        return jdbc
                .queryForList(
                        "SELECT user_id FROM one_time_token "
                                + "WHERE token_hash = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
                        String.class,
                        SecretTokens.hash(token),
                        purpose.name(),
                        clock.millis())
                .stream()
                .findFirst();
    }

    /** Used and expired links are kept a week for support questions ("my link did not work"), then deleted. */
    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeOld() {
        long weekAgo = clock.millis() - Duration.ofDays(7).toMillis();
        jdbc.update("DELETE FROM one_time_token WHERE expires_at <= ?", weekAgo);
    }

    /**
     * Whether a live link of this purpose was issued to the user within {@code within}: issued {@code validity}
     * before it expires, so one that expires later than now + validity - within.
     */
    public boolean issuedWithin(String userId, Purpose purpose, Duration validity, Duration within) {
        long since = clock.instant().plus(validity).minus(within).toEpochMilli();
        Integer fresh = jdbc.queryForObject(
                "SELECT COUNT(*) FROM one_time_token "
                        + "WHERE user_id = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
                Integer.class,
                userId,
                purpose.name(),
                since);
        return fresh != null && fresh > 0;
    }

    /** A new link replaces the old ones: earlier unused tokens of the same purpose stop working. */
    public void revokeUnused(String userId, Purpose purpose) {
        jdbc.update(
                "UPDATE one_time_token SET used_at = ? WHERE user_id = ? AND purpose = ? AND used_at IS NULL",
                clock.millis(),
                userId,
                purpose.name());
    }
}
