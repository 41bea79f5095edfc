package org.awardinghub.api.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Server-side bearer sessions. Only the token's hash is stored; a session ends after the idle limit without
 * activity, at the absolute limit, on logout, and when the user's password changes or they are deactivated.
 */
@Component
public class SessionStore {

    public record OpenedSession(String token, Instant expiresAt) {}

    /** How finely a session's last activity is recorded (see {@link #touch}). */
    static final Duration ACTIVITY_RESOLUTION = Duration.ofSeconds(30);

    private record LiveSession(String userId, long lastSeenAt, long expiresAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecurityPolicy policy;

    public SessionStore(JdbcTemplate jdbc, Clock clock, SecurityPolicy policy) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.policy = policy;
    }

    public OpenedSession open(String userId) {
        String token = SecretTokens.newToken();
        Instant now = clock.instant();
        jdbc.update(
                "INSERT INTO user_session (token_hash, user_id, created_at, last_seen_at, expires_at) "
                        + "VALUES (?, ?, ?, ?, ?)",
                SecretTokens.hash(token),
                userId,
                now.toEpochMilli(),
                now.toEpochMilli(),
                now.plus(policy.sessionAbsolute()).toEpochMilli());
        return new OpenedSession(token, idleExpiry(now, now.plus(policy.sessionAbsolute())));
    }

    /**
     * The user of a live session, which counts as activity; empty when unknown, idle too long or expired. Activity is
     * written at most once per {@link #ACTIVITY_RESOLUTION}, not on every request: a page of the web UI makes several
     * calls a second, and a write for each was a commit per request. The session may therefore end up to that much
     * before the idle limit after the last request, never after it. A token that is no session (a candidate's attempt
     * token, a guess) costs one indexed read and writes nothing.
     */
    public Optional<String> touch(String token) {
        String hash = SecretTokens.hash(token);
        long now = clock.millis();
        Optional<LiveSession> found = jdbc
                .query(
                        "SELECT user_id, last_seen_at, expires_at FROM user_session" + " WHERE token_hash = ?",
                        (row, n) -> new LiveSession(row.getString(1), row.getLong(2), row.getLong(3)),
                        hash)
                .stream()
                .findFirst();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        LiveSession session = found.get();
        if (session.lastSeenAt() <= now - policy.sessionIdle().toMillis() || session.expiresAt() <= now) {
            jdbc.update("DELETE FROM user_session WHERE token_hash = ?", hash);
            return Optional.empty();
        }
        if (now - session.lastSeenAt() >= ACTIVITY_RESOLUTION.toMillis()) {
            jdbc.update(
                    "UPDATE user_session SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?",
                    now,
                    hash,
                    now);
        }
        return Optional.of(session.userId());
    }

    public void end(String token) {
        jdbc.update("DELETE FROM user_session WHERE token_hash = ?", SecretTokens.hash(token));
    }

    public void endAll(String userId) {
        jdbc.update("DELETE FROM user_session WHERE user_id = ?", userId);
    }

    /** Sessions nobody can use any more are deleted, whether or not their token is ever presented again. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void purgeExpired() {
        long now = clock.millis();
        jdbc.update(
                "DELETE FROM user_session WHERE expires_at <= ? OR last_seen_at <= ?",
                now,
                now - policy.sessionIdle().toMillis());
    }

    private Instant idleExpiry(Instant now, Instant absolute) {
        Instant idle = now.plus(policy.sessionIdle());
        return idle.isBefore(absolute) ? idle : absolute;
    }
}
