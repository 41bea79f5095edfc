package org.awardinghub.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.query.History.Recorded;
import org.awardinghub.query.centre.CentreProjection;
import org.awardinghub.query.centre.CentreView;
import org.awardinghub.query.centre.FindCentre;
import org.awardinghub.query.centre.ListCentres;
import org.awardinghub.query.hubrequest.FindHubRequest;
import org.awardinghub.query.hubrequest.HubRequestProjection;
import org.awardinghub.query.hubrequest.HubRequestView;
import org.awardinghub.query.hubrequest.ListHubRequests;
import org.awardinghub.query.qualification.FindQualification;
import org.awardinghub.query.qualification.ListQualifications;
import org.awardinghub.query.qualification.QualificationProjection;
import org.awardinghub.query.qualification.QualificationView;
import org.awardinghub.query.user.FindUser;
import org.awardinghub.query.user.ListCentreUsers;
import org.awardinghub.query.user.ListImiStaff;
import org.awardinghub.query.user.UserProjection;
import org.awardinghub.query.user.UserView;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.DefaultQueryGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.axonframework.queryhandling.annotation.AnnotationQueryHandlerAdapter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The queries as the API sends them, through a real Axon query bus, and the processor names it configures. */
class QueryBusTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private QueryGateway queries;
    private CentreProjection centres;
    private UserProjection users;

    @BeforeEach
    void setUp() {
        MongoDatabase database = mongo.freshDatabase();
        SimpleQueryBus bus = SimpleQueryBus.builder().build();
        centres = new CentreProjection(database);
        users = new UserProjection(database);
        for (Object projection :
                List.of(centres, users, new HubRequestProjection(database), new QualificationProjection(database))) {
            new AnnotationQueryHandlerAdapter<>(projection).subscribe(bus);
        }
        queries = DefaultQueryGateway.builder().queryBus(bus).build();
    }

    @Test
    void givenNothing_whenFindQueriesSent_thenNullAnswers() {
        assertThat(queries.query(new FindCentre("c9"), CentreView.class).join()).isNull();
        assertThat(queries.query(new FindUser("u9"), UserView.class).join()).isNull();
        assertThat(queries.query(new FindHubRequest("r9"), HubRequestView.class).join())
                .isNull();
        assertThat(queries.query(new FindQualification("X9"), QualificationView.class)
                        .join())
                .isNull();
    }

    @Test
    void givenCentreAndUsers_whenQueriedThroughBus_thenViewsPagesAndLists() {
        Instant at = Instant.parse("2026-01-05T09:00:00Z");
        new Processor(centres)
                .deliver(new Recorded(
                        "c1",
                        0,
                        at,
                        new CentreApplied("c1", "Hertford College", "1 High Street", "office@c1.example")));
        Processor userProcessor = new Processor(users);
        userProcessor.deliver(new Recorded(
                "u1",
                0,
                at,
                new UserCreated("u1", "100001", "Ann Smith", "ann@c1.example", Set.of(Role.CENTRE_ADMIN), "c1")));
        userProcessor.deliver(new Recorded(
                "u2",
                0,
                at,
                new UserCreated("u2", "100002", "Hannah Admin", "h@imi.example", Set.of(Role.IMI_ADMIN), null)));

        assertThat(queries.query(new FindCentre("c1"), CentreView.class).join().name())
                .isEqualTo("Hertford College");
        @SuppressWarnings("unchecked")
        Page<CentreView> page = queries.query(new ListCentres(0, 20), ResponseTypes.instanceOf(Page.class))
                .join();
        assertThat(page.items()).extracting(CentreView::centreId).containsExactly("c1");
        assertThat(queries.query(new ListCentreUsers("c1"), ResponseTypes.multipleInstancesOf(UserView.class))
                        .join())
                .extracting(UserView::userId)
                .containsExactly("u1");
        assertThat(queries.query(new ListImiStaff(), ResponseTypes.multipleInstancesOf(UserView.class))
                        .join())
                .extracting(UserView::userId)
                .containsExactly("u2");
        Page<?> requests = queries.query(new ListHubRequests("c1", 0, 20), ResponseTypes.instanceOf(Page.class))
                .join();
        assertThat(requests.total()).isZero();
        assertThat(queries.query(new ListQualifications(), ResponseTypes.multipleInstancesOf(QualificationView.class))
                        .join())
                .isEmpty();
    }

    @Test
    void projectionsBelongToTheHubAndCatalogueProcessors() {
        assertThat(List.of(CentreProjection.class, UserProjection.class, HubRequestProjection.class))
                .allSatisfy(type -> assertThat(
                                type.getAnnotation(ProcessingGroup.class).value())
                        .isEqualTo("hub"));
        assertThat(QualificationProjection.class
                        .getAnnotation(ProcessingGroup.class)
                        .value())
                .isEqualTo("catalogue");
    }
}
