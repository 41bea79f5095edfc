package org.awardinghub.query.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.appeal.AppealDecided;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ClericalReCheckCompleted;
import org.awardinghub.events.appeal.ReCheckOutcome;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.query.ErasureCheck;
import org.awardinghub.query.ErasureStory;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.awardinghub.query.Processor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("unchecked") // ListEnquiries is answered by a raw Page
public class EnquiryProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    static final Instant T1 = Instant.parse("2026-11-27T09:00:00Z");
    static final Instant T2 = Instant.parse("2026-11-28T09:00:00Z");

    private MongoDatabase database;
    private EnquiryProjection projection;
    private Processor processor;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new EnquiryProjection(database);
        processor = new Processor(projection);
    }

    /** Every event the projection handles. */
    public static List<Recorded> history() {
        return new History(T1)
                .then(
                        "e1",
                        new ResultEnquiryRaised(
                                "e1",
                                "a1",
                                "k1",
                                "c1",
                                "MVR-L2",
                                "MVR-L2-A1",
                                Outcome.FAIL,
                                1,
                                3,
                                "Please check",
                                "u1",
                                "34567890",
                                T1))
                .then(
                        "e1",
                        new ClericalReCheckCompleted(
                                "e1",
                                "a1",
                                "k1",
                                "c1",
                                ReCheckOutcome.CONFIRMED,
                                Outcome.FAIL,
                                Outcome.FAIL,
                                1,
                                1,
                                3,
                                33.3,
                                T1))
                .then(
                        "e2",
                        new ResultEnquiryRaised(
                                "e2",
                                "a2",
                                "k2",
                                "c2",
                                "MVR-L2",
                                "MVR-L2-A1",
                                Outcome.FAIL,
                                0,
                                3,
                                "Please check",
                                "u2",
                                "45678901",
                                T2))
                .then(
                        "e2",
                        new ClericalReCheckCompleted(
                                "e2",
                                "a2",
                                "k2",
                                "c2",
                                ReCheckOutcome.CONFIRMED,
                                Outcome.FAIL,
                                Outcome.FAIL,
                                0,
                                0,
                                3,
                                0.0,
                                T2))
                .then("e1", new AppealLodged("e1", "a1", "k1", "c1", "Item 3 ambiguous", "u1", "34567890", T2))
                .then(
                        "e1",
                        new AppealDecided(
                                "e1",
                                "a1",
                                "k1",
                                "c1",
                                AppealDecision.UPHELD,
                                Outcome.FAIL,
                                Outcome.PASS,
                                1,
                                2,
                                "Item 3 defective: credited",
                                "imi1",
                                "67890123",
                                T2))
                .events();
    }

    @Test
    void givenAnEnquiryReCheckedAppealedAndUpheld_whenFound_thenEachStageShows() {
        processor.deliver(history());

        EnquiryView e1 = projection.handle(new FindEnquiry("e1"));
        assertThat(e1.stage()).isEqualTo(EnquiryView.APPEAL_DECIDED);
        assertThat(e1.originalOutcome()).isEqualTo(Outcome.FAIL);
        assertThat(e1.reCheck().result()).isEqualTo(ReCheckOutcome.CONFIRMED);
        assertThat(e1.appeal().reasons()).isEqualTo("Item 3 ambiguous");
        assertThat(e1.appeal().decision()).isEqualTo(AppealDecision.UPHELD);
        assertThat(e1.appeal().outcome()).isEqualTo(Outcome.PASS);
        assertThat(e1.appeal().score()).isEqualTo(2);
        assertThat(e1.appeal().decidedByPin()).isEqualTo("67890123");
        assertThat(projection.handle(new FindEnquiry("e2")).stage()).isEqualTo(EnquiryView.RE_CHECKED);
    }

    @Test
    void givenEnquiries_whenListed_thenByCentreCandidateAndStage() {
        processor.deliver(history().subList(0, 5)); // e1 appealed, not yet decided

        Page<EnquiryView> queue = projection.handle(new ListEnquiries(null, null, EnquiryView.APPEALED, 0, 20));
        assertThat(queue.items()).extracting(EnquiryView::enquiryId).containsExactly("e1");
        Page<EnquiryView> centre = projection.handle(new ListEnquiries("c2", null, null, 0, 20));
        assertThat(centre.items()).extracting(EnquiryView::enquiryId).containsExactly("e2");
        Page<EnquiryView> candidate = projection.handle(new ListEnquiries(null, "k1", null, 0, 20));
        assertThat(candidate.items()).extracting(EnquiryView::enquiryId).containsExactly("e1");
    }

    @Test
    void givenEveryEventDeliveredTwice_thenTheSameAsOnce_andAReplayBuildsTheSame() {
        processor.deliver(history());
        var once = allDocuments(database, EnquiryProjection.COLLECTION);

        processor.deliver(history());
        assertThat(allDocuments(database, EnquiryProjection.COLLECTION)).isEqualTo(once);

        processor.reset();
        assertThat(allDocuments(database, EnquiryProjection.COLLECTION)).isEmpty();
        processor.deliver(history());
        assertThat(allDocuments(database, EnquiryProjection.COLLECTION)).isEqualTo(once);
    }

    /** ADR 0165: the results and stages stay; the centre's, the appeal's and IMI's reasons read "(erased)". */
    @Test
    void givenEnquiryAppealedAndDecided_whenCandidateErased_thenResultsStayAndEveryReasonReadsErased() {
        MongoDatabase erased = ErasureCheck.erasesAndReplaysAlike(
                mongo, database -> new Object[] {new EnquiryProjection(database)}, EnquiryProjection.COLLECTION);

        EnquiryView enquiry = new EnquiryProjection(erased).handle(new FindEnquiry("e1"));
        assertThat(enquiry.stage()).isEqualTo(EnquiryView.APPEAL_DECIDED);
        assertThat(enquiry.reasons()).isEqualTo(PersonalData.ERASED);
        assertThat(enquiry.originalScore()).isEqualTo(12);
        assertThat(enquiry.reCheck().score()).isEqualTo(12);
        assertThat(enquiry.appeal().reasons()).isEqualTo(PersonalData.ERASED);
        assertThat(enquiry.appeal().reason()).isEqualTo(PersonalData.ERASED);
        assertThat(enquiry.appeal().score()).isEqualTo(20);
        assertThat(enquiry.candidateId()).isEqualTo(ErasureStory.ERASED);
    }
}
