package org.awardinghub.query.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.certification.CertificationHistories.K1A;
import static org.awardinghub.query.certification.CertificationHistories.K1B;
import static org.awardinghub.query.certification.CertificationHistories.K1C;
import static org.awardinghub.query.certification.CertificationHistories.K2A;
import static org.awardinghub.query.certification.CertificationHistories.everyEvent;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.stream.Stream;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.events.certification.ClaimStatus;
import org.awardinghub.query.InProcessMongo;
import org.awardinghub.query.Page;
import org.awardinghub.query.Processor;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;

/** The certification queries as the API sends them, through a real Axon query bus, and the processor's name. */
class CertificationQueryBusTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private QueryGateway queries;

    @BeforeEach
    void setUp() {
        MongoDatabase database = mongo.freshDatabase();
        List<Object> projections = List.of(
                new ClaimProjection(database),
                new CertificateProjection(database),
                new CandidateCertificatesProjection(database));
        new Processor(projections.toArray()).deliver(everyEvent());
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        projections.forEach(projection -> new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus));
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    @Test
    void givenClaims_whenClaimAndQueueAsked_thenAnsweredThroughTheBus() {
        ClaimView q1 = queries.query(new FindClaim("q1"), ClaimView.class).join();
        assertThat(q1.status()).isEqualTo(ClaimStatus.ISSUED);
        assertThat(q1.certificateNumber()).isEqualTo(K1C);
        assertThat(queries.query(new FindClaim("q0"), ClaimView.class).join()).isNull();

        @SuppressWarnings("unchecked")
        Page<ClaimView> queue = queries.query(
                        new ListClaims(null, ClaimStatus.AWAITING_APPROVAL, 0, 10),
                        ResponseTypes.instanceOf(Page.class))
                .join();
        assertThat(queue.items()).extracting(ClaimView::claimId).containsExactly("q5", "q9", "q7", "q8");
        assertThat(queue.total()).isEqualTo(4);
    }

    @Test
    void givenCertificates_whenNumberAndCandidatesCertificatesAsked_thenAnsweredThroughTheBus() {
        assertThat(queries.query(new FindCertificate(K2A), CertificateView.class)
                        .join()
                        .status())
                .isEqualTo(CertificateStatus.REVOKED);
        assertThat(queries.query(new FindCertificate("ZZZZZZZZZZ"), CertificateView.class)
                        .join())
                .isNull();

        List<CertificateView> k1 = queries.query(
                        new ListCandidateCertificates("k1"), ResponseTypes.multipleInstancesOf(CertificateView.class))
                .join();
        assertThat(k1).extracting(CertificateView::certificateNumber).containsExactly(K1A, K1B, K1C);
        assertThat(queries.query(
                                new ListCandidateCertificates("k9"),
                                ResponseTypes.multipleInstancesOf(CertificateView.class))
                        .join())
                .isEmpty();
    }

    @Test
    void projectionsBelongToTheCertificationProcessor() {
        assertThat(Stream.of(ClaimProjection.class, CertificateProjection.class, CandidateCertificatesProjection.class)
                        .map(projection ->
                                projection.getAnnotation(ProcessingGroup.class).value()))
                .containsOnly(ClaimProjection.PROCESSING_GROUP)
                .containsOnly("certification");
    }

    @Test
    void projectionsAreFoundByTheApplicationsComponentScan() {
        // the application scans org.awardinghub, as it finds every other projection
        ClassPathScanningCandidateComponentProvider scan = new ClassPathScanningCandidateComponentProvider(true);

        List<String> found = scan.findCandidateComponents("org.awardinghub.query").stream()
                .map(BeanDefinition::getBeanClassName)
                .toList();

        assertThat(found)
                .contains(
                        ClaimProjection.class.getName(),
                        CertificateProjection.class.getName(),
                        CandidateCertificatesProjection.class.getName());
    }
}
