package org.awardinghub.command.privacy;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.awardinghub.command.CommandLookups;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.user.UserErased;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The key store of personal data (ADR 0163): one random AES-256 key per data subject, in {@code personal_data_keys}
 * beside the event store (migration V19), created with the first personal field recorded about the subject, in the
 * transaction of that event. Erasure deletes the key, in the transaction of {@link CandidateErased}, and remembers
 * the subject in {@code erased_data_subjects}: the subject is never given a key again.
 * <p>
 * Keys are cached for {@link #CACHED_FOR} once committed (a key created in a transaction that rolls back must never be
 * used again), and dropped from this node's cache when the erasure commits; another node may decrypt with its cached
 * key for at most that long afterwards. Read models do not depend on that: every projection handles the erasure
 * after the subject's earlier events.
 */
@Component
@ProcessingGroup(CommandLookups.PROCESSING_GROUP)
public class SubjectKeys {

    static final Duration CACHED_FOR = Duration.ofSeconds(60);
    /** At most this many keys are cached: a replay over every subject must not keep every key in memory. */
    static final int CACHED_AT_MOST = 10_000;

    private static final int KEY_BYTES = 32;

    private record Cached(SecretKey key, Instant until) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public SubjectKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The subject's key, to read with; empty when the subject has none (erased, or never given one). */
    public Optional<SecretKey> find(String subjectId) {
        Cached cached = cache.get(subjectId);
        if (cached != null && cached.until().isAfter(Instant.now())) {
            return Optional.of(cached.key());
        }
        List<String> stored = jdbc.queryForList(
                "SELECT key_material FROM personal_data_keys WHERE subject_id = ?", String.class, subjectId);
        if (stored.isEmpty()) {
            cache.remove(subjectId);
            return Optional.empty();
        }
        SecretKey key = key(stored.get(0));
        remember(subjectId, key);
        return Optional.of(key);
    }

    /**
     * The subject's key, to record personal data with: created in the current transaction when the subject has none
     * yet; empty when the subject was erased, whose personal fields are then recorded as erased.
     */
    public Optional<SecretKey> forWriting(String subjectId) {
        Optional<SecretKey> existing = find(subjectId);
        if (existing.isPresent() || isErased(subjectId)) {
            return existing;
        }
        byte[] material = new byte[KEY_BYTES];
        random.nextBytes(material);
        String encoded = Base64.getEncoder().encodeToString(material);
        jdbc.update(
                "INSERT INTO personal_data_keys (subject_id, key_material, created_at) VALUES (?, ?, ?)",
                subjectId,
                encoded,
                Timestamp.from(clock.instant()));
        SecretKey key = key(encoded);
        remember(subjectId, key);
        return Optional.of(key);
    }

    public boolean isErased(String subjectId) {
        Integer erased = jdbc.queryForObject(
                "SELECT COUNT(*) FROM erased_data_subjects WHERE subject_id = ?", Integer.class, subjectId);
        return erased != null && erased > 0;
    }

    /**
     * The candidate's key goes, in the erasure's own transaction, and with it the snapshots of the candidate's
     * aggregate, which hold their state in clear (snapshots are a cache; the aggregate loads from its events).
     */
    @EventHandler
    void on(CandidateErased event) {
        erase(event.candidateId(), event.erasedAt());
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", event.candidateId());
    }

    /** The user's key goes, in the erasure's own transaction, and with it their snapshots. */
    @EventHandler
    void on(UserErased event) {
        erase(event.userId(), event.erasedAt());
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", event.userId());
    }

    private void erase(String subjectId, Instant at) {
        jdbc.update("DELETE FROM personal_data_keys WHERE subject_id = ?", subjectId);
        if (!isErased(subjectId)) {
            jdbc.update(
                    "INSERT INTO erased_data_subjects (subject_id, erased_at) VALUES (?, ?)",
                    subjectId,
                    Timestamp.from(at));
        }
        cache.remove(subjectId);
        afterCommit(() -> cache.remove(subjectId));
    }

    /** Cached only once committed: a key whose transaction rolls back exists nowhere but in memory. */
    private void remember(String subjectId, SecretKey key) {
        afterCommit(() -> {
            if (cache.size() >= CACHED_AT_MOST) {
                cache.clear();
            }
            cache.put(subjectId, new Cached(key, Instant.now().plus(CACHED_FOR)));
        });
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    private static SecretKey key(String material) {
        return new SecretKeySpec(Base64.getDecoder().decode(material), "AES");
    }
}
