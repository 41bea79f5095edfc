package org.awardinghub.query.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.List;
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

/** The portal's queries as the API sends them, through a real Axon query bus, and its processor's name. */
class PortalQueryBusTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private QueryGateway queries;

    @BeforeEach
    void setUp() {
        MongoDatabase database = mongo.freshDatabase();
        CandidateProjection candidates = new CandidateProjection(database, new MemoryCandidateSearchIndex());
        CandidateHistoryProjection histories = new CandidateHistoryProjection(database);
        new Processor(candidates).deliver(CandidateHistories.everyEvent());
        new Processor(histories).deliver(CandidateHistories.everyEvent());
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        new AnnotationQueryHandlerAdapter<>(candidates).subscribe(bus);
        new AnnotationQueryHandlerAdapter<>(histories).subscribe(bus);
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    @Test
    void givenCandidates_whenQueriedThroughTheBus_thenViewPageAndHistory() {
        assertThat(queries.query(new FindCandidate("k1"), CandidateView.class)
                        .join()
                        .lastName())
                .isEqualTo("O'Brien");
        assertThat(queries.query(new FindCandidate("k9"), CandidateView.class).join())
                .isNull();

        @SuppressWarnings("unchecked")
        Page<CandidateSummary> page = queries.query(
                        new SearchCandidates("c2", null, null, null, 0, 10), ResponseTypes.instanceOf(Page.class))
                .join();
        assertThat(page.items()).extracting(CandidateSummary::candidateId).containsExactly("k3", "k2");

        List<CandidateHistoryEntry> history = queries.query(
                        new FindCandidateHistory("k2"), ResponseTypes.multipleInstancesOf(CandidateHistoryEntry.class))
                .join();
        assertThat(history).hasSize(4);
        assertThat(queries.query(
                                new FindCandidateHistory("k9"),
                                ResponseTypes.multipleInstancesOf(CandidateHistoryEntry.class))
                        .join())
                .isEmpty();
    }

    @Test
    void projectionsBelongToThePortalProcessor() {
        assertThat(List.of(CandidateProjection.class, CandidateHistoryProjection.class))
                .allSatisfy(type -> assertThat(
                                type.getAnnotation(ProcessingGroup.class).value())
                        .isEqualTo("portal"));
    }
}
