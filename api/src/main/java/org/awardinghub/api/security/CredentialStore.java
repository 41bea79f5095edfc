package org.awardinghub.api.security;

import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashes (bcrypt). Credentials are not history, so they live only here, never in an event; the
 * events record that a password was set, and by whom. Every hash takes its turn ({@link PasswordHashing}).
 */
@Component
public class CredentialStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final BCryptPasswordEncoder encoder;
    private final PasswordHashing hashing;
    /** Checked when a PIN is unknown, so that an unknown PIN costs as much time as a wrong password. */
    private final String decoyHash;

    public CredentialStore(JdbcTemplate jdbc, Clock clock, SecurityPolicy policy) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.encoder = new BCryptPasswordEncoder(policy.bcryptCost());
        this.hashing = new PasswordHashing(policy.concurrentPasswordHashes(), policy.passwordHashWait());
        this.decoyHash = encoder.encode(SecretTokens.newToken());
    }

    public void setPassword(String userId, String password) {
        String hash = hashing.inTurn(() -> encoder.encode(password));
        int updated = jdbc.update(
                "UPDATE credential SET password_hash = ?, set_at = ? WHERE user_id = ?", hash, clock.millis(), userId);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO credential (user_id, password_hash, set_at) VALUES (?, ?, ?)",
                    userId,
                    hash,
                    clock.millis());
        }
    }

    /**
     * Holds the user's credential row until the transaction ends, so that steps about one user's credentials (a
     * reset link issued only if none was lately) run one at a time, on every node. Nothing for a user without one.
     */
    public void lockForUpdate(String userId) {
        jdbc.queryForList("SELECT user_id FROM credential WHERE user_id = ? FOR UPDATE", String.class, userId);
    }

    public boolean hasPassword(String userId) {
        return !jdbc.queryForList("SELECT user_id FROM credential WHERE user_id = ?", String.class, userId)
                .isEmpty();
    }

    /** True only when the user has a password and this is it; takes the same time either way. */
    public boolean matches(Optional<String> userId, String password) {
        Optional<String> hash = userId.flatMap(id ->
                jdbc.queryForList("SELECT password_hash FROM credential WHERE user_id = ?", String.class, id).stream()
                        .findFirst());
        boolean matched = hashing.inTurn(() -> encoder.matches(password, hash.orElse(decoyHash)));
        return hash.isPresent() && matched;
    }
}
