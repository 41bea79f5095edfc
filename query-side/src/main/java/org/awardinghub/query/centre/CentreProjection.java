package org.awardinghub.query.centre;

import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.addToSet;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.pull;
import static com.mongodb.client.model.Updates.set;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.date;
import static org.awardinghub.query.ReadModelCollection.enumValue;
import static org.awardinghub.query.ReadModelCollection.instant;
import static org.awardinghub.query.ReadModelCollection.orEmpty;
import static org.awardinghub.query.ReadModelCollection.sortKey;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreDetailsAmended;
import org.awardinghub.events.centre.CentreQualificationApproved;
import org.awardinghub.events.centre.CentreQualificationRemoved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.CentreStatus;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.DirectClaimStatusRemoved;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** Centre profiles: one document per centre in {@value #COLLECTION}. */
@Component
@ProcessingGroup("hub")
public class CentreProjection {

    public static final String COLLECTION = "centres";

    private static final String NAME_KEY = "nameKey";
    private static final String STATUS = "status";
    private static final String CENTRE_NUMBER = "centreNumber";

    private final ReadModelCollection centres;

    public CentreProjection(MongoDatabase database) {
        this.centres = new ReadModelCollection(database, COLLECTION);
        centres.ensureIndex(Indexes.ascending(NAME_KEY, ID));
        // the list filtered by status, in the same order
        centres.ensureIndex(Indexes.ascending(STATUS, NAME_KEY, ID));
    }

    @EventHandler
    void on(CentreApplied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        centres.insert(
                event.centreId(),
                sequence,
                new Document()
                        .append("centreNumber", null)
                        .append("name", event.name())
                        .append(NAME_KEY, sortKey(event.name()))
                        .append("address", event.address())
                        .append("contactEmail", event.contactEmail())
                        .append("status", CentreStatus.APPLIED.name())
                        .append("directClaimStatus", false)
                        .append("qualificationCodes", List.of())
                        .append("sanctions", List.of())
                        .append("appliedAt", date(at))
                        .append("approvedAt", null)
                        .append("updatedAt", date(at)));
    }

    @EventHandler
    void on(CentreApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(
                event.centreId(),
                sequence,
                at,
                set("centreNumber", event.centreNumber()),
                set(
                        "qualificationCodes",
                        orEmpty(event.qualificationCodes()).stream().distinct().toList()),
                set("directClaimStatus", event.directClaimStatus()),
                set("status", CentreStatus.APPROVED.name()),
                set("approvedAt", date(at)));
    }

    @EventHandler
    void on(CentreSuspended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.centreId(), sequence, at, set("status", CentreStatus.SUSPENDED.name()));
    }

    @EventHandler
    void on(CentreReinstated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.centreId(), sequence, at, set("status", CentreStatus.APPROVED.name()));
    }

    @EventHandler
    void on(CentreWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.centreId(), sequence, at, set("status", CentreStatus.WITHDRAWN.name()));
    }

    @EventHandler
    void on(DirectClaimStatusGranted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.centreId(), sequence, at, set("directClaimStatus", true));
    }

    @EventHandler
    void on(DirectClaimStatusRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.centreId(), sequence, at, set("directClaimStatus", false));
    }

    @EventHandler
    void on(CentreQualificationApproved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.centreId(), sequence, at, addToSet("qualificationCodes", event.qualificationCode()));
    }

    @EventHandler
    void on(CentreQualificationRemoved event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(event.centreId(), sequence, at, pull("qualificationCodes", event.qualificationCode()));
    }

    @EventHandler
    void on(CentreSanctionImposed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(
                event.centreId(),
                sequence,
                at,
                addToSet("sanctions", event.sanction().name()));
    }

    @EventHandler
    void on(CentreSanctionLifted event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(
                event.centreId(),
                sequence,
                at,
                pull("sanctions", event.sanction().name()));
    }

    @EventHandler
    void on(CentreDetailsAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        change(
                event.centreId(),
                sequence,
                at,
                set("name", event.name()),
                set(NAME_KEY, sortKey(event.name())),
                set("address", event.address()),
                set("contactEmail", event.contactEmail()));
    }

    @ResetHandler
    void reset() {
        centres.deleteAll();
    }

    @QueryHandler
    CentreView handle(FindCentre query) {
        Document centre = centres.find(query.centreId());
        return centre == null ? null : toView(centre);
    }

    /**
     * Declared raw on purpose: Axon matches the API's {@code ResponseTypes.instanceOf(Page.class)} only
     * against a plain class, never against {@code Page<CentreView>}. The items are {@link CentreView}s.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListCentres query) {
        // _id breaks ties between equal names, so that pages neither repeat nor skip a centre
        return centres.page(
                filter(query), ascending(NAME_KEY, ID), query.page(), query.size(), CentreProjection::toView);
    }

    /**
     * The list's filter, said to the store: the centre by its id, the status by equality (served by the status index), and each word of
     * {@code q} as a substring of the lower-cased name or a prefix of the centre number.
     */
    private static Bson filter(ListCentres query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.centreId() != null) {
            conditions.add(Filters.eq(ID, query.centreId()));
        }
        if (query.status() != null) {
            conditions.add(Filters.eq(STATUS, query.status().name()));
        }
        if (query.q() != null) {
            for (String word : query.q().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!word.isEmpty()) {
                    String literal = ReadModelCollection.literal(word);
                    conditions.add(
                            Filters.or(Filters.regex(NAME_KEY, literal), Filters.regex(CENTRE_NUMBER, "^" + literal)));
                }
            }
        }
        return conditions.isEmpty() ? new Document() : Filters.and(conditions);
    }

    private void change(String centreId, long sequence, Instant at, Bson... updates) {
        List<Bson> all = new ArrayList<>(List.of(updates));
        all.add(set("updatedAt", date(at)));
        centres.update(centreId, sequence, combine(all));
    }

    private static CentreView toView(Document centre) {
        return new CentreView(
                centre.getString(ID),
                centre.getString("centreNumber"),
                centre.getString("name"),
                centre.getString("address"),
                centre.getString("contactEmail"),
                enumValue(CentreStatus.class, centre, "status"),
                centre.getBoolean("directClaimStatus", false),
                centre.getList("qualificationCodes", String.class, List.of()).stream()
                        .sorted()
                        .toList(),
                centre.getList("sanctions", String.class, List.of()).stream()
                        .map(Sanction::valueOf)
                        .sorted()
                        .toList(),
                instant(centre, "appliedAt"),
                instant(centre, "approvedAt"),
                instant(centre, "updatedAt"),
                ReadModelCollection.sequence(centre));
    }
}
