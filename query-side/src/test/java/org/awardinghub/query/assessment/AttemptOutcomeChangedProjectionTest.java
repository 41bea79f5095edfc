package org.awardinghub.query.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;
import static org.awardinghub.query.assessment.AttemptHistories.ASSESSMENT;
import static org.awardinghub.query.assessment.AttemptHistories.QUALIFICATION;
import static org.awardinghub.query.assessment.AttemptHistories.everyEvent;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Processor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A result corrected after a review (issue 18) reaches the attempt, the candidate's results and the candidate's own
 * sitting, once.
 */
class AttemptOutcomeChangedProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private MongoDatabase database;
    private AttemptProjection attempts;
    private CandidateAttemptsProjection candidates;
    private SittingProjection sittings;
    private Processor processor;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        attempts = new AttemptProjection(database);
        candidates = new CandidateAttemptsProjection(database);
        sittings = new SittingProjection(database);
        processor = new Processor(attempts, candidates, sittings);
    }

    /** Every attempt history, then a1's result turned round: its outcome the other way, one more right answer. */
    private List<Recorded> withA1Corrected() {
        List<Recorded> events = new ArrayList<>(everyEvent());
        processor.deliver(events);
        AttemptView.Result before = attempts.handle(new FindAttempt("a1")).result();
        Outcome other = before.outcome() == Outcome.PASS ? Outcome.FAIL : Outcome.PASS;
        long sequence =
                events.stream().filter(e -> e.aggregateId().equals("a1")).count();
        Recorded last = events.get(events.size() - 1);
        events.add(new Recorded(
                "a1",
                sequence,
                last.at().plusSeconds(60),
                new AttemptOutcomeChanged(
                        "a1",
                        "k1",
                        "c1",
                        QUALIFICATION,
                        ASSESSMENT,
                        before.outcome(),
                        other,
                        before.score(),
                        before.score() + 1,
                        77.7,
                        "Appeal upheld: item 2 defective",
                        "enquiry-1"),
                Map.of(),
                events.size() + 1L));
        return events;
    }

    @Test
    void givenASubmittedAttempt_whenItsOutcomeChanges_thenTheAttemptTheCandidatesResultsAndSittingShowTheNewResult() {
        List<Recorded> events = withA1Corrected();
        AttemptOutcomeChanged change =
                (AttemptOutcomeChanged) events.get(events.size() - 1).payload();

        processor.deliver(events.get(events.size() - 1));

        AttemptView a1 = attempts.handle(new FindAttempt("a1"));
        assertThat(a1.status()).isEqualTo(AttemptStatus.SUBMITTED);
        assertThat(a1.result().outcome()).isEqualTo(change.outcome());
        assertThat(a1.result().score()).isEqualTo(change.score());
        assertThat(a1.result().percent()).isEqualTo(77.7);
        assertThat(candidates.handle(new ListCandidateAttempts("k1")))
                .filteredOn(summary -> summary.attemptId().equals("a1"))
                .singleElement()
                .satisfies(summary -> {
                    assertThat(summary.outcome()).isEqualTo(change.outcome());
                    assertThat(summary.score()).isEqualTo(change.score());
                });
        SittingView.Result shown = sittings.handle(new FindSitting("a1")).result();
        assertThat(shown.outcome()).as("the candidate's page").isEqualTo(change.outcome());
        assertThat(shown.score()).isEqualTo(change.score());
        assertThat(shown.maxScore()).isEqualTo(a1.result().maxScore());
        assertThat(shown.percent()).isEqualTo(77.7);
    }

    @Test
    void givenTheChangeDeliveredTwice_thenNothingMoreChanges_andAReplayBuildsTheSame() {
        List<Recorded> events = withA1Corrected();
        processor.deliver(events.get(events.size() - 1));
        var once = allDocuments(database, AttemptProjection.ATTEMPTS);
        var candidateOnce = allDocuments(database, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS);
        var sittingsOnce = allDocuments(database, SittingProjection.SITTINGS);

        processor.deliver(events.get(events.size() - 1));
        assertThat(allDocuments(database, AttemptProjection.ATTEMPTS)).isEqualTo(once);
        assertThat(allDocuments(database, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS))
                .isEqualTo(candidateOnce);
        assertThat(allDocuments(database, SittingProjection.SITTINGS)).isEqualTo(sittingsOnce);

        processor.reset();
        processor.deliver(events);
        assertThat(allDocuments(database, AttemptProjection.ATTEMPTS)).isEqualTo(once);
        assertThat(allDocuments(database, CandidateAttemptsProjection.CANDIDATE_ATTEMPTS))
                .isEqualTo(candidateOnce);
        assertThat(allDocuments(database, SittingProjection.SITTINGS)).isEqualTo(sittingsOnce);
    }
}
