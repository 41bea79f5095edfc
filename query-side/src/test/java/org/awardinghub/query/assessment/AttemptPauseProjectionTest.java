package org.awardinghub.query.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;
import static org.awardinghub.query.assessment.AttemptHistories.ASSESSMENT;
import static org.awardinghub.query.assessment.AttemptHistories.FORM_A1;
import static org.awardinghub.query.assessment.AttemptHistories.INVIGILATOR_C1;
import static org.awardinghub.query.assessment.AttemptHistories.START;
import static org.awardinghub.query.assessment.AttemptHistories.at;
import static org.awardinghub.query.assessment.AttemptHistories.openedEvent;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.AttemptResumed;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.PauseKind;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Processor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pauses and resumes in the attempt and sitting read models (ADR 0154). */
class AttemptPauseProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    static final String FIRE = "Fire alarm";

    private MongoDatabase database;
    private AttemptProjection attempts;
    private SittingProjection sittings;
    private AnswerTrailProjection trails;
    private Processor processor;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        attempts = new AttemptProjection(database);
        sittings = new SittingProjection(database);
        trails = new AnswerTrailProjection(database);
        processor = new Processor(attempts, sittings, trails);
    }

    static AttemptStarted started(String attemptId, String centreId) {
        return new AttemptStarted(attemptId, "k-" + attemptId, centreId, ASSESSMENT, at(5), at(35), 1L, FORM_A1);
    }

    static AttemptPaused paused(String attemptId) {
        return new AttemptPaused(
                attemptId, "k-" + attemptId, "c1", PauseKind.EMERGENCY, FIRE, "u-1", INVIGILATOR_C1, at(10));
    }

    static AttemptResumed resumed(String attemptId) {
        return new AttemptResumed(
                attemptId,
                "k-" + attemptId,
                "c1",
                "u-2",
                "20000003",
                at(22),
                Duration.ofMinutes(12).toMillis(),
                at(47));
    }

    /** a1 paused and resumed, a2 paused, a3 running at c1; a4 running at c2. */
    static List<Recorded> room() {
        return new History(START)
                .then("a1", openedEvent("a1", "k-a1", "Q7M2K9XA", "c1", 1, INVIGILATOR_C1, at(0)))
                .then("a1", started("a1", "c1"))
                .then("a1", paused("a1"))
                .then("a1", resumed("a1"))
                .then("a2", openedEvent("a2", "k-a2", "B4N8R3TZ", "c1", 1, INVIGILATOR_C1, at(0)))
                .then("a2", started("a2", "c1"))
                .then("a2", paused("a2"))
                .then("a3", openedEvent("a3", "k-a3", "H6W9P2DC", "c1", 1, INVIGILATOR_C1, at(0)))
                .then("a3", started("a3", "c1"))
                .then("a4", openedEvent("a4", "k-a4", "M3P7W2QX", "c2", 1, "20000002", at(0)))
                .then("a4", started("a4", "c2"))
                .events();
    }

    private Map<String, List<Document>> everyDocument() {
        return Map.of(
                AttemptProjection.ATTEMPTS, allDocuments(database, AttemptProjection.ATTEMPTS),
                SittingProjection.SITTINGS, allDocuments(database, SittingProjection.SITTINGS),
                AnswerTrailProjection.ANSWER_TRAILS, allDocuments(database, AnswerTrailProjection.ANSWER_TRAILS));
    }

    @Test
    void givenAPausedAttempt_whenFound_thenPausedSinceThenWithItsPauseAndTheEndUnmoved() {
        processor.deliver(room());

        AttemptView a2 = attempts.handle(new FindAttempt("a2"));
        assertThat(a2.status()).isEqualTo(AttemptStatus.STARTED);
        assertThat(a2.paused()).isTrue();
        assertThat(a2.pausedAt()).isEqualTo(at(10));
        assertThat(a2.endsAt()).isEqualTo(at(35));
        assertThat(a2.pauses())
                .containsExactly(
                        new AttemptView.Pause(PauseKind.EMERGENCY, FIRE, INVIGILATOR_C1, at(10), null, null, null));

        SittingView sitting = sittings.handle(new FindSitting("a2"));
        assertThat(sitting.pausedAt()).isEqualTo(at(10));
        assertThat(sitting.endsAt()).isEqualTo(at(35));
    }

    @Test
    void givenAResumedAttempt_whenFound_thenRunningToTheMovedEndWithThePauseClosed() {
        processor.deliver(room());

        AttemptView a1 = attempts.handle(new FindAttempt("a1"));
        assertThat(a1.paused()).isFalse();
        assertThat(a1.pausedAt()).isNull();
        assertThat(a1.endsAt()).isEqualTo(at(47));
        assertThat(a1.pauses())
                .containsExactly(new AttemptView.Pause(
                        PauseKind.EMERGENCY,
                        FIRE,
                        INVIGILATOR_C1,
                        at(10),
                        "20000003",
                        at(22),
                        Duration.ofMinutes(12).toMillis()));

        assertThat(trails.handle(new FindAnswerTrail("a1")).entries())
                .extracting(AnswerTrail.Entry::type, AnswerTrail.Entry::actor, AnswerTrail.Entry::detail)
                .contains(
                        org.assertj.core.groups.Tuple.tuple(
                                AnswerTrailProjection.PAUSED, INVIGILATOR_C1, "EMERGENCY: " + FIRE),
                        org.assertj.core.groups.Tuple.tuple(
                                AnswerTrailProjection.RESUMED, "20000003", "paused 720000 ms, ends " + at(47)));

        SittingView sitting = sittings.handle(new FindSitting("a1"));
        assertThat(sitting.pausedAt()).isNull();
        assertThat(sitting.endsAt()).isEqualTo(at(47));
    }

    @Test
    void givenAPausedAttemptVoided_whenFound_thenNoLongerPausedButThePauseStaysOnRecord() {
        List<Recorded> events = new History(START)
                .then("a2", openedEvent("a2", "k-a2", "B4N8R3TZ", "c1", 1, INVIGILATOR_C1, at(0)))
                .then("a2", started("a2", "c1"))
                .then("a2", paused("a2"))
                .then("a2", new AttemptVoided("a2", "k-a2", "c1", ASSESSMENT, AttemptStatus.STARTED, null, "Abandoned"))
                .events();
        processor.deliver(events);

        AttemptView a2 = attempts.handle(new FindAttempt("a2"));
        assertThat(a2.status()).isEqualTo(AttemptStatus.VOIDED);
        assertThat(a2.paused()).isFalse();
        assertThat(a2.pauses()).hasSize(1);
        assertThat(sittings.handle(new FindSitting("a2")).pausedAt()).isNull();
    }

    @Test
    void givenARoom_whenTheRunningAttemptsAreListed_thenTheCentresStartedOnesPausedOrNot() {
        processor.deliver(room());

        assertThat(attempts.handle(new ListRunningAttempts("c1")))
                .extracting(AttemptView::attemptId, AttemptView::paused)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("a1", false),
                        org.assertj.core.groups.Tuple.tuple("a2", true),
                        org.assertj.core.groups.Tuple.tuple("a3", false));
        assertThat(attempts.handle(new ListRunningAttempts(null))).isEmpty();
    }

    @Test
    void givenEveryEventDeliveredTwice_whenRead_thenAsIfDeliveredOnce() {
        processor.deliver(room());
        Map<String, List<Document>> once = everyDocument();

        room().forEach(event -> {
            processor.deliver(event);
            processor.deliver(event);
        });

        assertThat(everyDocument()).isEqualTo(once);
    }

    @Test
    void givenAReset_whenReplayed_thenTheSameDocuments() {
        processor.deliver(room());
        Map<String, List<Document>> built = everyDocument();

        processor.reset();
        assertThat(allDocuments(database, AttemptProjection.ATTEMPTS)).isEmpty();
        processor.deliverInBatches(room(), 4);

        assertThat(everyDocument()).isEqualTo(built);
    }
}
