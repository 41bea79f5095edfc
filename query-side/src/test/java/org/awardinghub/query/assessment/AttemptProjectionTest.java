package org.awardinghub.query.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awardinghub.query.InProcessMongo.allDocuments;
import static org.awardinghub.query.assessment.AttemptHistories.ASSESSMENT;
import static org.awardinghub.query.assessment.AttemptHistories.CANDIDATE_ADDRESS;
import static org.awardinghub.query.assessment.AttemptHistories.FORM_A1;
import static org.awardinghub.query.assessment.AttemptHistories.FORM_A6;
import static org.awardinghub.query.assessment.AttemptHistories.I1;
import static org.awardinghub.query.assessment.AttemptHistories.I2;
import static org.awardinghub.query.assessment.AttemptHistories.I3;
import static org.awardinghub.query.assessment.AttemptHistories.IMI_ADMIN;
import static org.awardinghub.query.assessment.AttemptHistories.INVIGILATOR_C1;
import static org.awardinghub.query.assessment.AttemptHistories.QUALIFICATION;
import static org.awardinghub.query.assessment.AttemptHistories.START;
import static org.awardinghub.query.assessment.AttemptHistories.VOID_REASON;
import static org.awardinghub.query.assessment.AttemptHistories.at;
import static org.awardinghub.query.assessment.AttemptHistories.everyEvent;
import static org.awardinghub.query.assessment.AttemptHistories.invigilator;
import static org.awardinghub.query.assessment.AttemptHistories.letterOf;
import static org.awardinghub.query.assessment.AttemptHistories.openedEvent;

