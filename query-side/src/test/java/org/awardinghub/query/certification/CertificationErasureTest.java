package org.awardinghub.query.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awardinghub.query.ErasureStory.ERASED;
import static org.awardinghub.query.ErasureStory.FIRST_CERTIFICATE;
import static org.awardinghub.query.ErasureStory.KEPT;
import static org.awardinghub.query.ErasureStory.KEPT_CERTIFICATE;
import static org.awardinghub.query.ErasureStory.REPLACEMENT_CERTIFICATE;

import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.events.certification.ClaimStatus;
import org.awardinghub.query.ErasedEvents;
import org.awardinghub.query.ErasureCheck;
import org.awardinghub.query.ErasureStory;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Processor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A candidate erased (ADR 0165), in the certification read models: every number they held keeps its status, dates
 * and qualification, so that it still verifies, with the holder "(erased)" and marked erased; their claims keep their
 * decisions; once and as a replay of the events read after the erasure writes it.
 */
class CertificationErasureTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final String E = PersonalData.ERASED;

    private static Object[] projections(MongoDatabase database) {
        return new Object[] {
            new ClaimProjection(database),
            new CertificateProjection(database),
            new CandidateCertificatesProjection(database)
        };
    }

    @Test
    void givenReplacedAndRevokedCertificates_whenHolderErased_thenNumbersStatusesAndDatesStayWithTheHolderErased() {
        MongoDatabase database = ErasureCheck.erasesAndReplaysAlike(
                mongo,
                CertificationErasureTest::projections,
                ClaimProjection.CLAIMS,
                CertificateProjection.CERTIFICATES,
                CandidateCertificatesProjection.CANDIDATE_CERTIFICATES);
        CertificateProjection certificates = new CertificateProjection(database);

        CertificateView replaced = certificates.handle(new FindCertificate(FIRST_CERTIFICATE));
        assertThat(replaced.status()).isEqualTo(CertificateStatus.REPLACED);
        assertThat(replaced.replacedBy()).isEqualTo(REPLACEMENT_CERTIFICATE);
        assertThat(replaced.holderName()).isEqualTo(E);
        assertThat(replaced.reason()).isEqualTo(E);
        assertThat(replaced.erased()).isTrue();
        CertificateView revoked = certificates.handle(new FindCertificate(REPLACEMENT_CERTIFICATE));
        assertThat(revoked.status()).isEqualTo(CertificateStatus.REVOKED);
        assertThat(revoked.revokedOn()).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(revoked.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(revoked.qualificationCode()).isEqualTo(ErasureStory.QUALIFICATION);
        assertThat(revoked.holderName()).isEqualTo(E);
        assertThat(revoked.erased()).isTrue();
        CertificateView kept = certificates.handle(new FindCertificate(KEPT_CERTIFICATE));
        assertThat(kept.holderName()).isEqualTo("Anne Smith");
        assertThat(kept.erased()).isFalse();

        assertThat(new CandidateCertificatesProjection(database).handle(new ListCandidateCertificates(ERASED)))
                .extracting(CertificateView::certificateNumber, CertificateView::holderName, CertificateView::erased)
                .containsExactly(tuple(FIRST_CERTIFICATE, E, true), tuple(REPLACEMENT_CERTIFICATE, E, true));
        assertThat(new CandidateCertificatesProjection(database).handle(new ListCandidateCertificates(KEPT)))
                .extracting(CertificateView::erased)
                .containsExactly(false);

        ClaimProjection claims = new ClaimProjection(database);
        ClaimView rejected = claims.handle(new FindClaim("q1"));
        assertThat(rejected.status()).isEqualTo(ClaimStatus.REJECTED);
        assertThat(rejected.holderName()).isEqualTo(E);
        assertThat(rejected.reason()).isEqualTo(E);
        assertThat(rejected.registrationNumber()).isEqualTo(ErasureStory.REGISTRATION_NUMBER);
        ClaimView issued = claims.handle(new FindClaim("q2"));
        assertThat(issued.status()).isEqualTo(ClaimStatus.ISSUED);
        assertThat(issued.certificateNumber()).isEqualTo(REPLACEMENT_CERTIFICATE);
        assertThat(issued.holderName()).isEqualTo(E);
        assertThat(claims.handle(new FindClaim("q3")).holderName()).isEqualTo("Anne Smith");
    }

    /** In a replay the claim's segment may run behind the candidate's: its certificates come after the erasure. */
    @Test
    void givenErasureHandledFirst_whenTheCertificatesEventsFollow_thenTheyAreMarkedErasedAsWell() {
        MongoDatabase database = mongo.freshDatabase();
        Processor processor = new Processor(projections(database));

        processor.deliver(ErasureStory.erasure());
        processor.deliver(ErasedEvents.readAfterErasureOf(ERASED, ErasureStory.beforeErasure()));

        CertificateView revoked =
                new CertificateProjection(database).handle(new FindCertificate(REPLACEMENT_CERTIFICATE));
        assertThat(revoked.holderName()).isEqualTo(E);
        assertThat(revoked.erased()).isTrue();
        assertThat(new CandidateCertificatesProjection(database).handle(new ListCandidateCertificates(ERASED)))
                .extracting(CertificateView::erased)
                .containsExactly(true, true);
    }
}
