package org.awardinghub.query.arrangement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.AccessArrangementWithdrawn;
import org.awardinghub.events.arrangement.ArrangementEvidence;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ArrangementStatus;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.query.ErasureCheck;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("unchecked") // the list queries are answered by a raw Page, see ArrangementProjection
class ArrangementProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    static final ArrangementEvidence EVIDENCE =
            new ArrangementEvidence("form8.pdf", "application/pdf", 1234, "b".repeat(64));

    MongoDatabase database;
    ArrangementProjection projection;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new ArrangementProjection(database);
    }

    static AccessArrangementRequested requested(String id, String candidate, ArrangementKind kind, int minutes) {
        return new AccessArrangementRequested(
                id,
                candidate,
                "centre-1",
                kind,
                kind == ArrangementKind.EXTRA_TIME ? 25 : null,
                null,
                kind == ArrangementKind.COLOUR_SCHEME ? ColourScheme.CREAM : null,
                "Assessed need",
                kind == ArrangementKind.READER ? EVIDENCE : null,
                "u-admin",
                "34567890",
                T0.plusSeconds(60L * minutes));
    }

    static AccessArrangementApproved automatically(String id, String candidate, ArrangementKind kind, int minutes) {
        return new AccessArrangementApproved(
                id,
                candidate,
                "centre-1",
                kind,
                kind == ArrangementKind.EXTRA_TIME ? 25 : null,
                null,
                null,
                true,
                "Approved by policy",
                "system",
                null,
                T0.plusSeconds(60L * minutes));
    }

    /**
     * Extra time (approved at once, later withdrawn by the centre), a reader (approved by IMI), a separate room
     * (rejected), one still pending; another candidate's reader pending and another withdrawn while pending.
     */
    void history() {
        projection.on(requested("r1", "c1", ArrangementKind.EXTRA_TIME, 1), 0);
        projection.on(automatically("r1", "c1", ArrangementKind.EXTRA_TIME, 1), 1);
        projection.on(requested("r2", "c1", ArrangementKind.READER, 2), 0);
        projection.on(
                new AccessArrangementApproved(
                        "r2",
                        "c1",
                        "centre-1",
                        ArrangementKind.READER,
                        null,
                        null,
                        null,
                        false,
                        "Form 8 seen",
                        "u-imi",
                        "67890123",
                        T0.plusSeconds(3600)),
                1);
        projection.on(requested("r3", "c1", ArrangementKind.SEPARATE_ROOM, 3), 0);
        projection.on(
                new AccessArrangementRejected(
                        "r3",
                        "c1",
                        "centre-1",
                        ArrangementKind.SEPARATE_ROOM,
                        "No need shown",
                        "u-imi",
                        "67890123",
                        T0.plusSeconds(7200)),
                1);
        projection.on(requested("r4", "c2", ArrangementKind.READER, 4), 0);
        projection.on(requested("r5", "c1", ArrangementKind.READER, 5), 0);
        projection.on(withdrawn("r1", "c1", ArrangementKind.EXTRA_TIME, ArrangementStatus.APPROVED, false, 6), 2);
        projection.on(requested("r6", "c2", ArrangementKind.SEPARATE_ROOM, 7), 0);
        projection.on(withdrawn("r6", "c2", ArrangementKind.SEPARATE_ROOM, ArrangementStatus.PENDING, true, 8), 1);
    }

    static AccessArrangementWithdrawn withdrawn(
            String id, String candidate, ArrangementKind kind, ArrangementStatus was, boolean byImi, int minutes) {
        return new AccessArrangementWithdrawn(
                id,
                candidate,
                "centre-1",
                kind,
                was,
                "No longer needed",
                byImi,
                byImi ? "u-imi" : "u-admin",
                byImi ? "67890123" : "34567890",
                T0.plusSeconds(60L * minutes));
    }

    @Test
    void givenHistory_whenACandidatesAreListed_thenNewestFirstEachWithItsDecision() {
        history();

        Page<ArrangementView> listed = projection.handle(ListCandidateArrangements.all("c1"));

        assertThat(listed.items())
                .extracting(ArrangementView::arrangementId, ArrangementView::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("r5", ArrangementStatus.PENDING),
                        org.assertj.core.groups.Tuple.tuple("r3", ArrangementStatus.REJECTED),
                        org.assertj.core.groups.Tuple.tuple("r2", ArrangementStatus.APPROVED),
                        org.assertj.core.groups.Tuple.tuple("r1", ArrangementStatus.WITHDRAWN));
        ArrangementView automatic = projection.handle(new FindArrangement("r1"));
        assertThat(automatic.automatically())
                .as("the decision stays beside the withdrawal")
                .isTrue();
        assertThat(automatic.decidedByUserId()).isEqualTo("system");
        assertThat(automatic.extraTimePercent()).isEqualTo(25);
        assertThat(automatic.withdrawal())
                .isEqualTo(
                        new ArrangementView.Withdrawal("No longer needed", "u-admin", "34567890", T0.plusSeconds(360)));
        assertThat(reader().withdrawal()).isNull();
        ArrangementView reader = reader();
        assertThat(reader.evidence())
                .isEqualTo(new ArrangementView.Evidence("form8.pdf", "application/pdf", 1234, "b".repeat(64)));
        assertThat(reader.decidedByPin()).isEqualTo("67890123");
        assertThat(reader.decisionReason()).isEqualTo("Form 8 seen");
        assertThat(reader.reason()).isEqualTo("Assessed need");
        assertThat(projection.handle(new FindArrangement("r3")).decisionReason())
                .isEqualTo("No need shown");
        Page<ArrangementView> second = projection.handle(new ListCandidateArrangements("c1", 1, 3, false));
        assertThat(second.items()).extracting(ArrangementView::arrangementId).containsExactly("r1");
    }

    private ArrangementView reader() {
        return projection.handle(new FindArrangement("r2"));
    }

    @Test
    void givenHistory_whenTheQueueIsRead_thenEveryCentresPendingOldestFirstPaged() {
        history();

        Page<ArrangementView> first = projection.handle(new ListArrangementQueue(0, 1, false));
        Page<ArrangementView> all = projection.handle(new ListArrangementQueue(0, 0, true));

        assertThat(first.items()).extracting(ArrangementView::arrangementId).containsExactly("r4");
        assertThat(first.total()).isEqualTo(2);
        assertThat(all.items())
                .as("a request withdrawn while pending leaves the queue")
                .extracting(ArrangementView::arrangementId)
                .containsExactly("r4", "r5");
    }

    @Test
    void givenNoCandidate_whenListed_thenNothing() {
        history();

        assertThat(projection.handle(ListCandidateArrangements.all(null)).items())
                .isEmpty();
        assertThat(projection.handle(new FindArrangement("unknown"))).isNull();
        assertThat(projection.handle(new FindArrangement(null))).isNull();
    }

    @Test
    void givenEveryEventDeliveredTwice_whenStored_thenAsIfDeliveredOnce() {
        history();
        List<Document> once = allDocuments(database, ArrangementProjection.COLLECTION);

        history();

        assertThat(allDocuments(database, ArrangementProjection.COLLECTION)).isEqualTo(once);
    }

    @Test
    void givenHistory_whenResetAndReplayed_thenIdentical() {
        history();
        List<Document> before = allDocuments(database, ArrangementProjection.COLLECTION);

        projection.reset();
        assertThat(allDocuments(database, ArrangementProjection.COLLECTION)).isEmpty();
        history();

        assertThat(allDocuments(database, ArrangementProjection.COLLECTION)).isEqualTo(before);
    }

    /** ADR 0165: what was asked for and its status stay; every reason reads "(erased)" and the report is gone. */
    @Test
    void givenArrangementsDecidedAndWithdrawn_whenCandidateErased_thenStatusesStayAndReasonsAndEvidenceAreGone() {
        MongoDatabase erased = ErasureCheck.erasesAndReplaysAlike(
                mongo,
                database -> new Object[] {new ArrangementProjection(database)},
                ArrangementProjection.COLLECTION);
        ArrangementProjection arrangements = new ArrangementProjection(erased);

        ArrangementView withdrawn = arrangements.handle(new FindArrangement("r1"));
        assertThat(withdrawn.status()).isEqualTo(ArrangementStatus.WITHDRAWN);
        assertThat(withdrawn.extraTimePercent()).isEqualTo(25);
        assertThat(withdrawn.reason()).isEqualTo(PersonalData.ERASED);
        assertThat(withdrawn.evidence()).isNull();
        assertThat(withdrawn.decisionReason()).isEqualTo(PersonalData.ERASED);
        assertThat(withdrawn.withdrawal().reason()).isEqualTo(PersonalData.ERASED);
        assertThat(withdrawn.withdrawal().byPin()).isEqualTo("10000001");
        ArrangementView rejected = arrangements.handle(new FindArrangement("r2"));
        assertThat(rejected.status()).isEqualTo(ArrangementStatus.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo(PersonalData.ERASED);
        assertThat(arrangements.handle(new FindArrangement("r3")).reason()).isEqualTo("reads slowly");
    }
}
