package org.awardinghub.query.certification;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.date;
import static org.awardinghub.query.ReadModelCollection.isoDate;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.ClaimRejected;
import org.awardinghub.events.certification.ClaimStatus;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The {@value #CLAIMS} read model ({@code _id} = claim id): each certificate claim, its status, IMI's decision and
 * its current certificate, stored as the {@link ClaimView} it is read as — {@link FindClaim}, {@link ListClaims}
 * (the approval queue).
 *
 * <p>The certification read models ({@link CertificateProjection}, {@link CandidateCertificatesProjection} beside
 * this one) share the processor named here. It is pooled and sequenced per claim (Axon's default), and a claim
 * document is guarded by its claim's aggregate sequence, like every read model ({@link ReadModelCollection}).
 */
@Component
@ProcessingGroup(ClaimProjection.PROCESSING_GROUP)
public class ClaimProjection {

    /** A pooled processor with several segments; Axon's default sequencing keeps each claim's events in order. */
    public static final String PROCESSING_GROUP = "certification";

    public static final String CLAIMS = "claims";

    // components of ClaimView named by indexes, filters and update operators
    private static final String CENTRE_ID = "centreId";
    private static final String CANDIDATE_ID = "candidateId";
    private static final String STATUS = "status";
    private static final String CLAIMED_AT = "claimedAt";
    private static final String DECIDED_AT = "decidedAt";
    private static final String REASON = "reason";
    private static final String CERTIFICATE_NUMBER = "certificateNumber";
    private static final String ISSUED_ON = "issuedOn";

    private static final DocumentMapper<ClaimView> CLAIM = DocumentMapper.of(ClaimView.class);

    private final ReadModelCollection claims;

    public ClaimProjection(MongoDatabase database) {
        this.claims = new ReadModelCollection(database, CLAIMS);
        // for a real MongoDB; the embedded store ignores non-unique indexes, see handle(ListClaims)
        claims.ensureIndex(Indexes.ascending(CENTRE_ID, CLAIMED_AT, ID));
        claims.ensureIndex(Indexes.ascending(STATUS, CLAIMED_AT, ID));
        claims.ensureIndex(Indexes.ascending(CLAIMED_AT, ID));
        claims.ensureIndex(Indexes.ascending(CANDIDATE_ID));
    }

    /** Every claim starts waiting; a Direct Claim Status centre's is issued by the next event, in the same commit. */
    @EventHandler
    void on(CertificateClaimed event, @SequenceNumber long sequence) {
        claims.insert(
                event.claimId(),
                sequence,
                CLAIM.toDocument(new ClaimView(
                        event.claimId(),
                        event.candidateId(),
                        event.registrationNumber(),
                        event.holderName(),
                        event.centreId(),
                        event.qualificationCode(),
                        ClaimStatus.AWAITING_APPROVAL,
                        event.directClaimStatus(),
                        event.claimedAt(),
                        event.claimedByPin(),
                        null,
                        null,
                        null,
                        null)));
    }

    @EventHandler
    void on(CertificateIssued event, @SequenceNumber long sequence) {
        claims.update(
                event.claimId(),
                sequence,
                combine(
                        set(STATUS, ClaimStatus.ISSUED.name()),
                        set(DECIDED_AT, date(event.issuedAt())),
                        set(CERTIFICATE_NUMBER, event.certificateNumber()),
                        set(ISSUED_ON, isoDate(event.issuedOn()))));
    }

    @EventHandler
    void on(
            ClaimRejected event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        claims.update(
                event.claimId(),
                sequence,
                combine(
                        set(STATUS, ClaimStatus.REJECTED.name()),
                        set(DECIDED_AT, date(at)),
                        set(REASON, reason(event.reason(), metadataReason))));
    }

    /** The claim's current certificate becomes the new number. */
    @EventHandler
    void on(CertificateReplaced event, @SequenceNumber long sequence) {
        claims.update(
                event.claimId(),
                sequence,
                combine(set(CERTIFICATE_NUMBER, event.certificateNumber()), set(ISSUED_ON, isoDate(event.issuedOn()))));
    }

    /**
     * The candidate erased (ADR 0165): each of their claims keeps its status and decision, with the holder's name and
     * a rejection's reason "(erased)". A claim's document stays guarded by its own claim's sequence.
     */
    @EventHandler
    void on(CandidateErased event) {
        for (String claimId : claims.ids(eq(CANDIDATE_ID, event.candidateId()))) {
            claims.rewrite(claimId, CLAIM.changing(ClaimView::withoutPersonalData));
        }
    }

    @ResetHandler
    void reset() {
        claims.deleteAll();
    }

    @QueryHandler
    ClaimView handle(FindClaim query) {
        return CLAIM.fromDocument(claims.find(query.claimId()));
    }

    /**
     * Claims oldest claimed first (ties by claim id, so that pages never repeat or skip one), of one centre and of
     * one status and claimed within the days when given (the days' range on {@code claimedAt}, after the centre or
     * status in the same indexes). Declared raw on purpose: Axon matches the API's {@code ResponseTypes.instanceOf(Page.class)}
     * only against a plain class. The items are {@link ClaimView}s. Real MongoDB serves it from the indexes on
     * {@code (centreId, claimedAt, _id)}, {@code (status, claimedAt, _id)} and {@code (claimedAt, _id)}; the embedded
     * store ignores non-unique indexes and scans {@value #CLAIMS} — acceptable, since claims are few beside candidates
     * (at most a few per candidate, made once a qualification is achieved) and the list is not on a candidate's path.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListClaims query) {
        List<Bson> conditions = new ArrayList<>();
        if (query.centreId() != null) {
            conditions.add(eq(CENTRE_ID, query.centreId()));
        }
        if (query.status() != null) {
            conditions.add(eq(STATUS, query.status().name()));
        }
        conditions.addAll(ReadModelCollection.onDays(CLAIMED_AT, query.claimedFrom(), query.claimedTo()));
        Bson filter =
                conditions.isEmpty() ? new Document() : conditions.size() == 1 ? conditions.get(0) : and(conditions);
        return claims.page(filter, ascending(CLAIMED_AT, ID), query.page(), query.size(), CLAIM::fromDocument);
    }

    /** The event's own reason when it carries one, otherwise the one in its metadata. */
    static String reason(String eventReason, String metadataReason) {
        return eventReason != null && !eventReason.isBlank() ? eventReason : metadataReason;
    }
}
