package org.awardinghub.query.arrangement;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static org.awardinghub.query.ReadModelCollection.ID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.List;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.AccessArrangementWithdrawn;
import org.awardinghub.events.arrangement.ArrangementStatus;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.query.DocumentBatch;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.awardinghub.query.candidate.CandidateProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * Access arrangements (ADR 0153): one {@link ArrangementView} per arrangement in {@value #COLLECTION}, for the
 * centre's candidate page and IMI's queue. In the candidates' processor ({@code portal}): arrangements are read
 * beside the candidate. Each write is guarded by the arrangement's sequence, so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(CandidateProjection.PROCESSING_GROUP)
public class ArrangementProjection {

    public static final String COLLECTION = "access_arrangements";

    private static final DocumentMapper<ArrangementView> ARRANGEMENT = DocumentMapper.of(ArrangementView.class);
    private static final String CANDIDATE_ID = "candidateId";
    private static final String STATUS = "status";
    private static final String REQUESTED_AT = "requestedAt";

    private final ReadModelCollection arrangements;
    private final DocumentBatch writes;

    public ArrangementProjection(MongoDatabase database) {
        this.arrangements = new ReadModelCollection(database, COLLECTION);
        this.writes = new DocumentBatch(arrangements);
        arrangements.ensureIndex(
                Indexes.compoundIndex(Indexes.ascending(CANDIDATE_ID), Indexes.descending(REQUESTED_AT)));
        arrangements.ensureIndex(Indexes.compoundIndex(Indexes.ascending(STATUS), Indexes.ascending(REQUESTED_AT)));
    }

    @EventHandler
    void on(AccessArrangementRequested event, @SequenceNumber long sequence) {
        writes.insert(
                event.arrangementId(),
                sequence,
                ARRANGEMENT.toDocument(new ArrangementView(
                        event.arrangementId(),
                        event.candidateId(),
                        event.centreId(),
                        event.kind(),
                        event.extraTimePercent(),
                        event.textSize(),
                        event.colourScheme(),
                        event.reason(),
                        event.evidence() == null
                                ? null
                                : new ArrangementView.Evidence(
                                        event.evidence().fileName(),
                                        event.evidence().mediaType(),
                                        event.evidence().size(),
                                        event.evidence().sha256()),
                        ArrangementStatus.PENDING,
                        event.requestedByUserId(),
                        event.requestedByPin(),
                        event.requestedAt(),
                        false,
                        null,
                        null,
                        null,
                        null,
                        null)));
    }

    @EventHandler
    void on(AccessArrangementApproved event, @SequenceNumber long sequence) {
        writes.change(
                event.arrangementId(),
                sequence,
                ARRANGEMENT.changing(view -> view.decided(
                        ArrangementStatus.APPROVED,
                        event.automatically(),
                        event.reason(),
                        event.automatically() ? AuditMetadata.SYSTEM_ACTOR : event.approvedByUserId(),
                        event.approvedByPin(),
                        event.approvedAt())));
    }

    @EventHandler
    void on(AccessArrangementRejected event, @SequenceNumber long sequence) {
        writes.change(
                event.arrangementId(),
                sequence,
                ARRANGEMENT.changing(view -> view.decided(
                        ArrangementStatus.REJECTED,
                        false,
                        event.reason(),
                        event.rejectedByUserId(),
                        event.rejectedByPin(),
                        event.rejectedAt())));
    }

    @EventHandler
    void on(AccessArrangementWithdrawn event, @SequenceNumber long sequence) {
        writes.change(
                event.arrangementId(),
                sequence,
                ARRANGEMENT.changing(view -> view.withdrawn(new ArrangementView.Withdrawal(
                        event.reason(), event.withdrawnByUserId(), event.withdrawnByPin(), event.withdrawnAt()))));
    }

    /**
     * The candidate erased (ADR 0165): each of their arrangements keeps what was asked for and its status, with every
     * reason "(erased)" and no evidence file; through the batch, as every write here. Each document stays guarded by
     * its own arrangement's sequence.
     */
    @EventHandler
    void on(CandidateErased event) {
        for (String arrangementId : writes.idsWhere(CANDIDATE_ID, event.candidateId())) {
            writes.rewrite(arrangementId, ARRANGEMENT.changing(ArrangementView::withoutPersonalData));
        }
    }

    @ResetHandler
    void reset() {
        arrangements.deleteAll();
    }

    @QueryHandler
    ArrangementView handle(FindArrangement query) {
        return query.arrangementId() == null
                ? null
                : ARRANGEMENT.fromDocument(arrangements.find(query.arrangementId()));
    }

    /** Raw, as Axon matches {@code ResponseTypes.instanceOf(Page.class)} only against a plain class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListCandidateArrangements query) {
        if (query.candidateId() == null) {
            return ReadModelCollection.emptyPage(query.page(), query.size());
        }
        return listed(
                eq(CANDIDATE_ID, query.candidateId()),
                descending(REQUESTED_AT, ID),
                query.page(),
                query.size(),
                query.all());
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListArrangementQueue query) {
        return listed(
                eq(STATUS, ArrangementStatus.PENDING.name()),
                ascending(REQUESTED_AT, ID),
                query.page(),
                query.size(),
                query.all());
    }

    private Page<ArrangementView> listed(Bson filter, Bson sort, int page, int size, boolean all) {
        if (all) {
            List<ArrangementView> every = arrangements.list(filter, sort, ARRANGEMENT::fromDocument);
            return new Page<>(every, 0, every.size(), every.size());
        }
        return arrangements.page(filter, sort, page, size, ARRANGEMENT::fromDocument);
    }
}
