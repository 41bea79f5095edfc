package org.awardinghub.query.hubrequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.awardinghub.events.hubrequest.HubRequestClosed;
import org.awardinghub.events.hubrequest.HubRequestKind;
import org.awardinghub.events.hubrequest.HubRequestRaised;
import org.awardinghub.events.hubrequest.HubRequestReplied;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("unchecked") // ListHubRequests is answered by a raw Page, see HubRequestProjection
class HubRequestProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final Instant RAISED = Instant.parse("2026-03-02T09:00:00.500Z");
    private static final Instant FIRST_REPLY = Instant.parse("2026-03-02T11:00:00Z");
    private static final Instant SECOND_REPLY = Instant.parse("2026-03-03T08:45:00Z");
    private static final Instant CLOSED = Instant.parse("2026-03-04T16:00:00Z");

    private MongoDatabase database;
    private HubRequestProjection projection;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new HubRequestProjection(database);
    }

    private void raised(String requestId, String centreId, Instant at) {
        projection.on(
                new HubRequestRaised(
                        requestId,
                        centreId,
                        HubRequestKind.REQUEST,
                        "Subject " + requestId,
                        "Please send the EV2 claim form",
                        "u1"),
                0,
                at);
    }

    private HubRequestView find(String requestId) {
        return projection.handle(new FindHubRequest(requestId));
    }

    @Test
    void givenNoRequest_whenFound_thenNull() {
        raised("r1", "c1", RAISED);

        assertThat(find("unknown")).isNull();
        assertThat(find(null)).isNull();
    }

    @Test
    void givenRequestRaised_whenFound_thenOpenWithoutReplies() {
        raised("r1", "c1", RAISED);

        assertThat(find("r1"))
                .isEqualTo(new HubRequestView(
                        "r1",
                        "c1",
                        HubRequestKind.REQUEST,
                        "Subject r1",
                        "Please send the EV2 claim form",
                        HubRequestView.OPEN,
                        "u1",
                        RAISED,
                        List.of(),
                        null,
                        null));
    }

    @Test
    void givenRequest_whenRepliedByImiThenCentre_thenRepliesInOrderWithTheirTimes() {
        raised("r1", "c1", RAISED);

        projection.on(new HubRequestReplied("r1", "c1", 1, "Attached.", true, "imi1"), 1, FIRST_REPLY);
        projection.on(new HubRequestReplied("r1", "c1", 2, "Thank you.", false, "u1"), 2, SECOND_REPLY);

        assertThat(find("r1").replies())
                .containsExactly(
                        new HubRequestView.Reply(1, "Attached.", true, "imi1", FIRST_REPLY),
                        new HubRequestView.Reply(2, "Thank you.", false, "u1", SECOND_REPLY));
        assertThat(find("r1").status()).isEqualTo(HubRequestView.OPEN);
    }

    @Test
    void givenReply_whenRedelivered_thenAppendedOnce() {
        raised("r1", "c1", RAISED);
        projection.on(new HubRequestReplied("r1", "c1", 1, "Attached.", true, "imi1"), 1, FIRST_REPLY);
        List<Document> once = allDocuments(database, HubRequestProjection.COLLECTION);

        projection.on(new HubRequestReplied("r1", "c1", 1, "Attached.", true, "imi1"), 1, FIRST_REPLY);

        assertThat(find("r1").replies()).hasSize(1);
        assertThat(allDocuments(database, HubRequestProjection.COLLECTION)).isEqualTo(once);
    }

    @Test
    void givenRequest_whenClosed_thenClosedWithTimeAndReason() {
        raised("r1", "c1", RAISED);
        projection.on(new HubRequestReplied("r1", "c1", 1, "Attached.", true, "imi1"), 1, FIRST_REPLY);

        projection.on(new HubRequestClosed("r1", "c1", "form sent"), 2, CLOSED);

        HubRequestView request = find("r1");
        assertThat(request.status()).isEqualTo(HubRequestView.CLOSED);
        assertThat(request.closedAt()).isEqualTo(CLOSED);
        assertThat(request.closeReason()).isEqualTo("form sent");
        assertThat(request.replies()).hasSize(1);
        assertThat(request.raisedAt()).isEqualTo(RAISED);
    }

    @Test
    void givenRequestsOfTwoCentres_whenListed_thenOneCentresNewestFirstPaged() {
        for (int i = 1; i <= 5; i++) {
            raised("r" + i, "c1", RAISED.plusSeconds(3600L * i));
        }
        raised("other", "c2", RAISED.plusSeconds(36_000));

        Page<HubRequestView> first = projection.handle(new ListHubRequests("c1", 0, 2));
        Page<HubRequestView> last = projection.handle(new ListHubRequests("c1", 2, 2));

        assertThat(first.items()).extracting(HubRequestView::requestId).containsExactly("r5", "r4");
        assertThat(last.items()).extracting(HubRequestView::requestId).containsExactly("r1");
        assertThat(first.total()).isEqualTo(5);
        assertThat(last.page()).isEqualTo(2);
        Page<HubRequestView> otherCentre = projection.handle(new ListHubRequests("c2", 0, 10));
        assertThat(otherCentre.items()).extracting(HubRequestView::requestId).containsExactly("other");
    }

    @Test
    void givenRequests_whenListedWithoutCentre_thenNothing() {
        raised("r1", "c1", RAISED);

        Page<HubRequestView> page = projection.handle(new ListHubRequests(null, -3, 999));

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
        assertThat(page.page()).isZero();
        assertThat(page.size()).isEqualTo(200);
    }

    @Test
    void givenRequestsOfTwoCentres_whenImiListsOpenOnes_thenEveryCentresOpenRequestsNewestFirst() {
        raised("r1", "c1", RAISED);
        raised("r2", "c2", RAISED.plusSeconds(60));
        raised("r3", "c1", RAISED.plusSeconds(120));
        projection.on(new HubRequestClosed("r3", "c1", "Done"), 1, CLOSED);

        Page<HubRequestView> open = projection.handle(new ListAllHubRequests(HubRequestView.OPEN, 0, 10));
        Page<HubRequestView> all = projection.handle(new ListAllHubRequests(null, 0, 10));

        assertThat(open.items()).extracting(HubRequestView::requestId).containsExactly("r2", "r1");
        assertThat(all.items()).extracting(HubRequestView::requestId).containsExactly("r3", "r2", "r1");
        assertThat(all.total()).isEqualTo(3);
    }
}
