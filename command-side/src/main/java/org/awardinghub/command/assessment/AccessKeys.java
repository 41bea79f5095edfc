package org.awardinghub.command.assessment;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.awardinghub.command.TypedCode;
import org.awardinghub.command.candidate.RegistrationNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one-time access keys an invigilator hands to a candidate: eight characters drawn with a {@link SecureRandom}
 * from 32 letters and digits without the look-alikes 0/O and 1/I (32⁸ = 2⁴⁰ keys). A key is never stored, nor
 * logged: table {@code attempt_access_keys} keeps a PBKDF2-HMAC-SHA256 hash with a random 16-byte salt per key,
 * so that a copy of the database does not start anyone's attempt. {@link #ITERATIONS} iterations cost about 20 ms
 * per check on the two-core build machine (measured with the JDK's provider: 21 ms at 100,000; 33 ms at 150,000),
 * which makes an offline search of one key's 2⁴⁰ values take centuries while a candidate waits no longer than a
 * blink. Online guessing is the API's to stop: it locks starting after repeated wrong keys.
 * <p>
 * Typed input is forgiven its case, spaces and hyphens ({@code abcd-efgh} is {@code ABCDEFGH}); input that can
 * never be a key answers at once, without hashing. Rows are written and marked used in the command's own
 * transaction, so a key rolled back with its command was never issued or used.
 */
@Component
public class AccessKeys {

    public static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    public static final int LENGTH = 8;
    /** About 20 ms per hash here (see above); kept per row, so that changing it leaves issued keys usable. */
    static final int ITERATIONS = 100_000;

    static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** Room for a key or registration number typed with spaces and hyphens; anything longer is no key. */
    private static final int MAX_TYPED_LENGTH = 32;

    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final HexFormat HEX = HexFormat.of();
    /** Hashed against when no key could match, so that the answer takes as long as a wrong key's. */
    private static final byte[] DUMMY_SALT = new byte[SALT_BYTES];

    /**
     * The key this thread has just found to open an attempt ({@link #attemptFor}), so that {@link #redeem}, which the
     * start command calls next on the same thread, need not hash it a second time: on exam day the hash is most of
     * a start's work. It is trusted only for the same attempt, the same typed key and the same stored hash, and used
     * once.
     */
    private final ThreadLocal<Verified> justVerified = new ThreadLocal<>();

    private final JdbcTemplate jdbc;
    private final Random keys;
    private final SecureRandom salts = new SecureRandom();

    @Autowired
    public AccessKeys(JdbcTemplate jdbc) {
        this(jdbc, new SecureRandom());
    }

    /** With {@code keys} drawing the keys (tests pin it); salts always come from a {@link SecureRandom}. */
    AccessKeys(JdbcTemplate jdbc, Random keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** A new key for the attempt, answered in clear this once; usable until {@code validUntil} (exclusive). */
    public String issue(String attemptId, String registrationNumber, Instant validUntil) {
        String key = draw(keys);
        byte[] salt = new byte[SALT_BYTES];
        salts.nextBytes(salt);
        jdbc.update(
                "INSERT INTO attempt_access_keys (attempt_id, registration_number, salt, key_hash, iterations,"
                        + " valid_until) VALUES (?, ?, ?, ?, ?, ?)",
                attemptId,
                registrationNumber,
                HEX.formatHex(salt),
                HEX.formatHex(hash(key, salt, ITERATIONS)),
                ITERATIONS,
                validUntil.toEpochMilli());
        return key;
    }

    /**
     * The attempt that this registration number's unused, unexpired key opens; empty for anything else, without
     * saying why. A candidate has at most one open attempt per assessment, so at most a few keys are checked.
     */
    public Optional<String> attemptFor(String registrationNumber, String accessKey, Instant now) {
        String key = normalisedKey(accessKey);
        String number = normalised(registrationNumber, RegistrationNumbers.ALPHABET, RegistrationNumbers.LENGTH);
        if (key == null || number == null) {
            return Optional.empty();
        }
        List<StoredKey> open = jdbc.query(
                "SELECT attempt_id, salt, key_hash, iterations FROM attempt_access_keys"
                        + " WHERE registration_number = ? AND used_at IS NULL AND valid_until > ?"
                        + " ORDER BY attempt_id",
                AccessKeys::storedKey,
                number,
                now.toEpochMilli());
        if (open.isEmpty()) {
            hash(key, DUMMY_SALT, ITERATIONS);
            return Optional.empty();
        }
        Optional<StoredKey> opened =
                open.stream().filter(stored -> stored.opensWith(key)).findFirst();
        opened.ifPresentOrElse(
                stored -> justVerified.set(new Verified(stored.attemptId(), key, stored.hash())), justVerified::remove);
        return opened.map(StoredKey::attemptId);
    }

    /**
     * Checks the key again and marks it used: true once, for the first caller only. The update is conditional on
     * the key being unused, so of two starts racing with the same key exactly one succeeds.
     */
    public boolean redeem(String attemptId, String accessKey, Instant now) {
        String key = normalisedKey(accessKey);
        if (attemptId == null || key == null) {
            return false;
        }
        Optional<StoredKey> stored = jdbc
                .query(
                        "SELECT attempt_id, salt, key_hash, iterations"
                                + " FROM attempt_access_keys"
                                + " WHERE attempt_id = ? AND used_at IS NULL AND valid_until > ?",
                        AccessKeys::storedKey,
                        attemptId,
                        now.toEpochMilli())
                .stream()
                .findFirst();
        Verified verified = justVerified.get();
        justVerified.remove();
        if (stored.isEmpty()) {
            return false;
        }
        boolean opens = verified != null && verified.covers(stored.get(), key)
                || stored.get().opensWith(key);
        if (!opens) {
            return false;
        }
        return jdbc.update(
                        "UPDATE attempt_access_keys SET used_at = ? WHERE attempt_id = ? AND used_at IS NULL",
                        now.toEpochMilli(),
                        attemptId)
                == 1;
    }

    /** The key as typed, upper-case and without spaces and hyphens; null when it cannot be a key. */
    static String normalisedKey(String typed) {
        return normalised(typed, ALPHABET, LENGTH);
    }

    /**
     * Upper-case, without spaces and hyphens; null when blank, of another length, or with a character outside
     * {@code alphabet}. Overlong input is refused before it is looked at.
     */
    static String normalised(String typed, String alphabet, int length) {
        return TypedCode.normalised(typed, alphabet, length, MAX_TYPED_LENGTH);
    }

    /** One key: {@link #LENGTH} independent, uniform draws from {@link #ALPHABET} (its size is a power of two). */
    static String draw(Random random) {
        return TypedCode.draw(random, ALPHABET, LENGTH);
    }

    static byte[] hash(String key, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(key.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static StoredKey storedKey(ResultSet row, int rowNumber) throws SQLException {
        return new StoredKey(
                row.getString("attempt_id"),
                HEX.parseHex(row.getString("salt")),
                HEX.parseHex(row.getString("key_hash")),
                row.getInt("iterations"));
    }

    private record Verified(String attemptId, String key, byte[] hash) {

        boolean covers(StoredKey stored, String typedKey) {
            return attemptId.equals(stored.attemptId())
                    && key.equals(typedKey)
                    && MessageDigest.isEqual(hash, stored.hash());
        }
    }

    private record StoredKey(String attemptId, byte[] salt, byte[] hash, int iterations) {

        boolean opensWith(String key) {
            return MessageDigest.isEqual(hash, AccessKeys.hash(key, salt, iterations));
        }
    }
}
