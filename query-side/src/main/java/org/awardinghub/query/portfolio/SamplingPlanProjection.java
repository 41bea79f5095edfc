package org.awardinghub.query.portfolio;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import org.awardinghub.events.portfolio.SamplingPlanSet;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * Each centre's IQA sampling plan as last set ({@value #COLLECTION}), so that the centre and IMI can read what its
 * sign-offs are sampled by. Each {@link SamplingPlanSet} replaces the whole plan; the plan's own aggregate sequence
 * guards the document, so an event delivered again or late changes nothing.
 */
@Component
@ProcessingGroup(PortfolioProjection.PROCESSING_GROUP)
class SamplingPlanProjection {

    public static final String COLLECTION = "sampling_plans";

    private static final DocumentMapper<SamplingPlanView> PLAN = DocumentMapper.of(SamplingPlanView.class);

    private final ReadModelCollection plans;

    SamplingPlanProjection(MongoDatabase database) {
        this.plans = new ReadModelCollection(database, COLLECTION);
    }

    @EventHandler
    void on(SamplingPlanSet event, @SequenceNumber long sequence, @Timestamp Instant at) {
        List<SamplingPlanView.Override> overrides = event.overrides() == null
                ? List.of()
                : event.overrides().stream()
                        .map(o -> new SamplingPlanView.Override(o.assessorUserId(), o.unitCode(), o.percent()))
                        .toList();
        SamplingPlanView plan = new SamplingPlanView(
                event.centreId(),
                event.percent(),
                event.newAssessorPercent(),
                event.newAssessorSignOffs(),
                overrides,
                at);
        plans.replace(event.centreId(), sequence, stored -> PLAN.toDocument(plan));
    }

    @ResetHandler
    void reset() {
        plans.deleteAll();
    }

    @QueryHandler
    SamplingPlanView handle(PortfolioQueries.FindSamplingPlan query) {
        return PLAN.fromDocument(plans.find(query.centreId()));
    }
}
