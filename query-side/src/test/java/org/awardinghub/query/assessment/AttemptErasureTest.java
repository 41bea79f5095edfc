package org.awardinghub.query.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awardinghub.query.ErasureStory.ERASED;
import static org.awardinghub.query.ErasureStory.KEPT;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.PauseKind;
import org.awardinghub.query.ErasureCheck;
import org.awardinghub.query.InProcessMongo;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A candidate erased (ADR 0165), in the attempts' read models: every attempt keeps its result, marks and steps, with
 * the void's and the pauses' reasons "(erased)", once and as a replay of the events read after the erasure writes it.
 */
class AttemptErasureTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final String E = PersonalData.ERASED;

    private MongoDatabase erased() {
        return ErasureCheck.erasesAndReplaysAlike(
                mongo,
                database -> new Object[] {
                    new AttemptProjection(database),
                    new SittingProjection(database),
                    new AnswerTrailProjection(database),
                    new CandidateAttemptsProjection(database)
                },
                AttemptProjection.ATTEMPTS,
                AnswerTrailProjection.ANSWER_TRAILS,
                CandidateAttemptsProjection.CANDIDATE_ATTEMPTS);
    }

    @Test
    void givenPausedAndVoidedAttempts_whenCandidateErased_thenResultsStayAndTheReasonsReadErased() {
        MongoDatabase database = erased();
        AttemptProjection attempts = new AttemptProjection(database);

        AttemptView paused = attempts.handle(new FindAttempt("a1"));
        assertThat(paused.pauses()).singleElement().satisfies(pause -> {
            assertThat(pause.kind()).isEqualTo(PauseKind.REST_BREAK);
            assertThat(pause.reason()).isEqualTo(E);
            assertThat(pause.pausedMillis()).isEqualTo(120_000L);
        });
        assertThat(paused.result().outcome()).as("as the appeal changed it").isEqualTo(Outcome.PASS);
        assertThat(paused.marks()).hasSize(1);
        AttemptView voided = attempts.handle(new FindAttempt("a2"));
        assertThat(voided.status()).isEqualTo(AttemptStatus.VOIDED);
        assertThat(voided.voidReason()).as("given in the metadata only").isEqualTo(E);
        assertThat(attempts.handle(new FindAttempt("a3")).voidReason()).isEqualTo("fire alarm");

        AnswerTrailProjection trails = new AnswerTrailProjection(database);
        assertThat(trails.handle(new FindAnswerTrail("a1")).entries())
                .filteredOn(entry -> entry.type().equals(AnswerTrailProjection.PAUSED))
                .extracting(AnswerTrail.Entry::detail)
                .containsExactly("REST_BREAK: " + E);
        assertThat(trails.handle(new FindAnswerTrail("a2")).entries())
                .filteredOn(entry -> entry.type().equals(AnswerTrailProjection.VOIDED))
                .extracting(AnswerTrail.Entry::detail)
                .containsExactly(E);

        CandidateAttemptsProjection candidateAttempts = new CandidateAttemptsProjection(database);
        assertThat(candidateAttempts.handle(new ListCandidateAttempts(ERASED)))
                .extracting(AttemptSummary::attemptId, AttemptSummary::voided, AttemptSummary::voidReason)
                .containsExactly(tuple("a1", false, null), tuple("a2", true, E));
        assertThat(candidateAttempts.handle(new ListCandidateAttempts(KEPT)))
                .extracting(AttemptSummary::voidReason)
                .containsExactly("fire alarm");
        assertThat(allDocuments(database, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS))
                .filteredOn(document -> document.get("_id").equals(ERASED))
                .extracting(document -> document.getBoolean("erased"))
                .containsExactly(true);
    }

    @Test
    void givenAttemptOfAnErasedCandidate_whenItsNextEventComes_thenItStillApplies() {
        MongoDatabase database = erased();
        AttemptProjection attempts = new AttemptProjection(database);
        Document before = database.getCollection(AttemptProjection.ATTEMPTS)
                .find(new Document("_id", "a1"))
                .first();

        attempts.on(
                new AttemptOutcomeChanged(
                        "a1", ERASED, "c1", "EPF", "EPF-A", Outcome.PASS, Outcome.FAIL, 20, 10, 33.3, E, null),
                before.getLong("seq") + 1);

        assertThat(attempts.handle(new FindAttempt("a1")).result().outcome())
                .as("the erasure kept the attempt's own sequence")
                .isEqualTo(Outcome.FAIL);
    }
}
