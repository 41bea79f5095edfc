package org.awardinghub.query.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awardinghub.query.assessment.AttemptHistories.ASSESSMENT;
import static org.awardinghub.query.assessment.AttemptHistories.everyEvent;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.stream.Stream;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
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

/** The assessment queries as the API sends them, through a real Axon query bus, and the processors' names. */
class AssessmentQueryBusTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private QueryGateway queries;

    @BeforeEach
    void setUp() {
        MongoDatabase database = mongo.freshDatabase();
        List<Object> projections = List.of(
                new AttemptProjection(database),
                new SittingProjection(database),
                new AnswerTrailProjection(database),
                new CandidateAttemptsProjection(database),
                new ItemStatisticsProjection(database));
        new Processor(projections.toArray()).deliver(everyEvent());
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        projections.forEach(projection -> new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus));
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    @Test
    void givenAttempts_whenAttemptAndCandidatesAttemptsAsked_thenAnsweredThroughTheBus() {
        AttemptView a1 = queries.query(new FindAttempt("a1"), AttemptView.class).join();
        assertThat(a1.candidateId()).isEqualTo("k1");
        assertThat(a1.result().outcome()).isEqualTo(Outcome.FAIL);
        assertThat(a1.marks()).hasSize(3);
        assertThat(queries.query(new FindAttempt("a9"), AttemptView.class).join())
                .isNull();

        List<AttemptSummary> k1 = queries.query(
                        new ListCandidateAttempts("k1"), ResponseTypes.multipleInstancesOf(AttemptSummary.class))
                .join();
        assertThat(k1)
                .extracting(AttemptSummary::attemptId, AttemptSummary::outcome)
                .containsExactly(tuple("a1", Outcome.FAIL), tuple("a2", Outcome.PASS));
        assertThat(queries.query(
                                new ListCandidateAttempts("k9"),
                                ResponseTypes.multipleInstancesOf(AttemptSummary.class))
                        .join())
                .isEmpty();
    }

    @Test
    void givenAttempts_whenCentreListSittingTrailAndStatisticsAsked_thenAnsweredThroughTheBus() {
        @SuppressWarnings("unchecked")
        Page<AttemptSummary> c2 = queries.query(
                        new ListCentreAttempts("c2", AttemptStatus.VOIDED, 0, 10), ResponseTypes.instanceOf(Page.class))
                .join();
        assertThat(c2.items()).extracting(AttemptSummary::attemptId).containsExactly("a6", "a4");

        assertThat(queries.query(new FindSitting("a2"), SittingView.class)
                        .join()
                        .result()
                        .outcome())
                .isEqualTo(Outcome.PASS);
        assertThat(queries.query(new FindSitting("a5"), SittingView.class).join())
                .isNull();
        assertThat(queries.query(new FindAnswerTrail("a1"), AnswerTrail.class)
                        .join()
                        .entries())
                .hasSize(6);

        ItemStatistics overall = queries.query(new ItemStatisticsReport(ASSESSMENT, null), ItemStatistics.class)
                .join();
        assertThat(overall.attempts()).isEqualTo(3);
        assertThat(queries.query(new ItemStatisticsReport("XX01", "c1"), ItemStatistics.class)
                        .join())
                .isEqualTo(new ItemStatistics("XX01", "c1", 0, null, List.of()));
    }

    @Test
    void projectionsBelongToTheAssessmentAndItemStatisticsProcessors() {
        assertThat(Stream.of(
                                AttemptProjection.class,
                                SittingProjection.class,
                                AnswerTrailProjection.class,
                                CandidateAttemptsProjection.class)
                        .map(projection ->
                                projection.getAnnotation(ProcessingGroup.class).value()))
                .containsOnly(AttemptProjection.PROCESSING_GROUP)
                .containsOnly("assessment");
        assertThat(ItemStatisticsProjection.class
                        .getAnnotation(ProcessingGroup.class)
                        .value())
                .isEqualTo(ItemStatisticsProjection.PROCESSING_GROUP)
                .isEqualTo("item-statistics");
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
                        AttemptProjection.class.getName(),
                        SittingProjection.class.getName(),
                        AnswerTrailProjection.class.getName(),
                        CandidateAttemptsProjection.class.getName(),
                        ItemStatisticsProjection.class.getName());
    }
}
