package org.awardinghub.command.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.springframework.stereotype.Component;

/**
 * Seals one personal value with its data subject's key and opens it again (ADR 0163). A sealed value is the text
 * {@code pd1:<subject id>:<base64 of a 12-byte nonce and the AES-256-GCM ciphertext with its 128-bit tag>}; the
 * plaintext is the value's JSON, so a name, a date or a whole evidence record seal alike. The subject id and the
 * field's name are authenticated with it: a sealed value moved to another field or another subject does not open.
 */
@Component
public class PersonalDataCipher {

    public static final String PREFIX = "pd1:";

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A cipher per thread, initialised afresh for each value: looking one up costs more than sealing a name. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    });

    private final SubjectKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(SubjectKeys keys) {
        this.keys = keys;
    }

    /** Whether a stored value is sealed. */
    public static boolean isSealed(Object stored) {
        return stored instanceof String text && text.startsWith(PREFIX);
    }

    /** The data subject a sealed value belongs to. */
    public static String subjectOf(String sealed) {
        return sealed.substring(PREFIX.length(), sealed.lastIndexOf(':'));
    }

    /**
     * The value's JSON sealed for the subject (whose key is created in the current transaction when it has none
     * yet); empty when the subject was erased: the value is then recorded as erased.
     */
    public Optional<String> seal(String subjectId, String field, String json) {
        Optional<SecretKey> key = keys.forWriting(subjectId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated(subjectId, field));
            byte[] sealed = cipher.doFinal(json.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, stored, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, stored, NONCE_BYTES, sealed.length);
            return Optional.of(PREFIX + subjectId + ":" + Base64.getEncoder().encodeToString(stored));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    /**
     * The JSON of a sealed value of field {@code field}; empty when it cannot be opened: its subject's key is erased
     * (or the value was not sealed here for that field).
     */
    public Optional<String> open(String sealed, String field) {
        int split = sealed.lastIndexOf(':');
        if (!sealed.startsWith(PREFIX) || split < PREFIX.length()) {
            return Optional.empty();
        }
        String subjectId = sealed.substring(PREFIX.length(), split);
        Optional<SecretKey> key = keys.find(subjectId);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        try {
            byte[] stored = Base64.getDecoder().decode(sealed.substring(split + 1));
            if (stored.length <= NONCE_BYTES) {
                return Optional.empty();
            }
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(TAG_BITS, stored, 0, NONCE_BYTES));
            cipher.updateAAD(associated(subjectId, field));
            byte[] json = cipher.doFinal(stored, NONCE_BYTES, stored.length - NONCE_BYTES);
            return Optional.of(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | javax.crypto.AEADBadTagException e) {
            return Optional.empty(); // not base64, or not sealed with this key for this field
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is missing from this Java runtime", e);
        }
    }

    private static byte[] associated(String subjectId, String field) {
        return (subjectId + "\n" + field).getBytes(StandardCharsets.UTF_8);
    }
}
