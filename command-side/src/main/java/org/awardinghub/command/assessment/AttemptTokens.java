package org.awardinghub.command.assessment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bearer token a candidate sits an attempt with, issued when it starts: 32 random bytes (256 bits), written
 * URL-safe base64 without padding (43 characters). Table {@code attempt_tokens} keeps only its SHA-256: a token
 * is random enough that a fast hash is as safe as a slow one, and every answer the candidate sends is checked
 * against it. The token identifies the attempt until it expires ({@code endsAt} plus the grace in
 * {@link AssessmentPolicy#tokenGrace()}); whether the attempt still takes answers is the attempt's to say.
 */
@Component
public class AttemptTokens {

    static final int TOKEN_BYTES = 32;
    private static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final JdbcTemplate jdbc;
    private final SecureRandom random = new SecureRandom();

    public AttemptTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A new token for the attempt, answered in clear this once; it identifies the attempt until {@code expiresAt}. */
    public String issue(String attemptId, Instant expiresAt) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = ENCODER.encodeToString(bytes);
        jdbc.update(
                "INSERT INTO attempt_tokens (token_hash, attempt_id, expires_at) VALUES (?, ?, ?)",
                hash(token),
                attemptId,
                expiresAt.toEpochMilli());
        return token;
    }

    /**
     * The attempt's tokens now expire at {@code expiresAt}: a pause keeps the token alive for as long as the pause
     * may last, and a resume moves its expiry with the attempt's end.
     */
    public void extend(String attemptId, Instant expiresAt) {
        jdbc.update(
                "UPDATE attempt_tokens SET expires_at = ? WHERE attempt_id = ?", expiresAt.toEpochMilli(), attemptId);
    }

    /** The attempt the token was issued for, while it has not expired; empty for anything else. */
    public Optional<String> attemptOf(String token, Instant now) {
        if (token == null || !FORM.matcher(token).matches()) {
            return Optional.empty();
        }
        return jdbc
                .queryForList(
                        "SELECT attempt_id FROM attempt_tokens WHERE token_hash = ? AND expires_at > ?",
                        String.class,
                        hash(token),
                        now.toEpochMilli())
                .stream()
                .findFirst();
    }

    static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
