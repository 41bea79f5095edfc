package org.awardinghub.query.hubrequest;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.descending;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.date;
import static org.awardinghub.query.ReadModelCollection.enumValue;
import static org.awardinghub.query.ReadModelCollection.instant;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.List;
import org.awardinghub.events.hubrequest.HubRequestClosed;
import org.awardinghub.events.hubrequest.HubRequestKind;
import org.awardinghub.events.hubrequest.HubRequestRaised;
import org.awardinghub.events.hubrequest.HubRequestReplied;
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

/** Hub requests between centres and IMI: one document per request, replies inside, in {@value #COLLECTION}. */
@Component
@ProcessingGroup("hub")
public class HubRequestProjection {

    public static final String COLLECTION = "hub_requests";

    private static final String CENTRE_ID = "centreId";
    private static final String RAISED_AT = "raisedAt";

    private final ReadModelCollection requests;

    public HubRequestProjection(MongoDatabase database) {
        this.requests = new ReadModelCollection(database, COLLECTION);
        requests.ensureIndex(Indexes.compoundIndex(Indexes.ascending(CENTRE_ID), Indexes.descending(RAISED_AT, ID)));
    }

    @EventHandler
    void on(HubRequestRaised event, @SequenceNumber long sequence, @Timestamp Instant at) {
        requests.insert(
                event.requestId(),
                sequence,
                new Document()
                        .append(CENTRE_ID, event.centreId())
                        .append(
                                "kind",
                                event.kind() == null ? null : event.kind().name())
                        .append("subject", event.subject())
                        .append("body", event.body())
                        .append("status", HubRequestView.OPEN)
                        .append("raisedByUserId", event.raisedByUserId())
                        .append(RAISED_AT, date(at))
                        .append("replies", List.of())
                        .append("closedAt", null)
                        .append("closeReason", null));
    }

    @EventHandler
    void on(HubRequestReplied event, @SequenceNumber long sequence, @Timestamp Instant at) {
        // the sequence guard is what keeps a redelivered reply from being appended twice
        requests.update(
                event.requestId(),
                sequence,
                push(
                        "replies",
                        new Document()
                                .append("replyNumber", event.replyNumber())
                                .append("body", event.body())
                                .append("fromImi", event.fromImi())
                                .append("repliedByUserId", event.repliedByUserId())
                                .append("at", date(at))));
    }

    @EventHandler
    void on(HubRequestClosed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        requests.update(
                event.requestId(),
                sequence,
                combine(
                        set("status", HubRequestView.CLOSED),
                        set("closedAt", date(at)),
                        set("closeReason", event.reason())));
    }

    @ResetHandler
    void reset() {
        requests.deleteAll();
    }

    @QueryHandler
    HubRequestView handle(FindHubRequest query) {
        Document request = requests.find(query.requestId());
        return request == null ? null : toView(request);
    }

    /**
     * Declared raw on purpose: Axon matches the API's {@code ResponseTypes.instanceOf(Page.class)} only
     * against a plain class, never against {@code Page<HubRequestView>}. The items are {@link HubRequestView}s.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListHubRequests query) {
        // strictly one centre's: a null centre lists nothing rather than everyone's requests
        if (query.centreId() == null) {
            return ReadModelCollection.emptyPage(query.page(), query.size());
        }
        return requests.page(
                query.status() == null
                        ? eq(CENTRE_ID, query.centreId())
                        : and(eq(CENTRE_ID, query.centreId()), eq("status", query.status())),
                descending(RAISED_AT, ID),
                query.page(),
                query.size(),
                HubRequestProjection::toView);
    }

    /** Raw for the same reason as above; for IMI staff only, which the API checks. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListAllHubRequests query) {
        Bson filter = query.status() == null ? new Document() : eq("status", query.status());
        return requests.page(
                filter, descending(RAISED_AT, ID), query.page(), query.size(), HubRequestProjection::toView);
    }

    private static HubRequestView toView(Document request) {
        List<HubRequestView.Reply> replies = request.getList("replies", Document.class, List.of()).stream()
                .map(reply -> new HubRequestView.Reply(
                        reply.getInteger("replyNumber", 0),
                        reply.getString("body"),
                        reply.getBoolean("fromImi", false),
                        reply.getString("repliedByUserId"),
                        instant(reply, "at")))
                .toList();
        return new HubRequestView(
                request.getString(ID),
                request.getString(CENTRE_ID),
                enumValue(HubRequestKind.class, request, "kind"),
                request.getString("subject"),
                request.getString("body"),
                request.getString("status"),
                request.getString("raisedByUserId"),
                instant(request, RAISED_AT),
                replies,
                instant(request, "closedAt"),
                request.getString("closeReason"));
    }
}
