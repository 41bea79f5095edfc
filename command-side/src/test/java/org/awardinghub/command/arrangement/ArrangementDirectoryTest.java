package org.awardinghub.command.arrangement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * The key behind "one request of each kind awaiting IMI" (ADR 0162): two requests checked at the same moment both
 * find none waiting; the later one's write fails on the key and its command rolls back. A decision frees the key; a
 * request the policy approves at once never holds it.
 */
class ArrangementDirectoryTest {

    static final String CANDIDATE = "candidate-1";
    static final String CENTRE = "centre-1";
    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final String MIGRATION = "db/migration/common/V18__pending_access_arrangements.sql";

    LookupDatabase database;
    ArrangementDirectory arrangements;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        arrangements = database.lookup(ArrangementDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static AccessArrangementRequested requested(String id, String candidateId, ArrangementKind kind, Integer percent) {
        return new AccessArrangementRequested(
                id,
                candidateId,
                CENTRE,
                kind,
                percent,
                null,
                null,
                "Need assessed",
                null,
                "user-admin",
                "34567890",
                NOW);
    }

    static AccessArrangementApproved approved(String id, ArrangementKind kind, Integer percent, boolean automatically) {
        return new AccessArrangementApproved(
                id, CANDIDATE, CENTRE, kind, percent, null, null, automatically, "ok", "user-imi", null, NOW);
    }

    static AccessArrangementRejected rejected(String id, ArrangementKind kind) {
        return new AccessArrangementRejected(id, CANDIDATE, CENTRE, kind, "No need shown", "user-imi", "67890123", NOW);
    }

    @Test
    void givenAReaderAwaitingImi_whenAnotherReaderIsRecordedForTheCandidate_thenTheWriteFails() {
        database.apply(requested("reader-1", CANDIDATE, ArrangementKind.READER, null));

        assertThatThrownBy(() -> database.apply(requested("reader-2", CANDIDATE, ArrangementKind.READER, null)))
                .isInstanceOf(DataIntegrityViolationException.class);
        database.apply(requested("room-1", CANDIDATE, ArrangementKind.SEPARATE_ROOM, null));
        database.apply(requested("reader-3", "candidate-2", ArrangementKind.READER, null));
        assertThat(arrangements.pending(CANDIDATE, ArrangementKind.READER)).isTrue();
    }

    @Test
    void givenAReaderDecided_whenAnotherIsRequested_thenItTakesTheKey() {
        database.apply(requested("reader-1", CANDIDATE, ArrangementKind.READER, null));
        database.apply(rejected("reader-1", ArrangementKind.READER));
        database.apply(requested("reader-2", CANDIDATE, ArrangementKind.READER, null));
        database.apply(approved("reader-2", ArrangementKind.READER, null, false));

        database.apply(requested("reader-3", CANDIDATE, ArrangementKind.READER, null));

        assertThat(held(ArrangementKind.READER)).isEqualTo("reader-3");
    }

    /**
     * Approved at once in the same unit of work: no key, so it is not refused by a request of its kind made at the
     * same moment, which would have been refused had it come first (an order the two could have had).
     */
    @Test
    void givenFiftyPercentAwaitingImi_whenTwentyFiveIsApprovedAtOnceInItsUnitOfWork_thenItTakesNoKey() {
        database.apply(requested("half", CANDIDATE, ArrangementKind.EXTRA_TIME, 50));

        database.applyTogether(
                requested("quarter", CANDIDATE, ArrangementKind.EXTRA_TIME, 25),
                approved("quarter", ArrangementKind.EXTRA_TIME, 25, true));

        assertThat(held(ArrangementKind.EXTRA_TIME)).isEqualTo("half");
        assertThat(arrangements.inForce(CANDIDATE).extraTimePercent()).isEqualTo(25);
    }

    @Test
    void givenTheEventsOneAtATime_whenApprovedAtOnce_thenTheKeyIsFreeAfterwards() {
        database.apply(
                requested("scheme-1", CANDIDATE, ArrangementKind.COLOUR_SCHEME, null),
                approved("scheme-1", ArrangementKind.COLOUR_SCHEME, null, true));
        database.applyTogether(
                requested("scheme-2", CANDIDATE, ArrangementKind.COLOUR_SCHEME, null),
                approved("scheme-2", ArrangementKind.COLOUR_SCHEME, null, true));

        assertThat(keys()).isZero();
    }

    /** The request a migrated installation left PENDING without a key does not free the key its twin holds. */
    @Test
    void givenTwoReadersLeftPendingByTheRace_whenTheMigrationRunsAndOneIsDecided_thenTheOtherStillHoldsTheKey() {
        database.apply(requested("reader-b", CANDIDATE, ArrangementKind.READER, null));
        database.apply(requested("room", CANDIDATE, ArrangementKind.SEPARATE_ROOM, null));
        database.apply(rejected("room", ArrangementKind.SEPARATE_ROOM));
        database.apply(requested("other", "candidate-2", ArrangementKind.EXTRA_TIME, 40));
        database.jdbc().execute("DROP TABLE pending_access_arrangements");
        // its twin, recorded at the same moment by the release without the key
        database.jdbc()
                .update(
                        "INSERT INTO access_arrangements (arrangement_id, candidate_id, centre_id, kind, status)"
                                + " VALUES ('reader-a', ?, ?, 'READER', 'PENDING')",
                        CANDIDATE,
                        CENTRE);

        migrate();
        migrate(); // as the previous release's start-up scripts run it, at every start

        assertThat(keys()).isEqualTo(2);
        assertThat(held(ArrangementKind.READER)).isEqualTo("reader-a");
        database.apply(approved("reader-b", ArrangementKind.READER, null, false));
        assertThat(held(ArrangementKind.READER)).isEqualTo("reader-a");
        assertThat(arrangements.pending(CANDIDATE, ArrangementKind.READER)).isTrue();
        database.apply(rejected("reader-a", ArrangementKind.READER));
        assertThat(keys()).isEqualTo(1);
        assertThat(arrangements.pending(CANDIDATE, ArrangementKind.READER)).isFalse();
    }

    private void migrate() {
        new ResourceDatabasePopulator(new ClassPathResource(MIGRATION))
                .execute(database.jdbc().getDataSource());
    }

    /** The arrangement holding the candidate's key of that kind, if any. */
    private String held(ArrangementKind kind) {
        return database
                .jdbc()
                .queryForList(
                        "SELECT arrangement_id FROM pending_access_arrangements WHERE candidate_id = ? AND kind = ?",
                        String.class,
                        CANDIDATE,
                        kind.name())
                .stream()
                .findFirst()
                .orElse(null);
    }

    private long keys() {
        return database.jdbc().queryForObject("SELECT COUNT(*) FROM pending_access_arrangements", Long.class);
    }
}
