package org.awardinghub.query.consideration;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;
import static org.awardinghub.query.ReadModelCollection.ID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
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
 * The {@value #COLLECTION} read model ({@code _id} = application id), in the portal's processor: each application
 * for special consideration as its {@link ConsiderationView}, guarded by the application's aggregate sequence, so
 * that an event delivered twice changes nothing and a replay rebuilds it. Lists filter by centre, candidate and
 * status; real MongoDB serves them from the index on {@code (centreId, appliedAt)}, the embedded store scans the
 * collection — applications are few beside attempts, and no candidate's sitting waits on them.
 */
@Component
@ProcessingGroup("portal")
public class ConsiderationProjection {

    public static final String COLLECTION = "special_considerations";

    private static final String CENTRE_ID = "centreId";
    private static final String CANDIDATE_ID = "candidateId";
    private static final String APPLIED_AT = "appliedAt";

    private static final DocumentMapper<ConsiderationView> VIEW = DocumentMapper.of(ConsiderationView.class);

    private final ReadModelCollection considerations;

    public ConsiderationProjection(MongoDatabase database) {
        this.considerations = new ReadModelCollection(database, COLLECTION);
        considerations.ensureIndex(
                Indexes.compoundIndex(Indexes.ascending(CENTRE_ID), Indexes.descending(APPLIED_AT, ID)));
        considerations.ensureIndex(Indexes.ascending(CANDIDATE_ID));
    }

    @EventHandler
    void on(SpecialConsiderationApplied event, @SequenceNumber long sequence) {
        considerations.insert(
                event.considerationId(),
                sequence,
                VIEW.toDocument(new ConsiderationView(
                        event.considerationId(),
                        event.attemptId(),
                        event.candidateId(),
                        event.centreId(),
                        event.qualificationCode(),
                        event.assessmentCode(),
                        event.circumstance(),
                        event.incidentId(),
                        event.description(),
                        event.evidence(),
                        ConsiderationView.PENDING,
                        event.appliedByUserId(),
                        event.appliedByPin(),
                        event.appliedAt(),
                        null,
                        null,
                        null,
                        null,
                        null)));
    }

    @EventHandler
    void on(SpecialConsiderationDecided event, @SequenceNumber long sequence) {
        changed(
                event.considerationId(),
                sequence,
                VIEW.changing(view -> view.decided(
                        event.decision(),
                        event.reason(),
                        event.decidedByUserId(),
                        event.decidedByPin(),
                        event.decidedAt())));
    }

    /**
     * The candidate erased (ADR 0165): each of their applications keeps its circumstance and decision, with the
     * description and reason "(erased)" and no evidence file. Its document stays guarded by its own sequence.
     */
    @EventHandler
    void on(CandidateErased event) {
        for (String considerationId : considerations.ids(eq(CANDIDATE_ID, event.candidateId()))) {
            considerations.rewrite(considerationId, VIEW.changing(ConsiderationView::withoutPersonalData));
        }
    }

    /** A later event changes the document its creation event made; without one there is nothing to change. */
    private void changed(String id, long sequence, UnaryOperator<Document> change) {
        if (considerations.find(id) != null) {
            considerations.replace(id, sequence, change);
        }
    }

    @ResetHandler
    void reset() {
        considerations.deleteAll();
    }

    @QueryHandler
    ConsiderationView handle(FindConsideration query) {
        return VIEW.fromDocument(considerations.find(query.considerationId()));
    }

    /** Declared raw: Axon matches {@code ResponseTypes.instanceOf(Page.class)} only against a plain class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListConsiderations query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.centreId() != null) {
            conditions.add(eq(CENTRE_ID, query.centreId()));
        }
        if (query.candidateId() != null) {
            conditions.add(eq(CANDIDATE_ID, query.candidateId()));
        }
        if (query.status() != null) {
            conditions.add(eq("status", query.status()));
        }
        Bson filter =
                conditions.isEmpty() ? new Document() : conditions.size() == 1 ? conditions.get(0) : and(conditions);
        return considerations.page(filter, descending(APPLIED_AT, ID), query.page(), query.size(), VIEW::fromDocument);
    }
}
