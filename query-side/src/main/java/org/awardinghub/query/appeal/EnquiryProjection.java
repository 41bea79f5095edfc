package org.awardinghub.query.appeal;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;
import static org.awardinghub.query.ReadModelCollection.ID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awardinghub.events.appeal.AppealDecided;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ClericalReCheckCompleted;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The {@value #COLLECTION} read model ({@code _id} = enquiry id), in the portal's processor: each enquiry about a
 * result with its re-check and appeal, as its {@link EnquiryView}, guarded by the enquiry's aggregate sequence (an
 * event delivered twice changes nothing; a replay rebuilds it). Lists filter by centre, candidate and stage, as
 * {@link org.awardinghub.query.consideration.ConsiderationProjection} does.
 */
@Component
@ProcessingGroup("portal")
public class EnquiryProjection {

    public static final String COLLECTION = "result_enquiries";

    private static final String CENTRE_ID = "centreId";
    private static final String CANDIDATE_ID = "candidateId";
    private static final String RAISED_AT = "raisedAt";

    private static final DocumentMapper<EnquiryView> VIEW = DocumentMapper.of(EnquiryView.class);

    private final ReadModelCollection enquiries;

    public EnquiryProjection(MongoDatabase database) {
        this.enquiries = new ReadModelCollection(database, COLLECTION);
        enquiries.ensureIndex(Indexes.compoundIndex(Indexes.ascending(CENTRE_ID), Indexes.descending(RAISED_AT, ID)));
        enquiries.ensureIndex(Indexes.ascending(CANDIDATE_ID));
    }

    @EventHandler
    void on(ResultEnquiryRaised event, @SequenceNumber long sequence) {
        enquiries.insert(
                event.enquiryId(),
                sequence,
                VIEW.toDocument(new EnquiryView(
                        event.enquiryId(),
                        event.attemptId(),
                        event.candidateId(),
                        event.centreId(),
                        event.qualificationCode(),
                        event.assessmentCode(),
                        EnquiryView.RAISED,
                        event.reasons(),
                        event.raisedByUserId(),
                        event.raisedAt(),
                        event.outcome(),
                        event.score(),
                        event.maxScore(),
                        null,
                        null)));
    }

    @EventHandler
    void on(ClericalReCheckCompleted event, @SequenceNumber long sequence) {
        EnquiryView.ReCheck reCheck = new EnquiryView.ReCheck(
                event.result(), event.outcome(), event.score(), event.percent(), event.completedAt());
        changed(
                event.enquiryId(),
                sequence,
                VIEW.changing(view -> view.with(EnquiryView.RE_CHECKED, reCheck, view.appeal())));
    }

    @EventHandler
    void on(AppealLodged event, @SequenceNumber long sequence) {
        EnquiryView.Appeal appeal = new EnquiryView.Appeal(
                event.reasons(), event.lodgedByUserId(), event.lodgedAt(), null, null, null, null, null, null, null);
        changed(
                event.enquiryId(),
                sequence,
                VIEW.changing(view -> view.with(EnquiryView.APPEALED, view.reCheck(), appeal)));
    }

    @EventHandler
    void on(AppealDecided event, @SequenceNumber long sequence) {
        changed(
                event.enquiryId(),
                sequence,
                VIEW.changing(view -> view.with(
                        EnquiryView.APPEAL_DECIDED,
                        view.reCheck(),
                        new EnquiryView.Appeal(
                                view.appeal() == null ? null : view.appeal().reasons(),
                                view.appeal() == null ? null : view.appeal().lodgedByUserId(),
                                view.appeal() == null ? null : view.appeal().lodgedAt(),
                                event.decision(),
                                event.outcome(),
                                event.score(),
                                event.reason(),
                                event.decidedByUserId(),
                                event.decidedByPin(),
                                event.decidedAt()))));
    }

    /**
     * The candidate erased (ADR 0165): each of their enquiries keeps its results and stages, with every reason
     * "(erased)". An enquiry's document stays guarded by its own enquiry's sequence.
     */
    @EventHandler
    void on(CandidateErased event) {
        for (String enquiryId : enquiries.ids(eq(CANDIDATE_ID, event.candidateId()))) {
            enquiries.rewrite(enquiryId, VIEW.changing(EnquiryView::withoutPersonalData));
        }
    }

    /** A later event changes the document its creation event made; without one there is nothing to change. */
    private void changed(String id, long sequence, UnaryOperator<Document> change) {
        if (enquiries.find(id) != null) {
            enquiries.replace(id, sequence, change);
        }
    }

    @ResetHandler
    void reset() {
        enquiries.deleteAll();
    }

    @QueryHandler
    EnquiryView handle(FindEnquiry query) {
        return VIEW.fromDocument(enquiries.find(query.enquiryId()));
    }

    /** Declared raw: Axon matches {@code ResponseTypes.instanceOf(Page.class)} only against a plain class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListEnquiries query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.centreId() != null) {
            conditions.add(eq(CENTRE_ID, query.centreId()));
        }
        if (query.candidateId() != null) {
            conditions.add(eq(CANDIDATE_ID, query.candidateId()));
        }
        if (query.stage() != null) {
            conditions.add(eq("stage", query.stage()));
        }
        Bson filter =
                conditions.isEmpty() ? new Document() : conditions.size() == 1 ? conditions.get(0) : and(conditions);
        return enquiries.page(filter, descending(RAISED_AT, ID), query.page(), query.size(), VIEW::fromDocument);
    }
}