import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.awardinghub.query.Processor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The four attempt read models, built from {@link AttemptHistories}' six attempts. */
@SuppressWarnings("unchecked") // ListCentreAttempts is answered by a raw Page, see AttemptProjection
class AttemptProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final List<String> COLLECTIONS = List.of(
            AttemptProjection.ATTEMPTS,
            SittingProjection.SITTINGS,
            AnswerTrailProjection.ANSWER_TRAILS,
            CandidateAttemptsProjection.CANDIDATE_ATTEMPTS);

    private MongoDatabase database;
    private AttemptProjection attempts;
    private SittingProjection sittings;
    private AnswerTrailProjection trails;
    private CandidateAttemptsProjection candidates;
    private Processor processor;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        attempts = new AttemptProjection(database);
        sittings = new SittingProjection(database);
        trails = new AnswerTrailProjection(database);
        candidates = new CandidateAttemptsProjection(database);
        processor = new Processor(attempts, sittings, trails, candidates);
    }

    /** One processor over the four attempt read models, as the assessment processing group has. */
    private static Processor processorOver(MongoDatabase database) {
        return new Processor(
                new AttemptProjection(database),
                new SittingProjection(database),
                new AnswerTrailProjection(database),
                new CandidateAttemptsProjection(database));
    }

    /** The history up to (not including) the first event of this type for this attempt. */
    private static List<Recorded> until(Class<?> type, String attemptId) {
        List<Recorded> events = everyEvent();
        int end = 0;
        while (!AttemptHistories.isPayload(events.get(end), type, attemptId)) {
            end++;
        }
        return events.subList(0, end);
    }

    private static Instant timestampOf(Class<?> type, String attemptId) {
        return everyEvent().stream()
                .filter(event -> AttemptHistories.isPayload(event, type, attemptId))
                .findFirst()
                .orElseThrow()
                .at();
    }

    private AttemptView attempt(String attemptId) {
        return attempts.handle(new FindAttempt(attemptId));
    }

    private SittingView sitting(String attemptId) {
        return sittings.handle(new FindSitting(attemptId));
    }

    private AnswerTrail trail(String attemptId) {
        return trails.handle(new FindAnswerTrail(attemptId));
    }

    private List<AttemptSummary> candidateAttempts(String candidateId) {
        return candidates.handle(new ListCandidateAttempts(candidateId));
    }

    private Page<AttemptSummary> centreAttempts(String centreId, AttemptStatus status, int page, int size) {
        return attempts.handle(new ListCentreAttempts(centreId, status, page, size));
    }

    private Map<String, List<Document>> everyCollection() {
        return Map.of(
                AttemptProjection.ATTEMPTS, allDocuments(database, AttemptProjection.ATTEMPTS),
                SittingProjection.SITTINGS, allDocuments(database, SittingProjection.SITTINGS),
                AnswerTrailProjection.ANSWER_TRAILS, allDocuments(database, AnswerTrailProjection.ANSWER_TRAILS),
                CandidateAttemptsProjection.CANDIDATE_ATTEMPTS,
                        allDocuments(database, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS));
    }

    // ---- attempts ----

    @Test
    void givenAttemptOpened_whenFound_thenOpenedByTheInvigilatorUntilTheKeyLapsesAndNothingMore() {
        processor.deliver(new History(START)
                .then("a5", openedEvent("a5", "k3", "H6W9P2DC", "c2", 2, "20000002", at(80)), invigilator("20000002"))
                .events());

        assertThat(attempt("a5"))
                .isEqualTo(new AttemptView(
                        "a5",
                        "k3",
                        "H6W9P2DC",
                        "c2",
                        QUALIFICATION,
                        ASSESSMENT,
                        2,
                        AttemptStatus.OPENED,
                        "20000002",
                        at(80),
                        at(80).plus(Duration.ofDays(1)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        List.of(),
                        null,
                        null,
                        false,
                        null,
                        List.of(),
                        null));
    }

    @Test
    void givenStarted_whenFound_thenStartedWithItsEndTimeAndNoResultYet() {
        processor.deliver(until(AnswerChosen.class, "a1"));

        AttemptView a1 = attempt("a1");

        assertThat(a1.status()).isEqualTo(AttemptStatus.STARTED);
        assertThat(a1.startedAt()).isEqualTo(at(5));
        assertThat(a1.endsAt()).isEqualTo(at(35));
        assertThat(a1.result()).isNull();
        assertThat(a1.marks()).isEmpty();
    }

    @Test
    void givenSubmittedByTheCandidate_whenFound_thenResultAndOneMarkPerQuestion() {
        processor.deliver(everyEvent());

        assertThat(attempt("a1"))
                .isEqualTo(new AttemptView(
                        "a1",
                        "k1",
                        "Q7M2K9XA",
                        "c1",
                        QUALIFICATION,
                        ASSESSMENT,
                        1,
                        AttemptStatus.SUBMITTED,
                        INVIGILATOR_C1,
                        at(0),
                        at(0).plus(Duration.ofDays(1)),
                        at(5),
                        at(35),
                        at(20),
                        SubmittedBy.CANDIDATE,
                        new AttemptView.Result(1, 3, 100.0 / 3, 60, Outcome.FAIL),
                        List.of(
                                new AttemptView.Mark("Q1", I2, letterOf(FORM_A1.get(0), 0), false),
                                new AttemptView.Mark("Q2", I1, letterOf(FORM_A1.get(1), 2), true),
                                new AttemptView.Mark("Q3", I3, null, false)),
                        null,
                        null,
                        false,
                        null,
                        List.of(),
                        null));
    }

    @Test
    void givenSubmittedByTheTimeLimit_whenFound_thenSubmittedAtTheEndTime() {
        processor.deliver(everyEvent());

        AttemptView a3 = attempt("a3");

        assertThat(a3.submittedBy()).isEqualTo(SubmittedBy.TIME_LIMIT);
        assertThat(a3.submittedAt()).isEqualTo(a3.endsAt()).isEqualTo(at(36));
        assertThat(a3.result()).isEqualTo(new AttemptView.Result(0, 3, 0.0, 60, Outcome.FAIL));
    }

    @Test
    void givenVoidedAfterSubmission_whenFound_thenVoidedWithReasonAndTimeAndItsResultStillShown() {
        processor.deliver(everyEvent());

        AttemptView a4 = attempt("a4");

        assertThat(a4.status()).isEqualTo(AttemptStatus.VOIDED);
        assertThat(a4.voidReason()).isEqualTo(VOID_REASON);
        assertThat(a4.voidedAt()).isEqualTo(timestampOf(AttemptVoided.class, "a4"));
        assertThat(a4.result()).isEqualTo(new AttemptView.Result(2, 3, 200.0 / 3, 60, Outcome.PASS));
        assertThat(a4.marks()).hasSize(3);
    }

    @Test
    void givenKeyExpired_whenFound_thenExpiredNeverStartedNoResult() {
        processor.deliver(everyEvent());

        AttemptView a5 = attempt("a5");

        assertThat(a5.status()).isEqualTo(AttemptStatus.EXPIRED);
        assertThat(a5.startedAt()).isNull();
        assertThat(a5.result()).isNull();
        assertThat(a5.marks()).isEmpty();
    }

    @Test
    void givenUnknownAttempt_whenFound_thenNull() {
        processor.deliver(everyEvent());

        assertThat(attempt("a9")).isNull();
        assertThat(attempt(null)).isNull();
    }

    // ---- sittings ----

    private SittingView.Question shown(AttemptStarted.Question question, String chosenOptionId) {
        return new SittingView.Question(
                question.questionId(),
                question.stem(),
                question.options().stream()
                        .map(option -> new SittingView.Option(option.optionId(), option.text()))
                        .toList(),
                chosenOptionId);
    }

    @Test
    void givenStarted_whenSittingFound_thenTheQuestionsAsShownAndNothingChosen() {
        processor.deliver(until(AnswerChosen.class, "a1"));

        assertThat(sitting("a1"))
                .isEqualTo(new SittingView(
                        "a1",
                        ASSESSMENT,
                        AttemptStatus.STARTED,
                        at(5),
                        at(35),
                        null,
                        FORM_A1.stream().map(question -> shown(question, null)).toList(),
                        null,
                        null,
                        null));
    }

    @Test
    void givenAnAnswerChanged_whenSittingFound_thenTheLastChoiceOfEachQuestion() {
        processor.deliver(until(AttemptSubmitted.class, "a1"));

        assertThat(sitting("a1").questions())
                .containsExactly(
                        shown(FORM_A1.get(0), letterOf(FORM_A1.get(0), 0)),
                        shown(FORM_A1.get(1), letterOf(FORM_A1.get(1), 2)),
                        shown(FORM_A1.get(2), null));
        assertThat(letterOf(FORM_A1.get(0), 0)).isNotEqualTo(letterOf(FORM_A1.get(0), 1));
    }

    @Test
    void givenSubmitted_whenSittingFound_thenTheirOwnResultAndTheirChoices() {
        processor.deliver(everyEvent());

        SittingView a1 = sitting("a1");

        assertThat(a1.status()).isEqualTo(AttemptStatus.SUBMITTED);
        assertThat(a1.submittedAt()).isEqualTo(at(20));
        assertThat(a1.result()).isEqualTo(new SittingView.Result(1, 3, 100.0 / 3, Outcome.FAIL));
        assertThat(a1.questions())
                .extracting(SittingView.Question::chosenOptionId)
                .containsExactly(letterOf(FORM_A1.get(0), 0), letterOf(FORM_A1.get(1), 2), null);
    }

    @Test
    void givenEveryAttempt_whenSittingsStored_thenNoItemIdsNoBankOptionsNoMarksNothingAboutCorrectness() {
        processor.deliver(everyEvent());

        List<Document> stored = allDocuments(database, SittingProjection.SITTINGS);

        assertThat(stored)
                .extracting(document -> document.getString("_id"))
                .containsExactly("a1", "a2", "a3", "a4", "a6");
        assertThat(stored).allSatisfy(sitting -> {
            assertThat(sitting.keySet())
                    .containsExactlyInAnyOrder(
                            "_id",
                            "seq",
                            "assessmentCode",
                            "status",
                            "startedAt",
                            "endsAt",
                            "submittedAt",
                            "questions",
                            "result",
                            "adjustments",
                            "pausedAt");
            assertThat(sitting.getList("questions", Document.class)).allSatisfy(question -> {
                assertThat(question.keySet())
                        .containsExactlyInAnyOrder("questionId", "stem", "options", "chosenOptionId");
                assertThat(question.getList("options", Document.class))
                        .allSatisfy(
                                option -> assertThat(option.keySet()).containsExactlyInAnyOrder("optionId", "text"));
            });
            Document result = sitting.get("result", Document.class);
            if (result != null) {
                assertThat(result.keySet()).containsExactlyInAnyOrder("score", "maxScore", "percent", "outcome");
            }
            String json = sitting.toJson();
            assertThat(json).doesNotContain(ASSESSMENT + "-", "itemId", "itemOption", "correct", "mark", "optionCount");
        });
    }

    @Test
    void givenNotStartedOrUnknown_whenSittingFound_thenNull() {
        processor.deliver(everyEvent());

        assertThat(sitting("a5")).isNull();
        assertThat(sitting("a9")).isNull();
        assertThat(sitting(null)).isNull();
    }

    @Test
    void givenVoidedWhileSitting_whenSittingFound_thenVoidedWithNoResult() {
        processor.deliver(everyEvent());

        SittingView a6 = sitting("a6");

        assertThat(a6.status()).isEqualTo(AttemptStatus.VOIDED);
        assertThat(a6.result()).isNull();
        assertThat(a6.questions().get(0).chosenOptionId()).isEqualTo(letterOf(FORM_A6.get(0), 3));
        assertThat(sitting("a4").status()).isEqualTo(AttemptStatus.VOIDED);
    }

    // ---- answer trails ----

    @Test
    void givenSubmittedByTheCandidate_whenTrailFound_thenEveryStepInOrderWithActorAndAddress() {
        processor.deliver(everyEvent());
        String address = CANDIDATE_ADDRESS.get("Q7M2K9XA");
        AttemptStarted.Question q1 = FORM_A1.get(0);
        AttemptStarted.Question q2 = FORM_A1.get(1);

        assertThat(trail("a1"))
                .isEqualTo(new AnswerTrail(
                        "a1",
                        "k1",
                        "c1",
                        ASSESSMENT,
                        42,
                        List.of(
                                new AnswerTrail.Entry(
                                        at(0),
                                        "OPENED",
                                        null,
                                        null,
                                        null,
                                        null,
                                        INVIGILATOR_C1,
                                        "10.0.0.1",
                                        "key valid until " + at(0).plus(Duration.ofDays(1))),
                                new AnswerTrail.Entry(
                                        at(5),
                                        "STARTED",
                                        null,
                                        null,
                                        null,
                                        null,
                                        "Q7M2K9XA",
                                        address,
                                        "seed 42, ends " + at(35)),
                                new AnswerTrail.Entry(
                                        at(6), "ANSWERED", "Q1", I2, letterOf(q1, 1), null, "Q7M2K9XA", address, null),
                                new AnswerTrail.Entry(
                                        at(8),
                                        "ANSWERED",
                                        "Q1",
                                        I2,
                                        letterOf(q1, 0),
                                        letterOf(q1, 1),
                                        "Q7M2K9XA",
                                        address,
                                        null),
                                new AnswerTrail.Entry(
                                        at(9), "ANSWERED", "Q2", I1, letterOf(q2, 2), null, "Q7M2K9XA", address, null),
                                new AnswerTrail.Entry(
                                        at(20),
                                        "SUBMITTED",
                                        null,
                                        null,
                                        null,
                                        null,
                                        "Q7M2K9XA",
                                        address,
                                        "CANDIDATE, score 1/3, FAIL"))));
    }

    @Test
    void givenSubmittedByTheTimeLimit_whenTrailFound_thenTheSystemSubmitted() {
        processor.deliver(everyEvent());

        AnswerTrail a3 = trail("a3");

        assertThat(a3.entries())
                .extracting(AnswerTrail.Entry::type)
                .containsExactly("OPENED", "STARTED", "ANSWERED", "ANSWERED", "SUBMITTED");
        assertThat(a3.entries().get(4))
                .isEqualTo(new AnswerTrail.Entry(
                        at(36),
                        "SUBMITTED",
                        null,
                        null,
                        null,
                        null,
                        AuditMetadata.SYSTEM_ACTOR,
                        null,
                        "TIME_LIMIT, score 0/3, FAIL"));
        assertThat(a3.seed()).isEqualTo(7);
    }

    @Test
    void givenVoidedAfterSubmission_whenTrailFound_thenVoidedLastByTheImiUserWithTheReason() {
        processor.deliver(everyEvent());

        List<AnswerTrail.Entry> a4 = trail("a4").entries();

        assertThat(a4)
                .extracting(AnswerTrail.Entry::type)
                .containsExactly("OPENED", "STARTED", "ANSWERED", "ANSWERED", "ANSWERED", "SUBMITTED", "VOIDED");
        assertThat(a4.get(6))
                .isEqualTo(new AnswerTrail.Entry(
                        timestampOf(AttemptVoided.class, "a4"),
                        "VOIDED",
                        null,
                        null,
                        null,
                        null,
                        IMI_ADMIN,
                        "198.51.100.7",
                        VOID_REASON));
    }

    @Test
    void givenKeyExpired_whenTrailFound_thenOpenedThenExpiredBySystemAndNoSeed() {
        processor.deliver(everyEvent());

        AnswerTrail a5 = trail("a5");

        assertThat(a5.entries())
                .extracting(AnswerTrail.Entry::type, AnswerTrail.Entry::actor, AnswerTrail.Entry::at)
                .containsExactly(
                        tuple("OPENED", "20000002", at(80)),
                        tuple("EXPIRED", AuditMetadata.SYSTEM_ACTOR, at(80 + 24 * 60)));
        assertThat(a5.seed()).isZero();
        assertThat(trail("a9")).isNull();
    }

    // ---- candidate results ----

    @Test
    void givenTwoAttemptsOfOneCandidate_whenListed_thenOldestFirstEachWithItsResult() {
        processor.deliver(everyEvent());

        assertThat(candidateAttempts("k1"))
                .containsExactly(
                        new AttemptSummary(
                                "a1",
                                "k1",
                                "Q7M2K9XA",
                                "c1",
                                ASSESSMENT,
                                1,
                                AttemptStatus.SUBMITTED,
                                at(0),
                                at(5),
                                at(20),
                                1,
                                3,
                                100.0 / 3,
                                Outcome.FAIL,
                                false,
                                null),
                        new AttemptSummary(
                                "a2",
                                "k1",
                                "Q7M2K9XA",
                                "c1",
                                ASSESSMENT,
                                2,
                                AttemptStatus.SUBMITTED,
                                at(60),
                                at(61),
                                at(70),
                                3,
                                3,
                                100.0,
                                Outcome.PASS,
                                false,
                                null));
    }

    @Test
    void givenVoidedAfterSubmissionAndThenExpired_whenListed_thenVoidedKeepsItsResultAndExpiredHasNone() {
        processor.deliver(everyEvent());

        assertThat(candidateAttempts("k3"))
                .containsExactly(
                        new AttemptSummary(
                                "a4",
                                "k3",
                                "H6W9P2DC",
                                "c2",
                                ASSESSMENT,
                                1,
                                AttemptStatus.VOIDED,
                                at(40),
                                at(41),
                                at(50),
                                2,
                                3,
                                200.0 / 3,
                                Outcome.PASS,
                                true,
                                VOID_REASON),
                        new AttemptSummary(
                                "a5",
                                "k3",
                                "H6W9P2DC",
                                "c2",
                                ASSESSMENT,
                                2,
                                AttemptStatus.EXPIRED,
                                at(80),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                false,
                                null));
    }

    @Test
    void givenVoidedBeforeSubmission_whenListed_thenVoidedWithoutScore() {
        processor.deliver(everyEvent());

        assertThat(candidateAttempts("k2"))
                .containsExactly(
                        new AttemptSummary(
                                "a3",
                                "k2",
                                "B4N8R3TZ",
                                "c2",
                                ASSESSMENT,
                                1,
                                AttemptStatus.SUBMITTED,
                                at(1),
                                at(6),
                                at(36),
                                0,
                                3,
                                0.0,
                                Outcome.FAIL,
                                false,
                                null),
                        new AttemptSummary(
                                "a6",
                                "k2",
                                "B4N8R3TZ",
                                "c2",
                                ASSESSMENT,
                                2,
                                AttemptStatus.VOIDED,
                                at(90),
                                at(91),
                                null,
                                null,
                                null,
                                null,
                                null,
                                true,
                                "fire alarm"));
    }

    @Test
    void givenOpenedOnly_whenListed_thenOpenedWithNothingScored() {
        processor.deliver(until(AttemptStarted.class, "a1"));

        assertThat(candidateAttempts("k1"))
                .containsExactly(new AttemptSummary(
                        "a1",
                        "k1",
                        "Q7M2K9XA",
                        "c1",
                        ASSESSMENT,
                        1,
                        AttemptStatus.OPENED,
                        at(0),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        false,
                        null));
    }

    @Test
    void givenUnknownCandidate_whenListed_thenEmpty() {
        processor.deliver(everyEvent());

        assertThat(candidateAttempts("k9")).isEmpty();
        assertThat(candidateAttempts(null)).isEmpty();
    }

    @Test
    void givenEveryAttempt_whenStored_thenOneDocumentPerCandidateKeyedByCandidateId() {
        processor.deliver(everyEvent());

        List<Document> stored = allDocuments(database, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS);

        assertThat(stored).extracting(document -> document.getString("_id")).containsExactly("k1", "k2", "k3");
        assertThat(stored.get(0).getList("entries", Document.class))
                .extracting(entry -> entry.getString("attemptId"))
                .containsExactly("a1", "a2");
        // each entry keeps its own attempt's last applied sequence: a1 submitted at 5, a2 at 5
        assertThat(stored.get(0).getList("entries", Document.class))
                .extracting(entry -> entry.get("seq"))
                .containsExactly(5L, 5L);
    }

    @Test
    void givenOneCandidatesAttemptsOnDifferentSegments_whenDeliveredInAnotherInterleaving_thenSameDocuments() {
        List<Recorded> inOrder = everyEvent();
        processor.deliver(inOrder);
        List<Document> expected = allDocuments(database, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS);
        MongoDatabase other = mongo.freshDatabase();
        Processor otherProcessor = processorOver(other);

        // each attempt's events stay in order (one segment each), but the later attempts come first
        List<Recorded> reversed = new ArrayList<>();
        List.of("a6", "a5", "a2", "a4", "a3", "a1")
                .forEach(attemptId -> inOrder.stream()
                        .filter(event -> event.aggregateId().equals(attemptId))
                        .forEach(reversed::add));
        otherProcessor.deliver(reversed);

        assertThat(allDocuments(other, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS))
                .isEqualTo(expected);
    }

    @Test
    void givenManyAttemptsOfOneCandidateHandledAtOnce_whenListed_thenNoAttemptLost() throws Exception {
        List<Recorded> events = new ArrayList<>();
        History history = new History(START);
        for (int i = 0; i < 24; i++) {
            String attemptId = String.format("m%02d", i);
            history.then(
                    attemptId,
                    openedEvent(attemptId, "k1", "Q7M2K9XA", "c1", i + 1, INVIGILATOR_C1, at(i)),
                    invigilator(INVIGILATOR_C1));
            history.then(
                    attemptId,
                    new AttemptVoided(
                            attemptId, "k1", "c1", ASSESSMENT, AttemptStatus.OPENED, null, "opened by mistake"),
                    AttemptHistories.imi("opened by mistake"));
        }
        events.addAll(history.events());
        ExecutorService segments = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int segment = 0; segment < 4; segment++) {
                int mine = segment;
                done.add(segments.submit(() -> events.stream()
                        .filter(event -> Math.floorMod(event.aggregateId().hashCode(), 4) == mine)
                        .forEach(processor::deliver)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            segments.shutdownNow();
        }

        List<AttemptSummary> listed = candidateAttempts("k1");
        assertThat(listed).hasSize(24).allSatisfy(summary -> {
            assertThat(summary.status()).isEqualTo(AttemptStatus.VOIDED);
            assertThat(summary.voided()).isTrue();
        });
        assertThat(listed)
                .extracting(AttemptSummary::attemptNumber)
                .containsExactlyElementsOf(
                        Stream.iterate(1, n -> n + 1).limit(24).toList());
        // one write per event: the version counts 48 writes from 0
        assertThat(allDocuments(database, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS)
                        .get(0)
                        .get("seq"))
                .isEqualTo(47L);
    }

    // ---- centre lists ----

    @Test
    void givenAttemptsAtTwoCentres_whenCentreListed_thenOnlyThatCentresNewestOpenedFirst() {
        processor.deliver(everyEvent());

        Page<AttemptSummary> c2 = centreAttempts("c2", null, 0, 50);

        assertThat(c2.items()).extracting(AttemptSummary::attemptId).containsExactly("a6", "a5", "a4", "a3");
        assertThat(c2.total()).isEqualTo(4);
        assertThat(centreAttempts("c1", null, 0, 50).items())
                .extracting(AttemptSummary::attemptId)
                .containsExactly("a2", "a1");
    }

    @Test
    void givenAttempts_whenCentreListedByStatus_thenOnlyThatStatus() {
        processor.deliver(everyEvent());

        Page<AttemptSummary> voided = centreAttempts("c2", AttemptStatus.VOIDED, 0, 50);

        assertThat(voided.items()).extracting(AttemptSummary::attemptId).containsExactly("a6", "a4");
        assertThat(voided.items().get(1))
                .isEqualTo(new AttemptSummary(
                        "a4",
                        "k3",
                        "H6W9P2DC",
                        "c2",
                        ASSESSMENT,
                        1,
                        AttemptStatus.VOIDED,
                        at(40),
                        at(41),
                        at(50),
                        2,
                        3,
                        200.0 / 3,
                        Outcome.PASS,
                        true,
                        VOID_REASON));
        assertThat(centreAttempts("c2", AttemptStatus.SUBMITTED, 0, 50).items())
                .extracting(AttemptSummary::attemptId)
                .containsExactly("a3");
    }

    @Test
    void givenAttempts_whenLaterPageAsked_thenTheRestWithTheTotal() {
        processor.deliver(everyEvent());

        Page<AttemptSummary> second = centreAttempts("c2", null, 1, 3);

        assertThat(second).isEqualTo(new Page<>(List.of(candidateAttempts("k2").get(0)), 1, 3, 4));
    }

    @Test
    void givenNoCentre_whenListed_thenNothing() {
        processor.deliver(everyEvent());

        assertThat(centreAttempts(null, null, 0, 50)).isEqualTo(new Page<>(List.of(), 0, 50, 0));
        assertThat(centreAttempts("c9", null, 0, 50).total()).isZero();
    }

    // ---- exactly once ----

    @Test
    void givenEveryEventDeliveredTwice_whenStored_thenEveryCollectionAsIfDeliveredOnce() {
        processor.deliver(everyEvent());
        Map<String, List<Document>> once = everyCollection();
        MongoDatabase twice = mongo.freshDatabase();
        Processor twiceProcessor = processorOver(twice);

        everyEvent().forEach(event -> {
            twiceProcessor.deliver(event);
            twiceProcessor.deliver(event);
        });

        COLLECTIONS.forEach(collection -> assertThat(allDocuments(twice, collection))
                .as(collection)
                .isNotEmpty()
                .isEqualTo(once.get(collection)));
    }

    @Test
    void givenHistoryApplied_whenResetAndReplayed_thenEveryCollectionIdentical() {
        processor.deliver(everyEvent());
        Map<String, List<Document>> applied = everyCollection();

        processor.reset();
        assertThat(everyCollection().values())
                .allSatisfy(documents -> assertThat(documents).isEmpty());
        processor.deliver(everyEvent());

        assertThat(everyCollection()).isEqualTo(applied);
        assertThat(Set.copyOf(applied.keySet())).containsExactlyInAnyOrderElementsOf(COLLECTIONS);
    }
}
