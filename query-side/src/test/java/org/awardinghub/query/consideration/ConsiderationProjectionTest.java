package org.awardinghub.query.consideration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.consideration.Circumstance;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
import org.awardinghub.query.ErasureCheck;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.awardinghub.query.Processor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("unchecked") // ListConsiderations is answered by a raw Page
public class ConsiderationProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    static final Instant T1 = Instant.parse("2026-11-27T09:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-28T09:00:00Z");
    static final Instant T3 = Instant.parse("2026-11-29T09:00:00Z");

    private MongoDatabase database;
    private ConsiderationProjection projection;
    private Processor processor;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new ConsiderationProjection(database);
        processor = new Processor(projection);
    }

    static SpecialConsiderationApplied applied(String id, String attempt, String candidate, String centre, Instant at) {
        return new SpecialConsiderationApplied(
                id,
                attempt,
                candidate,
                centre,
                "MVR-L2",
                "MVR-L2-A1",
                Circumstance.ILLNESS,
                null,
                "Candidate was taken ill",
                new SpecialConsiderationApplied.Evidence("note.pdf", "application/pdf", 1234, "ab".repeat(32)),
                "user-admin",
                "34567890",
                at);
    }

    /** Every event the projection handles. */
    public static List<Recorded> history() {
        return new History(T1)
                .then("s1", applied("s1", "a1", "k1", "c1", T1))
                .then("s2", applied("s2", "a2", "k2", "c2", T2))
                .then(
                        "s1",
                        new SpecialConsiderationDecided(
                                "s1",
                                "a1",
                                "k1",
                                "c1",
                                "MVR-L2-A1",
                                ConsiderationDecision.VOID_AND_RESIT,
                                "Medical evidence seen",
                                "user-imi",
                                "67890123",
                                T3))
                .events();
    }

    @Test
    void givenAnApplicationDecided_whenFound_thenItShowsTheDecisionWithWhoAndWhy() {
        processor.deliver(history());

        ConsiderationView s1 = projection.handle(new FindConsideration("s1"));
        assertThat(s1.status()).isEqualTo(ConsiderationView.DECIDED);
        assertThat(s1.decision()).isEqualTo(ConsiderationDecision.VOID_AND_RESIT);
        assertThat(s1.reason()).isEqualTo("Medical evidence seen");
        assertThat(s1.decidedByPin()).isEqualTo("67890123");
        assertThat(s1.decidedAt()).isEqualTo(T3);
        assertThat(s1.evidence().fileName()).isEqualTo("note.pdf");
        assertThat(projection.handle(new FindConsideration("s2")).status()).isEqualTo(ConsiderationView.PENDING);
        assertThat(projection.handle(new FindConsideration("unknown"))).isNull();
    }

    @Test
    void givenApplications_whenListed_thenEachListHoldsItsOwn() {
        processor.deliver(history());

        Page<ConsiderationView> queue =
                projection.handle(new ListConsiderations(null, null, ConsiderationView.PENDING, 0, 20));
        assertThat(queue.items()).extracting(ConsiderationView::considerationId).containsExactly("s2");
        Page<ConsiderationView> centre = projection.handle(new ListConsiderations("c1", null, null, 0, 20));
        assertThat(centre.items())
                .extracting(ConsiderationView::considerationId)
                .containsExactly("s1");
        Page<ConsiderationView> candidate = projection.handle(new ListConsiderations(null, "k2", null, 0, 20));
        assertThat(candidate.items())
                .extracting(ConsiderationView::considerationId)
                .containsExactly("s2");
        Page<ConsiderationView> all = projection.handle(new ListConsiderations(null, null, null, 0, 20));
        assertThat(all.items()).extracting(ConsiderationView::considerationId).containsExactly("s2", "s1");
    }

    @Test
    void givenEveryEventDeliveredTwice_thenTheSameAsOnce_andAReplayBuildsTheSame() {
        processor.deliver(history());
        var once = allDocuments(database, ConsiderationProjection.COLLECTION);

        processor.deliver(history());
        assertThat(allDocuments(database, ConsiderationProjection.COLLECTION)).isEqualTo(once);

        processor.reset();
        assertThat(allDocuments(database, ConsiderationProjection.COLLECTION)).isEmpty();
        processor.deliver(history());
        assertThat(allDocuments(database, ConsiderationProjection.COLLECTION)).isEqualTo(once);
    }

    /** ADR 0165: the circumstance and decision stay; the description and reason read "(erased)", the file is gone. */
    @Test
    void givenApplicationWithEvidenceDecided_whenCandidateErased_thenDecisionStaysAndDescriptionReasonAndFileAreGone() {
        MongoDatabase erased = ErasureCheck.erasesAndReplaysAlike(
                mongo,
                database -> new Object[] {new ConsiderationProjection(database)},
                ConsiderationProjection.COLLECTION);
        ConsiderationProjection considerations = new ConsiderationProjection(erased);

        ConsiderationView decided = considerations.handle(new FindConsideration("s1"));
        assertThat(decided.status()).isEqualTo(ConsiderationView.DECIDED);
        assertThat(decided.decision()).isEqualTo(ConsiderationDecision.NOTE_ON_RECORD);
        assertThat(decided.description()).isEqualTo(PersonalData.ERASED);
        assertThat(decided.reason()).isEqualTo(PersonalData.ERASED);
        assertThat(decided.evidence()).isNull();
        assertThat(considerations.handle(new FindConsideration("s2")).description())
                .isEqualTo("flu on the day");
    }
}
