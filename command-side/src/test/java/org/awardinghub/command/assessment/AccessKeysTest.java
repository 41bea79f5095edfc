package org.awardinghub.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awardinghub.command.LookupDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AccessKeysTest {

    static final String ATTEMPT = "attempt-1";
    static final String NUMBER = "7KQ3MZ9B";
    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final Instant VALID_UNTIL = NOW.plus(Duration.ofHours(2));

    LookupDatabase database;
    AccessKeys keys;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        keys = new AccessKeys(database.jdbc());
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void givenKeysIssued_whenRead_thenEightCharactersOfTheAlphabetWithoutLookAlikes() {
        String key = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        assertThat(key).matches("[ABCDEFGHJKLMNPQRSTUVWXYZ23456789]{8}");
        assertThat(AccessKeys.ALPHABET).hasSize(32).doesNotContain("0", "O", "1", "I");
    }

    /** Every character of the alphabet is drawn, with roughly equal frequency, and nothing else is. */
    @Test
    void givenManyDraws_whenCounted_thenEveryLetterOfTheAlphabetAndNothingElse() {
        Random random = new Random(11);
        Map<Character, Long> counts = IntStream.range(0, 4000)
                .mapToObj(n -> AccessKeys.draw(random))
                .flatMap(key -> key.chars().mapToObj(c -> (char) c))
                .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        assertThat(counts.keySet())
                .containsExactlyInAnyOrderElementsOf(
                        AccessKeys.ALPHABET.chars().mapToObj(c -> (char) c).toList());
        // 32,000 characters: 1,000 expected each; a fair draw stays well within ±20%
        assertThat(counts.values()).allMatch(count -> count > 800 && count < 1200);
    }

    @Test
    void givenKeyIssued_whenTheTableIsRead_thenOnlyASaltedHashNeverTheKey() {
        String key = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        String other = keys.issue("attempt-2", NUMBER, VALID_UNTIL);

        List<Map<String, Object>> rows = database.jdbc().queryForList("SELECT * FROM attempt_access_keys");
        String stored = rows.toString().toUpperCase();
        assertThat(stored).doesNotContain(key).doesNotContain(other);
        assertThat(rows).allSatisfy(row -> {
            assertThat((String) row.get("SALT")).matches("[0-9a-f]{32}");
            assertThat((String) row.get("KEY_HASH")).matches("[0-9a-f]{64}");
            assertThat(row.get("ITERATIONS")).isEqualTo(AccessKeys.ITERATIONS);
        });
        assertThat(rows.get(0).get("SALT")).isNotEqualTo(rows.get(1).get("SALT"));
    }

    @Test
    void givenKeyIssued_whenLookedUpWithTheRegistrationNumber_thenItsAttempt() {
        String key = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        assertThat(keys.attemptFor(NUMBER, key, NOW)).contains(ATTEMPT);
    }

    @Test
    void givenKeyIssued_whenTypedInLowerCaseWithSpacesAndHyphens_thenStillFound() {
        String key = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        String typed =
                " " + key.substring(0, 4).toLowerCase() + "-" + key.substring(4, 6) + " " + key.substring(6) + " ";
        assertThat(keys.attemptFor(" 7kq3-mz9b ", typed, NOW)).contains(ATTEMPT);
        assertThat(keys.redeem(ATTEMPT, typed, NOW)).isTrue();
    }

    @Test
    void givenKeyIssued_whenAWrongKeyOrAnotherRegistrationNumber_thenNothing() {
        String key = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        assertThat(keys.attemptFor(NUMBER, otherKeyThan(key), NOW)).isEmpty();
        assertThat(keys.attemptFor("7KQ3MZ9C", key, NOW)).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "  ",
                "ABCDEFG",
                "ABCDEFGHJ",
                "ABCDEFG0",
                "ABCDEFGO",
                "ABCDEFG1",
                "ABCDEFGI",
                "ABCD_EFGH",
                "ABCDEFGHABCDEFGHABCDEFGHABCDEFGHABCDEFGH"
            })
    void givenKeyIssued_whenSomethingThatCannotBeAKeyIsTyped_thenNothing(String typed) {
        keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        assertThat(keys.attemptFor(NUMBER, typed, NOW)).isEmpty();
        assertThat(keys.redeem(ATTEMPT, typed, NOW)).isFalse();
    }

    @Test
    void givenKeyIssued_whenLookedUpWithoutARegistrationNumber_thenNothing() {
        String key = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        assertThat(keys.attemptFor(null, key, NOW)).isEmpty();
        assertThat(keys.attemptFor(" ", key, NOW)).isEmpty();
    }

    @Test
    void givenKeyIssued_whenUsedUntilItsLastMillisecond_thenValidAndAtValidUntilExpired() {
        String key = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        assertThat(keys.attemptFor(NUMBER, key, VALID_UNTIL)).isEmpty();
        assertThat(keys.redeem(ATTEMPT, key, VALID_UNTIL)).isFalse();
        assertThat(keys.attemptFor(NUMBER, key, VALID_UNTIL.minusMillis(1))).contains(ATTEMPT);
        assertThat(keys.redeem(ATTEMPT, key, VALID_UNTIL.minusMillis(1))).isTrue();
    }

    @Test
    void givenKeyRedeemed_whenRedeemedOrLookedUpAgain_thenRefused() {
        String key = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);

        assertThat(keys.redeem(ATTEMPT, key, NOW)).isTrue();

        assertThat(keys.redeem(ATTEMPT, key, NOW)).isFalse();
        assertThat(keys.attemptFor(NUMBER, key, NOW)).isEmpty();
        assertThat(database.jdbc().queryForObject("SELECT used_at FROM attempt_access_keys", Long.class))
                .isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void givenAWrongKey_whenRedeemed_thenRefusedAndTheRightKeyStillWorks() {
        String key = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);

        assertThat(keys.redeem(ATTEMPT, otherKeyThan(key), NOW)).isFalse();
        assertThat(keys.redeem("attempt-2", key, NOW)).isFalse();

        assertThat(keys.redeem(ATTEMPT, key, NOW)).isTrue();
    }

    /** Two starts with the same key at the same moment: the conditional update lets exactly one through. */
    @Test
    void givenTwoRedeemsRacing_whenBothCheckTheKey_thenExactlyOneSucceeds() throws Exception {
        String key = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Boolean> redeem = () -> {
            start.await();
            return keys.redeem(ATTEMPT, key, NOW);
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> one = threads.submit(redeem);
            Future<Boolean> two = threads.submit(redeem);
            start.countDown();
            assertThat(List.of(one.get(), two.get())).containsExactlyInAnyOrder(true, false);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void givenTheCandidateHasKeysForTwoAssessments_whenEachIsTyped_thenEachFindsItsOwnAttempt() {
        String first = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        String second = keys.issue("attempt-2", NUMBER, VALID_UNTIL);

        assertThat(keys.attemptFor(NUMBER, first, NOW)).contains(ATTEMPT);
        assertThat(keys.attemptFor(NUMBER, second, NOW)).contains("attempt-2");
    }

    @Test
    void givenOneKeyJustFoundToOpenItsAttempt_whenAnotherKeyOrAttemptIsRedeemed_thenTheFindingCountsForNothing() {
        String first = keys.issue(ATTEMPT, NUMBER, VALID_UNTIL);
        String second = keys.issue("attempt-2", NUMBER, VALID_UNTIL);

        assertThat(keys.attemptFor(NUMBER, first, NOW)).contains(ATTEMPT);
        assertThat(keys.redeem("attempt-2", first, NOW)).as("another attempt").isFalse();
        assertThat(keys.attemptFor(NUMBER, first, NOW)).contains(ATTEMPT);
        assertThat(keys.redeem(ATTEMPT, otherKeyThan(first), NOW))
                .as("another key")
                .isFalse();
        assertThat(keys.attemptFor(NUMBER, second, NOW)).contains("attempt-2");
        assertThat(keys.redeem("attempt-2", second, NOW)).isTrue();
        assertThat(keys.redeem("attempt-2", second, NOW)).as("used once").isFalse();
        assertThat(keys.redeem(ATTEMPT, first, NOW))
                .as("checked by its hash, on its own")
                .isTrue();
    }

    @Test
    void givenATestRandom_whenIssued_thenTheKeyItDraws() {
        AccessKeys pinned = new AccessKeys(database.jdbc(), new Random(5));
        assertThat(pinned.issue(ATTEMPT, NUMBER, VALID_UNTIL)).isEqualTo(AccessKeys.draw(new Random(5)));
    }

    /** A check costs what the javadoc says (about 20 ms here); bounds wide enough for a busy build machine. */
    @Test
    void givenTheIterationCount_whenAKeyIsHashed_thenItTakesMillisecondsNotMicroseconds() {
        byte[] salt = new byte[AccessKeys.SALT_BYTES];
        AccessKeys.hash("ABCDEFGH", salt, AccessKeys.ITERATIONS); // warm up
        long started = System.nanoTime();
        AccessKeys.hash("ABCDEFGH", salt, AccessKeys.ITERATIONS);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(AccessKeys.ITERATIONS).isGreaterThanOrEqualTo(100_000);
        assertThat(millis).isBetween(3L, 1000L);
    }

    static String otherKeyThan(String key) {
        char last = key.charAt(7);
        return key.substring(0, 7) + (last == 'A' ? 'B' : 'A');
    }
}
