package org.awardinghub.api.mail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The embedded default's email, for a machine without a mail server: each message is delivered as a file,
 * {@code outbox/<id>.eml} under the data directory, readable by whoever runs the server (its owner only, where the
 * file system has permissions), once the change that sent it has committed. The database keeps a copy for IMI admins
 * at {@code GET /api/outbox}, whose one-time links are withheld: an administrator who could read another user's reset
 * link could take over that account. The copy names the file that holds the whole message.
 */
@Component
@ConditionalOnProperty(name = "awarding.mail.mode", havingValue = "outbox", matchIfMissing = true)
class OutboxMailer implements Mailer {

    /** {@code file}: where the whole message is, relative to the data directory. */
    public record SentEmail(String to, String subject, String body, Instant sentAt, String file) {}

    static final String SPOOL = "outbox";
    static final String WITHHELD = "WITHHELD";

    private static final Pattern ONE_TIME_TOKEN = Pattern.compile("([?&]token=)[^\\s&]+");
    private static final Pattern LINE_BREAKS = Pattern.compile("[\\r\\n]+");

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Path spool;

    public OutboxMailer(JdbcTemplate jdbc, Clock clock, @Value("${awarding.data-dir}") Path dataDir) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.spool = dataDir.resolve(SPOOL);
    }

    @Override
    public void send(String to, String subject, String body) {
        String id = UUID.randomUUID().toString();
        long sentAt = clock.millis();
        jdbc.update(
                "INSERT INTO outbox_mail (id, recipient, subject, body, sent_at) VALUES (?, ?, ?, ?, ?)",
                id,
                to,
                subject,
                withheld(body),
                sentAt);
        Mailer.afterCommit(() -> deliver(id, to, subject, body, sentAt));
    }

    /** Newest first; all recipients when {@code to} is null. */
    public List<SentEmail> sent(String to, int limit) {
        return sent(to, 0, limit);
    }

    /** How many emails were sent to {@code to} (to anyone when null). */
    public long count(String to) {
        String where = to == null ? "" : " WHERE LOWER(recipient) = LOWER(?)";
        Object[] args = to == null ? new Object[0] : new Object[] {to};
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_mail" + where, Long.class, args);
    }

    /** Newest first, skipping the {@code skip} newest; all recipients when {@code to} is null. */
    public List<SentEmail> sent(String to, long skip, int limit) {
        String where = to == null ? "" : " WHERE LOWER(recipient) = LOWER(?)";
        Object[] args = to == null ? new Object[0] : new Object[] {to};
        return jdbc.query(
                "SELECT id, recipient, subject, body, sent_at FROM outbox_mail" + where
                        + " ORDER BY sent_at DESC, id LIMIT " + limit + " OFFSET " + skip,
                (rs, i) -> new SentEmail(
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)),
                        SPOOL + "/" + rs.getString(1) + ".eml"),
                args);
    }

    /** The body with the value of every one-time link's token replaced. */
    static String withheld(String body) {
        return ONE_TIME_TOKEN.matcher(body).replaceAll("$1" + WITHHELD);
    }

    /** Writes the message whole, or not at all: to a temporary file first, then moved into place. */
    private void deliver(String id, String to, String subject, String body, long sentAt) {
        String message = "Date: "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        Instant.ofEpochMilli(sentAt).atOffset(ZoneOffset.UTC))
                + "\r\nTo: " + oneLine(to)
                + "\r\nSubject: " + oneLine(subject)
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n"
                + body;
        try {
            createSpool();
            Path written = Files.writeString(Files.createTempFile(spool, id, ".part"), message, StandardCharsets.UTF_8);
            Path target = spool.resolve(id + ".eml");
            try {
                Files.move(written, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(written, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the email to " + spool, e);
        }
    }

    private void createSpool() throws IOException {
        if (Files.isDirectory(spool)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    spool, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(spool);
        }
    }

    private static String oneLine(String header) {
        return LINE_BREAKS.matcher(header).replaceAll(" ");
    }
}
