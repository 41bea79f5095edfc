package org.awardinghub.query.invigilation;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;
import static org.awardinghub.query.ReadModelCollection.ID;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.util.List;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.awardinghub.query.assessment.AttemptProjection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

/**
 * The {@value #INCIDENTS} read model ({@code _id} = incident id): every incident recorded in a room, stored as its
 * {@link IncidentView}, read by attempt ({@link ListAttemptIncidents}, through the attempt ids each holds) and by
 * centre ({@link ListCentreIncidents}). An incident is written once; a redelivered event finds it there and
 * changes nothing. It runs in the attempts' processor: incidents are few, and are read beside the attempts.
 */
@Component
@ProcessingGroup(AttemptProjection.PROCESSING_GROUP)
public class IncidentProjection {

    public static final String INCIDENTS = "incidents";

    private static final String CENTRE_ID = "centreId";
    private static final String ATTEMPT_IDS = "attemptIds";
    private static final String OCCURRED_AT = "occurredAt";

    private static final DocumentMapper<IncidentView> INCIDENT = DocumentMapper.of(IncidentView.class);

    private final ReadModelCollection incidents;

    public IncidentProjection(MongoDatabase database) {
        this.incidents = new ReadModelCollection(database, INCIDENTS);
        incidents.ensureIndex(Indexes.compoundIndex(Indexes.ascending(CENTRE_ID), Indexes.descending(OCCURRED_AT, ID)));
        incidents.ensureIndex(Indexes.ascending(ATTEMPT_IDS));
    }

    @EventHandler
    void on(IncidentRecorded event, @SequenceNumber long sequence) {
        incidents.insert(
                event.incidentId(),
                sequence,
                INCIDENT.toDocument(new IncidentView(
                        event.incidentId(),
                        event.centreId(),
                        event.attemptIds(),
                        event.candidateIds(),
                        event.kind(),
                        event.description(),
                        event.occurredAt(),
                        event.recordedByPin(),
                        event.recordedAt())));
    }

    @ResetHandler
    void reset() {
        incidents.deleteAll();
    }

    /** One incident; null for an unknown one. */
    @QueryHandler
    IncidentView handle(FindIncident query) {
        return INCIDENT.fromDocument(incidents.find(query.incidentId()));
    }

    /** An attempt's incidents; a null attempt has none. */
    @QueryHandler
    List<IncidentView> handle(ListAttemptIncidents query) {
        if (query.attemptId() == null) {
            return List.of();
        }
        return incidents.list(eq(ATTEMPT_IDS, query.attemptId()), descending(OCCURRED_AT, ID), INCIDENT::fromDocument);
    }

    /**
     * Declared raw on purpose: Axon matches the API's {@code ResponseTypes.instanceOf(Page.class)} only against a
     * plain class. The items are {@link IncidentView}s. A null centre lists nothing.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListCentreIncidents query) {
        if (query.centreId() == null) {
            return ReadModelCollection.emptyPage(query.page(), query.size());
        }
        return incidents.page(
                eq(CENTRE_ID, query.centreId()),
                descending(OCCURRED_AT, ID),
                query.page(),
                query.size(),
                INCIDENT::fromDocument);
    }
}
