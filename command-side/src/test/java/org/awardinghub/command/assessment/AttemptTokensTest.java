package org.awardinghub.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.awardinghub.command.LookupDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AttemptTokensTest {

    static final Instant NOW = Instant.parse("2026-11-26T09:10:00Z");
    static final Instant EXPIRES = NOW.plus(Duration.ofMinutes(90));

    LookupDatabase database;
    AttemptTokens tokens;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        tokens = new AttemptTokens(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void givenTokenIssued_whenRead_then32RandomBytesUrlSafeWithoutPadding() {
        String token = tokens.issue("attempt-1", EXPIRES);
        String other = tokens.issue("attempt-2", EXPIRES);
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(other).isNotEqualTo(token);
    }

    @Test
    void givenTokenIssued_whenTheTableIsRead_thenOnlyItsSha256() {
        String token = tokens.issue("attempt-1", EXPIRES);

        Map<String, Object> row = database.jdbc().queryForMap("SELECT * FROM attempt_tokens");
        assertThat(row.toString()).doesNotContain(token);
        assertThat(row.get("TOKEN_HASH")).isEqualTo(AttemptTokens.hash(token));
        assertThat((String) row.get("TOKEN_HASH")).matches("[0-9a-f]{64}");
        // SHA-256 of "abc", the standard's own test vector: the hash is the one named
        assertThat(AttemptTokens.hash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void givenTokenIssued_whenPresentedBeforeItExpires_thenItsAttempt() {
        String token = tokens.issue("attempt-1", EXPIRES);
        String other = tokens.issue("attempt-2", EXPIRES);

        assertThat(tokens.attemptOf(token, NOW)).contains("attempt-1");
        assertThat(tokens.attemptOf(other, EXPIRES.minusMillis(1))).contains("attempt-2");
    }

    @Test
    void givenTokenIssued_whenPresentedAtOrAfterItsExpiry_thenNothing() {
        String token = tokens.issue("attempt-1", EXPIRES);
        assertThat(tokens.attemptOf(token, EXPIRES)).isEmpty();
        assertThat(tokens.attemptOf(token, EXPIRES.plusSeconds(60))).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "not-a-token",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/"
            })
    void givenTokenIssued_whenAnythingElseIsPresented_thenNothing(String presented) {
        tokens.issue("attempt-1", EXPIRES);
        assertThat(tokens.attemptOf(presented, NOW)).isEmpty();
    }

    @Test
    void givenTokenIssued_whenPresentedWithOneCharacterChanged_thenNothing() {
        String token = tokens.issue("attempt-1", EXPIRES);
        String changed = token.substring(0, 42) + (token.charAt(42) == 'A' ? 'B' : 'A');
        assertThat(tokens.attemptOf(changed, NOW)).isEmpty();
    }
}
