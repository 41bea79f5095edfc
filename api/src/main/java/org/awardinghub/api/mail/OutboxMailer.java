package org.awardinghub.api.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded default's email: kept in the application's database, in the same transaction as the change
 * that sent it, and shown to IMI admins at {@code GET /api/outbox}.
 */
@Component
@ConditionalOnProperty(name = "awarding.mail.mode", havingValue = "outbox", matchIfMissing = true)
class OutboxMailer implements Mailer {

    public record SentEmail(String to, String subject, String body, Instant sentAt) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public OutboxMailer(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void send(String to, String subject, String body) {
        jdbc.update(
                "INSERT INTO outbox_mail (id, recipient, subject, body, sent_at) VALUES (?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(),
                to,
                subject,
                body,
                clock.millis());
    }

    /** Newest first; all recipients when {@code to} is null. */
    public List<SentEmail> sent(String to, int limit) {
        String where = to == null ? "" : " WHERE LOWER(recipient) = LOWER(?)";
        Object[] args = to == null ? new Object[0] : new Object[] {to};
        return jdbc.query(
                "SELECT recipient, subject, body, sent_at FROM outbox_mail" + where
                        + " ORDER BY sent_at DESC, id LIMIT " + limit,
                (rs, i) -> new SentEmail(
                        rs.getString(1), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))),
                args);
    }
}
