package org.awardinghub.query.candidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;
import static org.awardinghub.query.candidate.CandidateHistories.registered;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.awardinghub.events.candidate.CandidateCertificateRevoked;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.awardinghub.query.Processor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@SuppressWarnings("unchecked") // SearchCandidates is answered by a raw Page, see CandidateProjection
class CandidateProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final Instant REGISTERED = Instant.parse("2026-03-02T09:00:00.250Z");
    private static final Instant LATER = Instant.parse("2026-03-09T14:30:00Z");
    private static final Instant LATEST = Instant.parse("2026-03-10T08:15:00Z");

    private MongoDatabase database;
    private CandidateProjection projection;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new CandidateProjection(database, new MemoryCandidateSearchIndex());
    }

    private void register(String candidateId, String centreId, String firstName, String lastName) {
        projection.on(
                registered(
                        candidateId,
                        centreId,
                        "Q7M2K9X" + candidateId.charAt(1),
                        firstName,
                        lastName,
                        "1000000001",
                        "MV3"),
                0,
                REGISTERED);
    }

    private CandidateView find(String candidateId) {
        return projection.handle(new FindCandidate(candidateId));
    }

    private List<String> search(String centreId, String text) {
        Page<CandidateSummary> page = projection.handle(new SearchCandidates(centreId, text, null, null, 0, 50));
        return page.items().stream().map(CandidateSummary::candidateId).toList();
    }

    @Test
    void givenNoCandidate_whenFound_thenNull() {
        register("k1", "c1", "Zoë", "Adams");

        assertThat(find("unknown")).isNull();
        assertThat(find(null)).isNull();
    }

    @Test
    void givenCandidateRegistered_whenFound_thenEveryRegisteredFieldNoResultsAndNoCertificate() {
        projection.on(
                new CandidateRegistered(
                        "k1",
                        "c1",
                        "Q7M2K9XA",
                        "Zoë",
                        "O'Brien",
                        LocalDate.of(2001, 2, 3),
                        "1000000001",
                        "MV3",
                        LocalDate.of(2025, 9, 1),
                        LocalDate.of(2026, 3, 2),
                        true,
                        false),
                0,
                REGISTERED);

        assertThat(find("k1"))
                .isEqualTo(new CandidateView(
                        "k1",
                        "Q7M2K9XA",
                        "c1",
                        "Zoë",
                        "O'Brien",
                        LocalDate.of(2001, 2, 3),
                        "1000000001",
                        "MV3",
                        LocalDate.of(2025, 9, 1),
                        LocalDate.of(2026, 3, 2),
                        true,
                        CandidateStatus.REGISTERED,
                        false,
                        List.of(),
                        null,
                        REGISTERED,
                        0));
    }

    @Test
    void givenCandidateChanged_whenFound_thenVersionIsTheLastEventsSequenceAndADeliveryAgainLeavesIt() {
        register("k1", "c1", "Zoë", "Adams");
        CandidateNameAmended renamed = new CandidateNameAmended("k1", "c1", "Zoë", "Adams", "Chloë", "Adams", "typo");
        projection.on(renamed, 1, LATER);
        projection.on(new CandidateWithdrawn("k1", "c1", "Left"), 2, LATEST);

        assertThat(find("k1").version()).isEqualTo(2);

        projection.on(renamed, 1, LATER);
        register("k1", "c1", "Zoë", "Adams");

        assertThat(find("k1").version()).isEqualTo(2);
        assertThat(find("k1").firstName()).isEqualTo("Chloë");
    }

    @Test
    void givenCandidateRegistered_whenStored_thenDatesAreIsoStringsAndSearchFieldsPresent() {
        register("k1", "c1", "Zoë", "O'Brien-Łukasiewicz");

        Document stored =
                database.getCollection(CandidateProjection.COLLECTION).find().first();

        assertThat(stored.get("dateOfBirth")).isEqualTo("2001-02-03");
        assertThat(stored.get("startDate")).isEqualTo("2026-01-12");
        assertThat(stored.get("registeredOn")).isEqualTo("2026-03-02");
        assertThat(stored.getList("nameTokens", String.class))
                .containsExactlyInAnyOrder("zoe", "o", "brien", "lukasiewicz", "obrien");
        assertThat(stored.getString("sortKey")).isEqualTo("obrien-lukasiewicz\u0001zoe");
        assertThat(stored.getString("centreId")).isEqualTo("c1");
        assertThat(stored.getString("status")).isEqualTo("REGISTERED");
    }

    @Test
    void givenCandidate_whenNameAmended_thenNewNamesFoundByThemAndNotByTheOld() {
        register("k1", "c1", "Zoë", "O'Brien");

        projection.on(
                new CandidateNameAmended("k1", "c1", "Zoë", "O'Brien", "Zoë", "Łukasiewicz", "married"), 1, LATER);

        assertThat(find("k1").lastName()).isEqualTo("Łukasiewicz");
        assertThat(find("k1").firstName()).isEqualTo("Zoë");
        assertThat(find("k1").updatedAt()).isEqualTo(LATER);
        assertThat(search("c1", "lukas")).containsExactly("k1");
        assertThat(search("c1", "obrien")).isEmpty();
    }

    @Test
    void givenCandidate_whenDateOfBirthAmended_thenNewDate() {
        register("k1", "c1", "Zoë", "Adams");

        projection.on(
                new CandidateDateOfBirthAmended(
                        "k1", "c1", LocalDate.of(2001, 2, 3), LocalDate.of(1999, 12, 31), "typo"),
                1,
                LATER);

        assertThat(find("k1").dateOfBirth()).isEqualTo(LocalDate.of(1999, 12, 31));
        assertThat(find("k1").updatedAt()).isEqualTo(LATER);
    }

    @Test
    void givenCandidate_whenUlnCorrectedThenRemoved_thenFoundByTheNewUlnThenByNone() {
        register("k1", "c1", "Zoë", "Adams");

        projection.on(new CandidateUlnAmended("k1", "c1", "1000000001", "2000000002", "typo"), 1, LATER);

        assertThat(find("k1").uln()).isEqualTo("2000000002");
        assertThat(search("c1", "2000000002")).containsExactly("k1");
        assertThat(search("c1", "1000000001")).isEmpty();

        projection.on(new CandidateUlnAmended("k1", "c1", "2000000002", null, "not hers"), 2, LATEST);

        assertThat(find("k1").uln()).isNull();
        assertThat(search("c1", "2000000002")).isEmpty();
    }

    @Test
    void givenCandidate_whenQualificationAmended_thenFilteredUnderTheNewCode() {
        register("k1", "c1", "Zoë", "Adams");

        projection.on(new CandidateQualificationAmended("k1", "c1", "MV3", "HV2", "changed course"), 1, LATER);

        assertThat(find("k1").qualificationCode()).isEqualTo("HV2");
        Page<CandidateSummary> hv2 = projection.handle(new SearchCandidates("c1", null, null, "HV2", 0, 10));
        Page<CandidateSummary> mv3 = projection.handle(new SearchCandidates("c1", null, null, "MV3", 0, 10));
        assertThat(hv2.total()).isOne();
        assertThat(mv3.total()).isZero();
    }

    @Test
    void givenCandidate_whenTransferred_thenInTheNewCentresSearchAndGoneFromTheOld() {
        register("k1", "c1", "Zoë", "Adams");
        register("k2", "c1", "Zoe", "Brown");

        projection.on(new CandidateTransferred("k1", "c1", "c2", "moved house"), 1, LATER);

        assertThat(find("k1").centreId()).isEqualTo("c2");
        assertThat(search("c1", null)).containsExactly("k2");
        assertThat(search("c2", null)).containsExactly("k1");
        assertThat(search("c1", "zoe")).containsExactly("k2");
        assertThat(search("c2", "zoe")).containsExactly("k1");
        assertThat(search(null, "zoe")).containsExactly("k1", "k2");
    }

    @Test
    void givenCandidate_whenWithdrawnThenReinstated_thenStatusFollowsInViewAndFilter() {
        register("k1", "c1", "Zoë", "Adams");

        projection.on(new CandidateWithdrawn("k1", "c1", "left"), 1, LATER);

        assertThat(find("k1").status()).isEqualTo(CandidateStatus.WITHDRAWN);
        assertThat(projection
                        .handle(new SearchCandidates("c1", null, CandidateStatus.WITHDRAWN, null, 0, 10))
                        .total())
                .isOne();

        projection.on(new CandidateReinstated("k1", "c1", "back"), 2, LATEST);

        assertThat(find("k1").status()).isEqualTo(CandidateStatus.REGISTERED);
        assertThat(find("k1").updatedAt()).isEqualTo(LATEST);
        assertThat(projection
                        .handle(new SearchCandidates("c1", null, CandidateStatus.WITHDRAWN, null, 0, 10))
                        .total())
                .isZero();
    }

    private long certificated(String centreId) {
        return projection
                .handle(new SearchCandidates(centreId, null, CandidateStatus.CERTIFICATED, null, 0, 10))
                .total();
    }

    @Test
    void givenCandidate_whenCertificated_thenCertificatedInViewAndFilterWithTheUpdateTime() {
        register("k1", "c1", "Zoë", "Adams");
        register("k2", "c1", "Zoe", "Brown");

        projection.on(new CandidateCertificated("k1", "c1", "q1", "MV3", "K7Q2M9XA4T"), 1, LATER);

        assertThat(find("k1").status()).isEqualTo(CandidateStatus.CERTIFICATED);
        assertThat(find("k1").updatedAt()).isEqualTo(LATER);
        assertThat(find("k2").status()).isEqualTo(CandidateStatus.REGISTERED);
        Page<CandidateSummary> certificated =
                projection.handle(new SearchCandidates("c1", null, CandidateStatus.CERTIFICATED, null, 0, 10));
        Page<CandidateSummary> named = projection.handle(new SearchCandidates("c1", "zoe", null, null, 0, 10));
        assertThat(certificated.items())
                .extracting(CandidateSummary::candidateId)
                .containsExactly("k1");
        assertThat(named.items())
                .extracting(CandidateSummary::status)
                .containsExactly(CandidateStatus.CERTIFICATED, CandidateStatus.REGISTERED);
    }

    @Test
    void givenWithdrawnCandidate_whenCertificatedAndRevoked_thenStaysWithdrawnAsTheCandidateItselfDoes() {
        register("k1", "c1", "Zoë", "Adams");
        projection.on(new CandidateWithdrawn("k1", "c1", "Left"), 1, LATER);

        projection.on(new CandidateCertificated("k1", "c1", "q1", "MV3", "K7Q2M9XA4T"), 2, LATER);
        assertThat(find("k1").status()).isEqualTo(CandidateStatus.WITHDRAWN);
        projection.on(new CandidateCertificateRevoked("k1", "c1", "q1", "K7Q2M9XA4T", "malpractice"), 3, LATEST);
        assertThat(find("k1").status()).isEqualTo(CandidateStatus.WITHDRAWN);
    }

    @Test
    void givenCertificatedCandidate_whenCertificateRevoked_thenRegisteredAgainInViewAndFilter() {
        register("k1", "c1", "Zoë", "Adams");
        projection.on(new CandidateCertificated("k1", "c1", "q1", "MV3", "K7Q2M9XA4T"), 1, LATER);

        projection.on(new CandidateCertificateRevoked("k1", "c1", "q1", "K7Q2M9XA4T", "malpractice"), 2, LATEST);

        assertThat(find("k1").status()).isEqualTo(CandidateStatus.REGISTERED);
        assertThat(find("k1").updatedAt()).isEqualTo(LATEST);
        assertThat(certificated("c1")).isZero();
        assertThat(projection
                        .handle(new SearchCandidates("c1", null, CandidateStatus.REGISTERED, null, 0, 10))
                        .total())
                .isOne();
    }

    @Test
    void givenCertificateRevoked_whenCertificationRedelivered_thenNeitherDocumentNorSearchGoesBack() {
        register("k1", "c1", "Zoë", "Adams");
        projection.on(new CandidateCertificated("k1", "c1", "q1", "MV3", "K7Q2M9XA4T"), 1, LATER);
        projection.on(new CandidateCertificateRevoked("k1", "c1", "q1", "K7Q2M9XA4T", "malpractice"), 2, LATEST);
        List<Document> applied = allDocuments(database, CandidateProjection.COLLECTION);

        projection.on(new CandidateCertificated("k1", "c1", "q1", "MV3", "K7Q2M9XA4T"), 1, LATER);
        projection.on(new CandidateCertificateRevoked("k1", "c1", "q1", "K7Q2M9XA4T", "malpractice"), 2, LATEST);

        assertThat(allDocuments(database, CandidateProjection.COLLECTION)).isEqualTo(applied);
        assertThat(find("k1").status()).isEqualTo(CandidateStatus.REGISTERED);
        assertThat(certificated("c1")).isZero();
    }

    @Test
    void givenLaterEventApplied_whenEarlierOneRedelivered_thenNeitherDocumentNorSearchGoesBack() {
        register("k1", "c1", "Zoë", "O'Brien");
        projection.on(
                new CandidateNameAmended("k1", "c1", "Zoë", "O'Brien", "Zoë", "Łukasiewicz", "married"), 1, LATER);
        List<Document> applied = allDocuments(database, CandidateProjection.COLLECTION);

        register("k1", "c1", "Zoë", "O'Brien");
        projection.on(
                new CandidateNameAmended("k1", "c1", "Zoë", "O'Brien", "Zoë", "Łukasiewicz", "married"), 1, LATER);

        assertThat(allDocuments(database, CandidateProjection.COLLECTION)).isEqualTo(applied);
        assertThat(search("c1", "obrien")).isEmpty();
        assertThat(search("c1", "lukas")).containsExactly("k1");
    }

    @Test
    void givenEveryEventDeliveredTwice_whenSearched_thenSameDocumentsAndSameResultsAsDeliveredOnce() {
        MongoDatabase onceDatabase = mongo.freshDatabase();
        CandidateProjection once = new CandidateProjection(onceDatabase, new MemoryCandidateSearchIndex());
        new Processor(once).deliver(CandidateHistories.everyEvent());
        Processor twice = new Processor(projection);

        CandidateHistories.everyEvent().forEach(event -> {
            twice.deliver(event);
            twice.deliver(event);
        });

        assertThat(allDocuments(database, CandidateProjection.COLLECTION))
                .isNotEmpty()
                .isEqualTo(allDocuments(onceDatabase, CandidateProjection.COLLECTION));
        assertThat(searches().map(projection::handle))
                .containsExactlyElementsOf(searches().map(once::handle).toList());
    }

    @Test
    void givenHistoryApplied_whenResetAndReplayedFromZero_thenSameDocumentsAndSameResults() {
        Processor processor = new Processor(projection);
        List<Recorded> history = CandidateHistories.everyEvent();
        processor.deliver(history);
        List<Document> applied = allDocuments(database, CandidateProjection.COLLECTION);
        List<Page<?>> answers = searches().<Page<?>>map(projection::handle).toList();

        processor.reset();

        assertThat(allDocuments(database, CandidateProjection.COLLECTION)).isEmpty();
        assertThat(searches().map(projection::handle))
                .allSatisfy(page -> assertThat(page.total()).isZero());

        processor.deliver(history);

        assertThat(allDocuments(database, CandidateProjection.COLLECTION)).isEqualTo(applied);
        assertThat(searches().map(projection::handle)).containsExactlyElementsOf(answers);
    }

    @Test
    void givenHistoryApplied_whenViewed_thenTheLastEventsTimeIsTheUpdateTime() {
        List<Recorded> history = CandidateHistories.everyEvent();
        new Processor(projection).deliver(history);

        Recorded last = history.get(history.size() - 1);
        assertThat(find(last.aggregateId()).updatedAt()).isEqualTo(last.at());
        assertThat(find("k1"))
                .extracting(
                        CandidateView::lastName, CandidateView::dateOfBirth, CandidateView::uln, CandidateView::status)
                .containsExactly("O'Brien", LocalDate.of(2000, 12, 31), null, CandidateStatus.WITHDRAWN);
        assertThat(find("k2"))
                .extracting(CandidateView::centreId, CandidateView::uln, CandidateView::qualificationCode)
                .containsExactly("c2", "1000000003", "HV2");
        assertThat(find("k3").status()).isEqualTo(CandidateStatus.REGISTERED);
        assertThat(find("k4").status()).isEqualTo(CandidateStatus.CERTIFICATED);
    }

    /** Searches that between them see every field the history changes. */
    private static Stream<SearchCandidates> searches() {
        return Stream.of(
                new SearchCandidates(null, null, null, null, 0, 50),
                new SearchCandidates("c1", null, null, null, 0, 50),
                new SearchCandidates("c2", null, null, null, 0, 50),
                new SearchCandidates(null, "zoe obr", null, null, 0, 50),
                new SearchCandidates(null, "aero", null, null, 0, 50),
                new SearchCandidates(null, "1000000003", null, null, 0, 50),
                new SearchCandidates(null, "q7m2k9xa", null, null, 0, 50),
                new SearchCandidates(null, null, CandidateStatus.WITHDRAWN, null, 0, 50),
                new SearchCandidates(null, null, CandidateStatus.CERTIFICATED, null, 0, 50),
                new SearchCandidates("c1", null, CandidateStatus.REGISTERED, null, 0, 50),
                new SearchCandidates(null, null, null, "HV2", 0, 50));
    }
}
