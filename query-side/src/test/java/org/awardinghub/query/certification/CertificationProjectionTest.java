package org.awardinghub.query.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awardinghub.query.InProcessMongo.allDocuments;
import static org.awardinghub.query.certification.CertificationHistories.CENTRE_ADMIN_C1;
import static org.awardinghub.query.certification.CertificationHistories.CENTRE_ADMIN_C2;
import static org.awardinghub.query.certification.CertificationHistories.ISSUE_DAY;
import static org.awardinghub.query.certification.CertificationHistories.K1A;
import static org.awardinghub.query.certification.CertificationHistories.K1B;
import static org.awardinghub.query.certification.CertificationHistories.K1C;
import static org.awardinghub.query.certification.CertificationHistories.K2A;
import static org.awardinghub.query.certification.CertificationHistories.K2B;
import static org.awardinghub.query.certification.CertificationHistories.K3A;
import static org.awardinghub.query.certification.CertificationHistories.LOST;
import static org.awardinghub.query.certification.CertificationHistories.MALPRACTICE;
import static org.awardinghub.query.certification.CertificationHistories.NAME_CORRECTED;
import static org.awardinghub.query.certification.CertificationHistories.QUALIFICATION;
import static org.awardinghub.query.certification.CertificationHistories.REJECTION;
import static org.awardinghub.query.certification.CertificationHistories.REVOCATION_DAY;
import static org.awardinghub.query.certification.CertificationHistories.START;
import static org.awardinghub.query.certification.CertificationHistories.everyEvent;
import static org.awardinghub.query.certification.CertificationHistories.first;
import static org.awardinghub.query.certification.CertificationHistories.imi;
import static org.awardinghub.query.certification.CertificationHistories.through;
import static org.awardinghub.query.certification.CertificationHistories.until;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.certification.ClaimStatus;
import org.awardinghub.query.History;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.awardinghub.query.Processor;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The three certification read models, built from {@link CertificationHistories}' nine claims. */
@SuppressWarnings("unchecked") // ListClaims is answered by a raw Page, see ClaimProjection
class CertificationProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final List<String> COLLECTIONS = List.of(
            ClaimProjection.CLAIMS,
            CertificateProjection.CERTIFICATES,
            CandidateCertificatesProjection.CANDIDATE_CERTIFICATES);

    private MongoDatabase database;
    private ClaimProjection claims;
    private CertificateProjection certificates;
    private CandidateCertificatesProjection candidates;
    private Processor processor;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        claims = new ClaimProjection(database);
        certificates = new CertificateProjection(database);
        candidates = new CandidateCertificatesProjection(database);
        processor = new Processor(claims, certificates, candidates);
    }

    /** One processor over the three certification read models, as the certification processing group has. */
    private static Processor processorOver(MongoDatabase database) {
        return new Processor(
                new ClaimProjection(database),
                new CertificateProjection(database),
                new CandidateCertificatesProjection(database));
    }

    private ClaimView claim(String claimId) {
        return claims.handle(new FindClaim(claimId));
    }

    private CertificateView certificate(String certificateNumber) {
        return certificates.handle(new FindCertificate(certificateNumber));
    }

    private List<CertificateView> candidateCertificates(String candidateId) {
        return candidates.handle(new ListCandidateCertificates(candidateId));
    }

    private Page<ClaimView> claims(String centreId, ClaimStatus status, int page, int size) {
        return claims.handle(new ListClaims(centreId, status, page, size));
    }

    private static Instant timeOf(Class<?> type, String claimId) {
        return first(type, claimId).at();
    }

    private Map<String, List<Document>> everyCollection(MongoDatabase of) {
        return Map.of(
                ClaimProjection.CLAIMS,
                allDocuments(of, ClaimProjection.CLAIMS),
                CertificateProjection.CERTIFICATES,
                allDocuments(of, CertificateProjection.CERTIFICATES),
                CandidateCertificatesProjection.CANDIDATE_CERTIFICATES,
                allDocuments(of, CandidateCertificatesProjection.CANDIDATE_CERTIFICATES));
    }

    // ---- claims ----

    @Test
    void givenDirectClaimStatusCentre_whenClaimedAndIssuedAtOnce_thenClaimIssuedWithItsCertificateValid() {
        processor.deliver(until(CertificateReplaced.class, "q1"));
        Instant claimedAt = timeOf(CertificateClaimed.class, "q1");
        Instant issuedAt = timeOf(CertificateIssued.class, "q1");

        assertThat(claim("q1"))
                .isEqualTo(new ClaimView(
                        "q1",
                        "k1",
                        "Q7M2K9XA",
                        "Zoe OBrien",
                        "c1",
                        QUALIFICATION,
                        ClaimStatus.ISSUED,
                        true,
                        claimedAt,
                        CENTRE_ADMIN_C1,
                        issuedAt,
                        null,
                        K1A,
                        ISSUE_DAY));
        assertThat(certificate(K1A))
                .isEqualTo(new CertificateView(
                        K1A,
                        "q1",
                        "k1",
                        "c1",
                        QUALIFICATION,
                        "Zoe OBrien",
                        ISSUE_DAY,
                        CertificateStatus.VALID,
                        null,
                        null,
                        null,
                        false));
    }

    @Test
    void givenCentreWithoutDirectClaimStatus_whenClaimed_thenAwaitingApprovalWithNoDecisionAndNoCertificate() {
        processor.deliver(until(CertificateIssued.class, "q2"));

        assertThat(claim("q2"))
                .isEqualTo(new ClaimView(
                        "q2",
                        "k2",
                        "B4N8R3TZ",
                        "John Smith",
                        "c2",
                        QUALIFICATION,
                        ClaimStatus.AWAITING_APPROVAL,
                        false,
                        timeOf(CertificateClaimed.class, "q2"),
                        CENTRE_ADMIN_C2,
                        null,
                        null,
                        null,
                        null));
        assertThat(candidateCertificates("k2")).isEmpty();
    }

    @Test
    void givenWaitingClaim_whenApproved_thenIssuedDecidedAtTheIssueTimeWithTheNewNumberValid() {
        processor.deliver(until(CertificateRevoked.class, "q2"));
        Instant issuedAt = timeOf(CertificateIssued.class, "q2");

        assertThat(claim("q2"))
                .isEqualTo(new ClaimView(
                        "q2",
                        "k2",
                        "B4N8R3TZ",
                        "John Smith",
                        "c2",
                        QUALIFICATION,
                        ClaimStatus.ISSUED,
                        false,
                        timeOf(CertificateClaimed.class, "q2"),
                        CENTRE_ADMIN_C2,
                        issuedAt,
                        null,
                        K2A,
                        ISSUE_DAY));
        assertThat(issuedAt).isAfter(timeOf(CertificateClaimed.class, "q2"));
        assertThat(certificate(K2A))
                .isEqualTo(new CertificateView(
                        K2A,
                        "q2",
                        "k2",
                        "c2",
                        QUALIFICATION,
                        "John Smith",
                        ISSUE_DAY,
                        CertificateStatus.VALID,
                        null,
                        null,
                        null,
                        false));
    }

    @Test
    void givenWaitingClaim_whenRejected_thenRejectedWithTheReasonAndDecisionTimeAndNoCertificate() {
        processor.deliver(everyEvent());

        assertThat(claim("q4"))
                .isEqualTo(new ClaimView(
                        "q4",
                        "k3",
                        "H6W9P2DC",
                        "Søren Ærø",
                        "c2",
                        QUALIFICATION,
                        ClaimStatus.REJECTED,
                        false,
                        timeOf(CertificateClaimed.class, "q4"),
                        CENTRE_ADMIN_C2,
                        timeOf(ClaimRejected.class, "q4"),
                        REJECTION,
                        null,
                        null));
    }

    @Test
    void givenRejectionWithoutReasonInTheEvent_whenFound_thenTheReasonFromTheMetadata() {
        Instant at = START.plusSeconds(60);
        processor.deliver(new History(START)
                .then(
                        "q1",
                        new CertificateClaimed(
                                "q1",
                                "k1",
                                "Q7M2K9XA",
                                "c1",
                                QUALIFICATION,
                                "Zoe OBrien",
                                false,
                                List.of("a1"),
                                "u1",
                                CENTRE_ADMIN_C1,
                                at))
                .then("q1", new ClaimRejected("q1", "k1", "c1", QUALIFICATION, null), imi("unit missing"))
                .events());

        assertThat(claim("q1").reason()).isEqualTo("unit missing");
        assertThat(claim("q1").status()).isEqualTo(ClaimStatus.REJECTED);
    }

    @Test
    void givenDecisionsWithTheirOwnReasons_whenFound_thenTheEventsReasonsRatherThanTheMetadatas() {
        Instant at = START.plusSeconds(60);
        processor.deliver(new History(START)
                .then(
                        "q1",
                        new CertificateClaimed(
                                "q1",
                                "k1",
                                "Q7M2K9XA",
                                "c1",
                                QUALIFICATION,
                                "Zoe OBrien",
                                true,
                                List.of("a1"),
                                "u1",
                                CENTRE_ADMIN_C1,
                                at))
                .then(
                        "q1",
                        new CertificateIssued("q1", "k1", "c1", QUALIFICATION, K1A, "Zoe OBrien", ISSUE_DAY, at, false))
                .then(
                        "q1",
                        new CertificateReplaced(
                                "q1", "k1", "c1", QUALIFICATION, K1A, K1B, "Zoe OBrien", ISSUE_DAY, LOST),
                        imi("replace certificate"))
                .then(
                        "q1",
                        new CertificateRevoked("q1", "k1", "c1", QUALIFICATION, K1B, REVOCATION_DAY, MALPRACTICE),
                        imi("revoke certificate"))
                .then(
                        "q2",
                        new CertificateClaimed(
                                "q2",
                                "k2",
                                "B4N8R3TZ",
                                "c2",
                                QUALIFICATION,
                                "John Smith",
                                false,
                                List.of("a2"),
                                "u2",
                                CENTRE_ADMIN_C2,
                                at))
                .then("q2", new ClaimRejected("q2", "k2", "c2", QUALIFICATION, REJECTION), imi("reject claim"))
                .events());

        assertThat(certificate(K1A).reason()).isEqualTo(LOST);
        assertThat(certificate(K1B).reason()).isEqualTo(MALPRACTICE);
        assertThat(candidateCertificates("k1"))
                .extracting(CertificateView::reason)
                .containsExactly(LOST, MALPRACTICE);
        assertThat(claim("q2").reason()).isEqualTo(REJECTION);
    }

    @Test
    void givenIssued_whenReplaced_thenOldNumberReplacedByTheNewAndTheNewValidWithTheCorrectedName() {
        processor.deliver(through(CertificateReplaced.class, "q1"));

        assertThat(certificate(K1A))
                .isEqualTo(new CertificateView(
                        K1A,
                        "q1",
                        "k1",
                        "c1",
                        QUALIFICATION,
                        "Zoe OBrien",
                        ISSUE_DAY,
                        CertificateStatus.REPLACED,
                        K1B,
                        null,
                        NAME_CORRECTED,
                        false));
        assertThat(certificate(K1B))
                .isEqualTo(new CertificateView(
                        K1B,
                        "q1",
                        "k1",
                        "c1",
                        QUALIFICATION,
                        "Zoë O'Brien",
                        ISSUE_DAY,
                        CertificateStatus.VALID,
                        null,
                        null,
                        null,
                        false));
        // the claim's current certificate is the new one; its decision stays as it was
        assertThat(claim("q1"))
                .extracting(
                        ClaimView::status,
                        ClaimView::certificateNumber,
                        ClaimView::issuedOn,
                        ClaimView::decidedAt,
                        ClaimView::holderName)
                .containsExactly(
                        ClaimStatus.ISSUED, K1B, ISSUE_DAY, timeOf(CertificateIssued.class, "q1"), "Zoe OBrien");
    }

    @Test
    void givenReplacedTwice_whenFound_thenEachNumberPointsToItsSuccessorAndOnlyTheLastIsValid() {
        processor.deliver(everyEvent());

        assertThat(certificate(K1A))
                .extracting(CertificateView::status, CertificateView::replacedBy, CertificateView::reason)
                .containsExactly(CertificateStatus.REPLACED, K1B, NAME_CORRECTED);
        assertThat(certificate(K1B))
                .extracting(CertificateView::status, CertificateView::replacedBy, CertificateView::reason)
                .containsExactly(CertificateStatus.REPLACED, K1C, LOST);
        assertThat(certificate(K1C))
                .isEqualTo(new CertificateView(
                        K1C,
                        "q1",
                        "k1",
                        "c1",
                        QUALIFICATION,
                        "Zoë O'Brien",
                        ISSUE_DAY,
                        CertificateStatus.VALID,
                        null,
                        null,
                        null,
                        false));
        assertThat(claim("q1").certificateNumber()).isEqualTo(K1C);
    }

    @Test
    void givenIssued_whenRevoked_thenTheCertificateRevokedFromItsDayAndTheClaimStillIssued() {
        processor.deliver(until(CertificateRevoked.class, "q2"));
        ClaimView before = claim("q2");

        processor.deliver(first(CertificateRevoked.class, "q2"));

        assertThat(certificate(K2A))
                .isEqualTo(new CertificateView(
                        K2A,
                        "q2",
                        "k2",
                        "c2",
                        QUALIFICATION,
                        "John Smith",
                        ISSUE_DAY,
                        CertificateStatus.REVOKED,
                        null,
                        REVOCATION_DAY,
                        MALPRACTICE,
                        false));
        assertThat(claim("q2")).isEqualTo(before);
        assertThat(claim("q2").status()).isEqualTo(ClaimStatus.ISSUED);
    }

    @Test
    void givenOneClaimRejectedThenAnotherIssued_whenFound_thenEachClaimKeepsItsOwnOutcome() {
        processor.deliver(everyEvent());

        assertThat(List.of(claim("q4"), claim("q6")))
                .extracting(ClaimView::candidateId, ClaimView::status, ClaimView::reason, ClaimView::certificateNumber)
                .containsExactly(
                        tuple("k3", ClaimStatus.REJECTED, REJECTION, null), tuple("k3", ClaimStatus.ISSUED, null, K3A));
        assertThat(candidateCertificates("k3"))
                .containsExactly(new CertificateView(
                        K3A,
                        "q6",
                        "k3",
                        "c2",
                        QUALIFICATION,
                        "Søren Ærø",
                        ISSUE_DAY,
                        CertificateStatus.VALID,
                        null,
                        null,
                        null,
                        false));
    }

    @Test
    void givenUnknownIds_whenFound_thenNullOrEmpty() {
        processor.deliver(everyEvent());

        assertThat(claim("q0")).isNull();
        assertThat(claim(null)).isNull();
        assertThat(certificate("ZZZZZZZZZZ")).isNull();
        assertThat(certificate(null)).isNull();
        assertThat(candidateCertificates("k4")).isEmpty();
        assertThat(candidateCertificates("k0")).isEmpty();
        assertThat(candidateCertificates(null)).isEmpty();
    }

    // ---- the approval queue ----

    @Test
    void givenClaimsAtTwoCentres_whenWaitingClaimsOfOneCentreListed_thenOnlyThoseOldestClaimedFirst() {
        processor.deliver(everyEvent());

        Page<ClaimView> c2 = claims("c2", ClaimStatus.AWAITING_APPROVAL, 0, 50);

        // q9 was claimed before q7: claim order, not id order
        assertThat(c2.items()).extracting(ClaimView::claimId).containsExactly("q9", "q7");
        assertThat(c2.total()).isEqualTo(2);
        assertThat(claims("c1", ClaimStatus.AWAITING_APPROVAL, 0, 50).items())
                .extracting(ClaimView::claimId)
                .containsExactly("q5", "q8");
    }

    @Test
    void givenClaims_whenOneCentresClaimsListedWithoutStatus_thenEveryStatusInClaimOrder() {
        processor.deliver(everyEvent());

        assertThat(claims("c2", null, 0, 50).items())
                .extracting(ClaimView::claimId, ClaimView::status)
                .containsExactly(
                        tuple("q4", ClaimStatus.REJECTED),
                        tuple("q2", ClaimStatus.ISSUED),
                        tuple("q6", ClaimStatus.ISSUED),
                        tuple("q3", ClaimStatus.ISSUED),
                        tuple("q9", ClaimStatus.AWAITING_APPROVAL),
                        tuple("q7", ClaimStatus.AWAITING_APPROVAL));
    }

    @Test
    void givenClaims_whenListedByStatusAcrossCentres_thenThatStatusOnlyAndClaimsOfOneInstantByClaimId() {
        processor.deliver(everyEvent());

        // q8 and q7 were claimed at the same instant, q8 stored first: the claim id decides (the embedded store
        // returns documents in _id order anyway, so only real MongoDB would show a sort without the tie-break)
        assertThat(claim("q8").claimedAt()).isEqualTo(claim("q7").claimedAt());
        assertThat(claims(null, ClaimStatus.AWAITING_APPROVAL, 0, 50).items())
                .extracting(ClaimView::claimId)
                .containsExactly("q5", "q9", "q7", "q8");
        assertThat(claims(null, ClaimStatus.ISSUED, 0, 50).items())
                .extracting(ClaimView::claimId)
                .containsExactly("q1", "q2", "q6", "q3");
        assertThat(claims(null, ClaimStatus.REJECTED, 0, 50).items()).containsExactly(claim("q4"));
        assertThat(claims(null, null, 0, 50).items())
                .extracting(ClaimView::claimId)
                .containsExactly("q1", "q4", "q2", "q6", "q5", "q3", "q9", "q7", "q8");
    }

    @Test
    void givenWaitingClaims_whenPaged_thenEachPageInQueueOrderWithTheTotal() {
        processor.deliver(everyEvent());

        assertThat(claims(null, ClaimStatus.AWAITING_APPROVAL, 0, 3))
                .isEqualTo(new Page<>(List.of(claim("q5"), claim("q9"), claim("q7")), 0, 3, 4));
        assertThat(claims(null, ClaimStatus.AWAITING_APPROVAL, 1, 3))
                .isEqualTo(new Page<>(List.of(claim("q8")), 1, 3, 4));
        assertThat(claims(null, ClaimStatus.AWAITING_APPROVAL, 2, 3)).isEqualTo(new Page<>(List.of(), 2, 3, 4));
        assertThat(claims("c9", null, 0, 10).total()).isZero();
    }

    @Test
    void givenClaimsOfOneDay_whenListedByTheDaysClaimed_thenThatDayIncludedAtBothEndsAndOtherDaysEmpty() {
        processor.deliver(everyEvent());
        List<ClaimView> all = claims(null, null, 0, 50).items();
        java.time.LocalDate day = day(all.get(0).claimedAt());
        assertThat(all).allSatisfy(claim -> assertThat(day(claim.claimedAt())).isEqualTo(day));

        assertThat(claims.handle(new ListClaims(null, null, day, day, 0, 50)))
                .as("from and to the same day: that whole day")
                .isEqualTo(new Page<>(all, 0, 50, all.size()));
        assertThat(claims.handle(new ListClaims("c2", ClaimStatus.ISSUED, day, day, 0, 2)))
                .isEqualTo(claims("c2", ClaimStatus.ISSUED, 0, 2));
        assertThat(claims.handle(new ListClaims(null, null, day.plusDays(1), null, 0, 50))
                        .total())
                .isZero();
        assertThat(claims.handle(new ListClaims(null, null, null, day.minusDays(1), 0, 50))
                        .total())
                .isZero();
        assertThat(claims.handle(new ListClaims(null, null, null, day, 0, 50)).total())
                .isEqualTo(all.size());
    }

    private static java.time.LocalDate day(Instant instant) {
        return instant.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void givenClaimApproved_whenQueueListedAgain_thenItHasLeftTheQueue() {
        processor.deliver(until(CertificateIssued.class, "q2"));
        assertThat(claims("c2", ClaimStatus.AWAITING_APPROVAL, 0, 10).items())
                .extracting(ClaimView::claimId)
                .containsExactly("q2");

        processor.deliver(first(CertificateIssued.class, "q2"));

        assertThat(claims("c2", ClaimStatus.AWAITING_APPROVAL, 0, 10).items()).isEmpty();
        assertThat(claims("c2", ClaimStatus.ISSUED, 0, 10).items())
                .extracting(ClaimView::claimId)
                .containsExactly("q2");
    }

    // ---- candidates' certificates ----

    @Test
    void givenReplacedTwice_whenCandidatesCertificatesListed_thenEveryNumberHeldOldestFirstWithItsStatus() {
        processor.deliver(everyEvent());

        assertThat(candidateCertificates("k1"))
                .containsExactly(
                        new CertificateView(
                                K1A,
                                "q1",
                                "k1",
                                "c1",
                                QUALIFICATION,
                                "Zoe OBrien",
                                ISSUE_DAY,
                                CertificateStatus.REPLACED,
                                K1B,
                                null,
                                NAME_CORRECTED,
                                false),
                        new CertificateView(
                                K1B,
                                "q1",
                                "k1",
                                "c1",
                                QUALIFICATION,
                                "Zoë O'Brien",
                                ISSUE_DAY,
                                CertificateStatus.REPLACED,
                                K1C,
                                null,
                                LOST,
                                false),
                        new CertificateView(
                                K1C,
                                "q1",
                                "k1",
                                "c1",
                                QUALIFICATION,
                                "Zoë O'Brien",
                                ISSUE_DAY,
                                CertificateStatus.VALID,
                                null,
                                null,
                                null,
                                false));
    }

    @Test
    void givenRevokedThenClaimedAgain_whenCandidatesCertificatesListed_thenTheRevokedNumberThenTheNewOne() {
        processor.deliver(everyEvent());

        assertThat(candidateCertificates("k2"))
                .containsExactly(
                        new CertificateView(
                                K2A,
                                "q2",
                                "k2",
                                "c2",
                                QUALIFICATION,
                                "John Smith",
                                ISSUE_DAY,
                                CertificateStatus.REVOKED,
                                null,
                                REVOCATION_DAY,
                                MALPRACTICE,
                                false),
                        new CertificateView(
                                K2B,
                                "q3",
                                "k2",
                                "c2",
                                QUALIFICATION,
                                "John Smith",
                                ISSUE_DAY,
                                CertificateStatus.VALID,
                                null,
                                null,
                                null,
                                false));
        // the candidate's list says what each number says on its own
        assertThat(candidateCertificates("k2")).containsExactly(certificate(K2A), certificate(K2B));
        assertThat(candidateCertificates("k1")).containsExactly(certificate(K1A), certificate(K1B), certificate(K1C));
    }

    @Test
    void givenEveryClaim_whenStored_thenOneDocumentPerCandidateWithAnEntryPerNumberAndItsClaimsSequence() {
        processor.deliver(everyEvent());

        List<Document> stored = allDocuments(database, CandidateCertificatesProjection.CANDIDATE_CERTIFICATES);

        assertThat(stored).extracting(document -> document.getString("_id")).containsExactly("k1", "k2", "k3");
        assertThat(stored.get(1).getList("entries", Document.class))
                .extracting(entry -> entry.getString("certificateNumber"), entry -> entry.get("seq"))
                // K2A: q2 revoked at 2; K2B: q3 issued at 1
                .containsExactly(tuple(K2A, 2L), tuple(K2B, 1L));
        assertThat(allDocuments(database, CertificateProjection.CERTIFICATES))
                .extracting(document -> document.getString("_id"))
                .containsExactlyInAnyOrder(K1A, K1B, K1C, K2A, K2B, K3A);
    }

    @Test
    void givenOneCandidatesClaimsOnDifferentSegments_whenDeliveredInAnotherInterleaving_thenSameDocuments() {
        List<Recorded> inOrder = everyEvent();
        processor.deliver(inOrder);
        Map<String, List<Document>> expected = everyCollection(database);
        MongoDatabase other = mongo.freshDatabase();
        Processor otherProcessor = processorOver(other);

        // each claim's events stay in order (one segment each), but the later claims come first
        List<Recorded> reversed = new ArrayList<>();
        List.of("q7", "q8", "q9", "q3", "q5", "q6", "q2", "q4", "q1")
                .forEach(claimId -> inOrder.stream()
                        .filter(event -> event.aggregateId().equals(claimId))
                        .forEach(reversed::add));
        otherProcessor.deliver(reversed);

        assertThat(everyCollection(other)).isEqualTo(expected);
    }

    @Test
    void givenManyClaimsOfOneCandidateHandledAtOnce_whenListed_thenNoNumberLost() throws Exception {
        History history = new History(START);
        for (int i = 0; i < 24; i++) {
            String claimId = String.format("m%02d", i);
            Instant at = START.plusSeconds(60L * i);
            history.then(
                    claimId,
                    new CertificateClaimed(
                            claimId,
                            "k1",
                            "Q7M2K9XA",
                            "c1",
                            QUALIFICATION,
                            "Zoe OBrien",
                            true,
                            List.of("a1"),
                            "u1",
                            CENTRE_ADMIN_C1,
                            at));
            history.then(
                    claimId,
                    new CertificateIssued(
                            claimId, "k1", "c1", QUALIFICATION, "N" + claimId, "Zoe OBrien", ISSUE_DAY, at, false));
            history.then(
                    claimId,
                    new CertificateRevoked(
                            claimId, "k1", "c1", QUALIFICATION, "N" + claimId, REVOCATION_DAY, MALPRACTICE));
        }
        List<Recorded> events = history.events();
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

        List<CertificateView> listed = candidateCertificates("k1");
        assertThat(listed)
                .extracting(CertificateView::certificateNumber)
                .containsExactlyElementsOf(events.stream()
                        .map(Recorded::payload)
                        .filter(CertificateIssued.class::isInstance)
                        .map(issued -> ((CertificateIssued) issued).certificateNumber())
                        .toList());
        assertThat(listed).extracting(CertificateView::status).containsOnly(CertificateStatus.REVOKED);
        // one write per issue and per revocation: the version counts 48 writes from 0
        assertThat(allDocuments(database, CandidateCertificatesProjection.CANDIDATE_CERTIFICATES)
                        .get(0)
                        .get("seq"))
                .isEqualTo(47L);
    }

    // ---- exactly once ----

    @Test
    void givenEveryEventDeliveredTwice_whenStored_thenEveryCollectionAsIfDeliveredOnce() {
        processor.deliver(everyEvent());
        Map<String, List<Document>> once = everyCollection(database);
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
    void givenHistoryApplied_whenEachEarlierEventRedelivered_thenNothingChanges() {
        processor.deliver(everyEvent());
        Map<String, List<Document>> applied = everyCollection(database);

        for (Recorded event : everyEvent()) {
            processor.deliver(event);

            assertThat(everyCollection(database))
                    .as("after redelivering %s", event)
                    .isEqualTo(applied);
        }
        assertThat(candidateCertificates("k1")).hasSize(3);
    }

    @Test
    void givenHistoryApplied_whenResetAndReplayed_thenEveryCollectionIdentical() {
        processor.deliver(everyEvent());
        Map<String, List<Document>> applied = everyCollection(database);

        processor.reset();
        assertThat(everyCollection(database).values())
                .allSatisfy(documents -> assertThat(documents).isEmpty());
        processor.deliver(everyEvent());

        assertThat(everyCollection(database)).isEqualTo(applied);
        assertThat(Set.copyOf(applied.keySet())).containsExactlyInAnyOrderElementsOf(COLLECTIONS);
        assertThat(applied.values())
                .allSatisfy(documents -> assertThat(documents).isNotEmpty());
    }
}
