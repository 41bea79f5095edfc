package org.awardinghub.query.centre;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreDetailsAmended;
import org.awardinghub.events.centre.CentreQualificationApproved;
import org.awardinghub.events.centre.CentreQualificationRemoved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.DirectClaimStatusRemoved;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("unchecked") // ListCentres is answered by a raw Page, see CentreProjection
class CentreProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final Instant APPLIED = Instant.parse("2026-01-05T09:00:00.123Z");
    private static final Instant APPROVED = Instant.parse("2026-01-12T14:30:00Z");
    private static final Instant LATER = Instant.parse("2026-02-01T08:15:00Z");
    private static final Instant LATEST = Instant.parse("2026-02-02T08:15:00Z");

    private MongoDatabase database;
    private CentreProjection projection;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new CentreProjection(database);
    }

    private void applied(String centreId, String name) {
        projection.on(
                new CentreApplied(centreId, name, "1 High Street, Hertford", "office@" + centreId + ".example"),
                0,
                APPLIED);
    }

    private void approved(String centreId) {
        projection.on(new CentreApproved(centreId, "C1234", List.of("MV3", "HV2"), false), 1, APPROVED);
    }

    private CentreView find(String centreId) {
        return projection.handle(new FindCentre(centreId));
    }

    @Test
    void givenNoCentre_whenFound_thenNull() {
        applied("c1", "Hertford College");

        assertThat(find("unknown")).isNull();
        assertThat(find(null)).isNull();
    }

    @Test
    void givenCentreApplied_whenFound_thenAppliedWithItsDetails() {
        applied("c1", "Hertford College");

        assertThat(find("c1"))
                .isEqualTo(new CentreView(
                        "c1",
                        null,
                        "Hertford College",
                        "1 High Street, Hertford",
                        "office@c1.example",
                        CentreStatus.APPLIED,
                        false,
                        List.of(),
                        List.of(),
                        APPLIED,
                        null,
                        APPLIED,
                        0));
    }

    @Test
    void givenCentreApproved_whenFound_thenVersionIsTheLastEventsSequenceAndADeliveryAgainLeavesIt() {
        applied("c1", "Hertford College");
        approved("c1");

        assertThat(find("c1").version()).isEqualTo(1);

        applied("c1", "Hertford College");
        approved("c1");

        assertThat(find("c1").version()).isEqualTo(1);
    }

    @Test
    void givenCentreApplied_whenApproved_thenNumberQualificationsAndDirectClaimStatus() {
        applied("c1", "Hertford College");
        projection.on(new CentreApproved("c1", "C1234", List.of("MV3", "HV2"), true), 1, APPROVED);

        CentreView centre = find("c1");
        assertThat(centre.status()).isEqualTo(CentreStatus.APPROVED);
        assertThat(centre.centreNumber()).isEqualTo("C1234");
        assertThat(centre.qualificationCodes()).containsExactly("HV2", "MV3");
        assertThat(centre.directClaimStatus()).isTrue();
        assertThat(centre.appliedAt()).isEqualTo(APPLIED);
        assertThat(centre.approvedAt()).isEqualTo(APPROVED);
        assertThat(centre.updatedAt()).isEqualTo(APPROVED);
    }

    @Test
    void givenCentreApplied_whenApprovedTwice_thenDocumentUnchanged() {
        applied("c1", "Hertford College");
        approved("c1");
        List<Document> once = allDocuments(database, CentreProjection.COLLECTION);

        approved("c1");

        assertThat(allDocuments(database, CentreProjection.COLLECTION)).isEqualTo(once);
    }

    @Test
    void givenCentreApplied_whenAppliedAgain_thenFirstDocumentKeptAndNoError() {
        applied("c1", "Hertford College");
        approved("c1");
        List<Document> before = allDocuments(database, CentreProjection.COLLECTION);

        applied("c1", "Hertford College");

        assertThat(allDocuments(database, CentreProjection.COLLECTION)).isEqualTo(before);
        assertThat(find("c1").status()).isEqualTo(CentreStatus.APPROVED);
    }

    @Test
    void givenCentreSuspended_whenOlderApprovalRedelivered_thenStillSuspended() {
        applied("c1", "Hertford College");
        approved("c1");
        projection.on(new CentreSuspended("c1", "malpractice investigation"), 2, LATER);

        approved("c1");

        assertThat(find("c1").status()).isEqualTo(CentreStatus.SUSPENDED);
        assertThat(find("c1").updatedAt()).isEqualTo(LATER);
    }

    @Test
    void givenApprovedCentre_whenSuspendedReinstatedAndWithdrawn_thenStatusFollows() {
        applied("c1", "Hertford College");
        approved("c1");

        projection.on(new CentreSuspended("c1", "malpractice investigation"), 2, LATER);
        assertThat(find("c1").status()).isEqualTo(CentreStatus.SUSPENDED);
        assertThat(find("c1").updatedAt()).isEqualTo(LATER);

        projection.on(new CentreReinstated("c1", "investigation closed"), 3, LATEST);
        assertThat(find("c1").status()).isEqualTo(CentreStatus.APPROVED);
        assertThat(find("c1").updatedAt()).isEqualTo(LATEST);

        projection.on(new CentreWithdrawn("c1", "centre closed"), 4, LATEST.plusSeconds(60));
        assertThat(find("c1").status()).isEqualTo(CentreStatus.WITHDRAWN);
        assertThat(find("c1").approvedAt()).isEqualTo(APPROVED);
    }

    @Test
    void givenApprovedCentre_whenDirectClaimStatusGrantedThenRemoved_thenFollows() {
        applied("c1", "Hertford College");
        approved("c1");

        projection.on(new DirectClaimStatusGranted("c1", "good record"), 2, LATER);
        assertThat(find("c1").directClaimStatus()).isTrue();
        assertThat(find("c1").updatedAt()).isEqualTo(LATER);

        projection.on(new DirectClaimStatusRemoved("c1", "audit findings"), 3, LATEST);
        assertThat(find("c1").directClaimStatus()).isFalse();
        assertThat(find("c1").updatedAt()).isEqualTo(LATEST);
    }

    @Test
    void givenApprovedCentre_whenQualificationApprovedAndRemoved_thenCodesFollow() {
        applied("c1", "Hertford College");
        approved("c1");

        projection.on(new CentreQualificationApproved("c1", "AC4", "new workshop"), 2, LATER);
        assertThat(find("c1").qualificationCodes()).containsExactly("AC4", "HV2", "MV3");
        assertThat(find("c1").updatedAt()).isEqualTo(LATER);

        projection.on(new CentreQualificationRemoved("c1", "MV3", "no assessor"), 3, LATEST);
        assertThat(find("c1").qualificationCodes()).containsExactly("AC4", "HV2");
        assertThat(database.getCollection(CentreProjection.COLLECTION)
                        .find()
                        .first()
                        .getList("qualificationCodes", String.class))
                .containsExactlyInAnyOrder("AC4", "HV2");
    }

    @Test
    void givenApprovedCentre_whenSanctionsImposedAndLifted_thenSanctionsFollow() {
        applied("c1", "Hertford College");
        approved("c1");

        projection.on(new CentreSanctionImposed("c1", Sanction.CERTIFICATION, "claims unsupported"), 2, LATER);
        projection.on(new CentreSanctionImposed("c1", Sanction.REGISTRATIONS, "late registrations"), 3, LATER);
        assertThat(find("c1").sanctions()).containsExactly(Sanction.REGISTRATIONS, Sanction.CERTIFICATION);

        projection.on(new CentreSanctionLifted("c1", Sanction.CERTIFICATION, "evidence supplied"), 4, LATEST);
        assertThat(find("c1").sanctions()).containsExactly(Sanction.REGISTRATIONS);
        assertThat(find("c1").updatedAt()).isEqualTo(LATEST);
        assertThat(find("c1").status()).isEqualTo(CentreStatus.APPROVED);
    }

    @Test
    void givenCentre_whenDetailsAmended_thenNewDetailsShown() {
        applied("c1", "Hertford College");

        projection.on(
                new CentreDetailsAmended(
                        "c1",
                        "Hertford College",
                        "Hertford Regional College",
                        "1 High Street, Hertford",
                        "2 Mill Lane, Ware",
                        "office@c1.example",
                        "hub@c1.example",
                        "moved"),
                1,
                LATER);

        CentreView centre = find("c1");
        assertThat(centre.name()).isEqualTo("Hertford Regional College");
        assertThat(centre.address()).isEqualTo("2 Mill Lane, Ware");
        assertThat(centre.contactEmail()).isEqualTo("hub@c1.example");
        assertThat(centre.updatedAt()).isEqualTo(LATER);
        assertThat(centre.status()).isEqualTo(CentreStatus.APPLIED);
    }

    @Test
    void givenStoredDocument_thenEnumsAsNamesInstantsAsDatesListsAsArrays() {
        applied("c1", "Hertford College");
        approved("c1");

        Document stored =
                database.getCollection(CentreProjection.COLLECTION).find().first();
        assertThat(stored.get("status")).isEqualTo("APPROVED");
        assertThat(stored.get("approvedAt")).isInstanceOf(java.util.Date.class);
        assertThat(stored.get("qualificationCodes")).isInstanceOf(List.class);
        assertThat(stored.get("seq")).isEqualTo(1L);
    }

    @Test
    void givenCentres_whenListed_thenPagedByNameIgnoringCase() {
        applied("c1", "Worcester Motor Academy");
        applied("c2", "alton college");
        applied("c3", "Basingstoke Training");
        applied("c4", "Zeal Skills");
        applied("c5", "Barnet Garage School");

        Page<CentreView> first = projection.handle(new ListCentres(0, 2));
        Page<CentreView> second = projection.handle(new ListCentres(1, 2));
        Page<CentreView> last = projection.handle(new ListCentres(2, 2));
        Page<CentreView> beyond = projection.handle(new ListCentres(3, 2));

        assertThat(first.items()).extracting(CentreView::name).containsExactly("alton college", "Barnet Garage School");
        assertThat(second.items())
                .extracting(CentreView::name)
                .containsExactly("Basingstoke Training", "Worcester Motor Academy");
        assertThat(last.items()).extracting(CentreView::name).containsExactly("Zeal Skills");
        assertThat(beyond.items()).isEmpty();
        assertThat(List.of(first, second, last, beyond)).allSatisfy(page -> {
            assertThat(page.total()).isEqualTo(5);
            assertThat(page.size()).isEqualTo(2);
        });
        assertThat(second.page()).isEqualTo(1);
    }

    @Test
    void givenCentresWithEqualNames_whenPaged_thenEachListedOnce() {
        for (int i = 1; i <= 5; i++) {
            applied("c" + i, "Same Name");
        }

        List<String> ids = new java.util.ArrayList<>();
        for (int page = 0; page < 5; page++) {
            Page<CentreView> one = projection.handle(new ListCentres(page, 1));
            one.items().forEach(centre -> ids.add(centre.centreId()));
        }

        assertThat(ids).containsExactly("c1", "c2", "c3", "c4", "c5");
    }

    @Test
    void givenCentres_whenListedOutOfRange_thenPagingClamped() {
        for (int i = 0; i < 205; i++) {
            applied("c%03d".formatted(i), "Centre %03d".formatted(i));
        }

        Page<CentreView> negative = projection.handle(new ListCentres(-1, 0));
        Page<CentreView> huge = projection.handle(new ListCentres(0, 10_000));
        Page<CentreView> far = projection.handle(new ListCentres(Integer.MAX_VALUE, 200));

        assertThat(negative.page()).isZero();
        assertThat(negative.size()).isEqualTo(1);
        assertThat(negative.items()).extracting(CentreView::centreId).containsExactly("c000");
        assertThat(huge.size()).isEqualTo(200);
        assertThat(huge.items()).hasSize(200);
        assertThat(huge.total()).isEqualTo(205);
        assertThat(far.items()).isEmpty();
    }

    @Test
    void givenCentres_whenReset_thenCollectionEmpty() {
        applied("c1", "Hertford College");

        projection.reset();

        assertThat(allDocuments(database, CentreProjection.COLLECTION)).isEmpty();
        assertThat(projection.handle(new ListCentres(0, 20)).total()).isZero();
    }
}
