package org.awardinghub.query.invigilation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.awardinghub.events.invigilation.IncidentKind;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.awardinghub.query.Processor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("unchecked") // ListCentreIncidents is answered by a raw Page, see IncidentProjection
class IncidentProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    static final Instant START = Instant.parse("2026-05-04T09:00:00Z");

    private MongoDatabase database;
    private IncidentProjection projection;
    private Processor processor;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new IncidentProjection(database);
        processor = new Processor(projection);
    }

    static IncidentRecorded recorded(
            String incidentId, String centreId, List<String> attempts, IncidentKind kind, int minute) {
        return new IncidentRecorded(
                incidentId,
                centreId,
                attempts,
                attempts.stream().map(attempt -> "k-" + attempt).toList(),
                kind,
                "What happened in " + incidentId,
                START.plusSeconds(60L * minute),
                "u-" + centreId,
                "2000000" + centreId.charAt(1),
                START.plusSeconds(60L * minute + 30));
    }

    /** i1 against the sitting a1 and a2, i2 against a2 alone, i3 at another centre. */
    static List<Recorded> incidents() {
        return new History(START)
                .then("i1", recorded("i1", "c1", List.of("a1", "a2"), IncidentKind.DISRUPTION, 10))
                .then("i2", recorded("i2", "c1", List.of("a2"), IncidentKind.ILLNESS, 20))
                .then("i3", recorded("i3", "c2", List.of("a9"), IncidentKind.LATE_START, 5))
                .events();
    }

    @Test
    void givenAnIncidentRecorded_whenItsAttemptIsAsked_thenTheWholeIncident() {
        processor.deliver(incidents());

        assertThat(projection.handle(new ListAttemptIncidents("a1")))
                .containsExactly(new IncidentView(
                        "i1",
                        "c1",
                        List.of("a1", "a2"),
                        List.of("k-a1", "k-a2"),
                        IncidentKind.DISRUPTION,
                        "What happened in i1",
                        START.plusSeconds(600),
                        "20000001",
                        START.plusSeconds(630)));
    }

    @Test
    void givenIncidentsAgainstASittingAndOneAttempt_whenTheAttemptIsAsked_thenBothLatestFirst() {
        processor.deliver(incidents());

        assertThat(projection.handle(new ListAttemptIncidents("a2")))
                .extracting(IncidentView::incidentId)
                .containsExactly("i2", "i1");
        assertThat(projection.handle(new ListAttemptIncidents("a-none"))).isEmpty();
        assertThat(projection.handle(new FindIncident("i2")).kind()).isEqualTo(IncidentKind.ILLNESS);
        assertThat(projection.handle(new FindIncident("i-none"))).isNull();
        assertThat(projection.handle(new ListAttemptIncidents(null))).isEmpty();
    }

    @Test
    void givenTwoCentres_whenACentresIncidentsAreListed_thenOnlyItsOwnLatestFirstPaged() {
        processor.deliver(incidents());

        Page<IncidentView> first = projection.handle(new ListCentreIncidents("c1", 0, 1));
        Page<IncidentView> second = projection.handle(new ListCentreIncidents("c1", 1, 1));

        assertThat(first.items()).extracting(IncidentView::incidentId).containsExactly("i2");
        assertThat(second.items()).extracting(IncidentView::incidentId).containsExactly("i1");
        assertThat(first.total()).isEqualTo(2);
        Page<IncidentView> other = projection.handle(new ListCentreIncidents("c2", 0, 10));
        assertThat(other.items()).extracting(IncidentView::incidentId).containsExactly("i3");
        assertThat(projection.handle(new ListCentreIncidents(null, 0, 10)).items())
                .isEmpty();
    }

    @Test
    void givenEveryEventDeliveredTwice_whenRead_thenAsIfDeliveredOnce() {
        processor.deliver(incidents());
        List<Document> once = allDocuments(database, IncidentProjection.INCIDENTS);

        processor.deliver(incidents());

        assertThat(allDocuments(database, IncidentProjection.INCIDENTS)).isEqualTo(once);
    }

    @Test
    void givenAReset_whenReplayed_thenTheSameDocuments() {
        processor.deliver(incidents());
        List<Document> built = allDocuments(database, IncidentProjection.INCIDENTS);

        processor.reset();
        assertThat(allDocuments(database, IncidentProjection.INCIDENTS)).isEmpty();
        processor.deliverInBatches(incidents(), 2);

        assertThat(allDocuments(database, IncidentProjection.INCIDENTS)).isEqualTo(built);
    }
}
