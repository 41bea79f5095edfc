package org.awardinghub.query.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;
import org.awardinghub.events.assessment.AccessArrangementsApplied;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.query.InProcessMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access arrangements applied to an attempt, on the candidate's sitting and on the attempt (ADR 0153). */
class SittingAdjustmentsTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    static final Instant STARTED = Instant.parse("2026-11-26T09:10:00Z");
    static final AccessArrangementsApplied APPLIED = new AccessArrangementsApplied(
            "a1", "c1", "centre-1", 25, true, false, false, TextSize.LARGE, ColourScheme.CREAM, false, List.of("x"));
    static final AttemptStarted STARTED_EVENT = new AttemptStarted(
            "a1",
            "c1",
            "centre-1",
            "T1-MCQ",
            STARTED,
            STARTED.plusSeconds(75 * 60),
            7L,
            List.of(new AttemptStarted.Question(
                    "Q1", "item-1", "Which is right?", List.of(new AttemptStarted.Option("A", 0, "This")))));

    MongoDatabase database;
    SittingProjection sittings;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        sittings = new SittingProjection(database);
    }

    SittingView sitting() {
        return sittings.handle(new FindSitting("a1"));
    }

    @Test
    void givenArrangementsAppliedThenStarted_whenFound_thenTheSittingCarriesTheAdjustments() {
        sittings.on(APPLIED, 1);
        assertThat(sitting()).as("not started yet: nothing to sit").isNull();

        sittings.on(STARTED_EVENT, 2);

        SittingView sitting = sitting();
        assertThat(sitting.status()).isEqualTo(AttemptStatus.STARTED);
        assertThat(sitting.endsAt()).isEqualTo(STARTED.plusSeconds(75 * 60));
        assertThat(sitting.questions()).hasSize(1);
        assertThat(sitting.adjustments())
                .isEqualTo(new Adjustments(25, true, false, false, TextSize.LARGE, ColourScheme.CREAM, false));
    }

    @Test
    void givenArrangementsAppliedThenStarted_whenTheAttemptIsFound_thenTheInvigilatorSeesThem() {
        AttemptProjection attempts = new AttemptProjection(database);
        attempts.on(AttemptHistories.openedEvent("a1", "c1", "K7M2Q9XA", "centre-1", 1, "20000001", STARTED), 0);
        attempts.on(APPLIED, 1);
        attempts.on(STARTED_EVENT, 2);

        AttemptView attempt = attempts.handle(new FindAttempt("a1"));
        assertThat(attempt.adjustments())
                .isEqualTo(new Adjustments(25, true, false, false, TextSize.LARGE, ColourScheme.CREAM, false));
        assertThat(attempt.withoutMarks().adjustments()).isEqualTo(attempt.adjustments());
        assertThat(attempt.status()).isEqualTo(AttemptStatus.STARTED);
    }

    @Test
    void givenNoArrangements_whenStarted_thenNoAdjustments() {
        sittings.on(STARTED_EVENT, 1);

        assertThat(sitting().adjustments()).isNull();
        assertThat(sitting().status()).isEqualTo(AttemptStatus.STARTED);
    }

    @Test
    void givenEachEventDeliveredTwice_whenStored_thenAsIfDeliveredOnce() {
        sittings.on(APPLIED, 1);
        sittings.on(STARTED_EVENT, 2);
        List<Document> once = allDocuments(database, SittingProjection.SITTINGS);

        sittings.on(APPLIED, 1);
        sittings.on(STARTED_EVENT, 2);

        assertThat(allDocuments(database, SittingProjection.SITTINGS)).isEqualTo(once);
    }

    @Test
    void givenHistory_whenResetAndReplayed_thenIdentical() {
        sittings.on(APPLIED, 1);
        sittings.on(STARTED_EVENT, 2);
        List<Document> before = allDocuments(database, SittingProjection.SITTINGS);

        sittings.reset();
        assertThat(allDocuments(database, SittingProjection.SITTINGS)).isEmpty();
        sittings.on(APPLIED, 1);
        sittings.on(STARTED_EVENT, 2);

        assertThat(allDocuments(database, SittingProjection.SITTINGS)).isEqualTo(before);
    }
}
