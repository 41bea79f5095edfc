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
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.certification.CertificateClaimed;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.CertificateStatus;
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
 * Certificate claims and the certificates they produced, in three read models kept from the claim's events:
 *
 * <ul>
 *   <li>{@value #CLAIMS} ({@code _id} = claim id): the claim, its status, IMI's decision and its current
 *       certificate, stored as the {@link ClaimView} it is read as — {@link FindClaim}, {@link ListClaims} (the
 *       approval queue);</li>
 *   <li>{@value #CERTIFICATES} ({@code _id} = certificate number): every number ever issued, VALID, REPLACED (with
 *       the number that replaced it) or REVOKED (from a date, with the reason), stored as an {@link IssuedCertificate}
 *       — {@link FindCertificate};</li>
 *   <li>{@value #CANDIDATE_CERTIFICATES} ({@code _id} = candidate id): every number the candidate has held, oldest
 *       first, kept current, so that {@link ListCandidateCertificates} is a key lookup, never a scan. Each entry is
 *       the number's {@link IssuedCertificate} with the number under {@code certificateNumber}.</li>
 * </ul>
 *
 * <p>The processor is pooled and sequenced per claim (Axon's default). A claim document is guarded by its claim's
 * aggregate sequence, like every read model ({@link ReadModelCollection}). So is each certificate document, though
 * one claim produces several numbers (replacements): each number's document is written only by its own claim's
 * events, so the claim's sequence still only grows on it. A candidate's document gathers the numbers of several
 * claims, which different threads may handle at once: there each entry keeps the sequence of its claim's last
 * applied event ({@value #ENTRY_SEQUENCE}) and the document is written with a versioned compare-and-set
 * ({@link ReadModelCollection#updateVersioned}), retried when another claim's event got in between.
 *
 * <p>The candidate's own status (CERTIFICATED, or REGISTERED again after a revocation) is recorded on the
 * candidate's stream and kept by the portal's {@code CandidateProjection}, not here.
 */
@Component
@ProcessingGroup(CertificationProjection.PROCESSING_GROUP)
public class CertificationProjection {

    /** A pooled processor with several segments; Axon's default sequencing keeps each claim's events in order. */
    public static final String PROCESSING_GROUP = "certification";

    public static final String CLAIMS = "claims";
    public static final String CERTIFICATES = "certificates";
    public static final String CANDIDATE_CERTIFICATES = "candidate_certificates";

    static final String ENTRY_SEQUENCE = "seq";

    // components of ClaimView and IssuedCertificate named by indexes, filters, update operators and entries
    private static final String CENTRE_ID = "centreId";
    private static final String STATUS = "status";
    private static final String CLAIMED_AT = "claimedAt";
    private static final String DECIDED_AT = "decidedAt";
    private static final String REASON = "reason";
    private static final String CERTIFICATE_NUMBER = "certificateNumber";
    private static final String ISSUED_ON = "issuedOn";
    private static final String REPLACED_BY = "replacedBy";
    private static final String REVOKED_ON = "revokedOn";

    /** The candidate document's one field: its entries, oldest first. */
    private static final String ENTRIES = "entries";

    private static final DocumentMapper<ClaimView> CLAIM = DocumentMapper.of(ClaimView.class);
    private static final DocumentMapper<IssuedCertificate> CERTIFICATE = DocumentMapper.of(IssuedCertificate.class);

    /**
     * A candidate's numbers in the order they were issued: by the instant each was issued (a replacement's is its
     * event's time), then claim and number — all from the events, so a replay writes the same order whatever order
     * the segments ran in.
     */
    private static final Comparator<IssuedCertificate> OLDEST_FIRST = Comparator.comparing(
                    IssuedCertificate::issuedAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(IssuedCertificate::claimId)
            .thenComparing(IssuedCertificate::certificateNumber);

    private final ReadModelCollection claims;
    private final ReadModelCollection certificates;
    private final ReadModelCollection candidateCertificates;

    public CertificationProjection(MongoDatabase database) {
        this.claims = new ReadModelCollection(database, CLAIMS);
        this.certificates = new ReadModelCollection(database, CERTIFICATES);
        this.candidateCertificates = new ReadModelCollection(database, CANDIDATE_CERTIFICATES);
        // for a real MongoDB; the embedded store ignores non-unique indexes, see handle(ListClaims)
        claims.ensureIndex(Indexes.ascending(CENTRE_ID, CLAIMED_AT, ID));
        claims.ensureIndex(Indexes.ascending(STATUS, CLAIMED_AT, ID));
        claims.ensureIndex(Indexes.ascending(CLAIMED_AT, ID));
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
        IssuedCertificate certificate = IssuedCertificate.valid(
                event.certificateNumber(),
                event.claimId(),
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                event.holderName(),
                event.issuedOn(),
                event.issuedAt());
        certificates.insert(event.certificateNumber(), sequence, CERTIFICATE.toDocument(certificate));
        Map<String, UnaryOperator<IssuedCertificate>> changes = new LinkedHashMap<>();
        changes.put(event.certificateNumber(), entry -> entry != null ? null : certificate);
        changeCandidateCertificates(event.candidateId(), sequence, changes);
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

    /**
     * The claim's current certificate becomes the new number. The replaced number stays, as REPLACED: it points to
     * its successor and keeps the reason it was replaced for; the new one is VALID, with the name printed on it.
     */
    @EventHandler
    void on(
            CertificateReplaced event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        String reason = reason(event.reason(), metadataReason);
        claims.update(
                event.claimId(),
                sequence,
                combine(set(CERTIFICATE_NUMBER, event.certificateNumber()), set(ISSUED_ON, isoDate(event.issuedOn()))));
        Bson replaced = combine(
                set(STATUS, CertificateStatus.REPLACED.name()),
                set(REPLACED_BY, event.certificateNumber()),
                set(REASON, reason));
        certificates.update(event.replacedNumber(), sequence, replaced);
        IssuedCertificate certificate = IssuedCertificate.valid(
                event.certificateNumber(),
                event.claimId(),
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                event.holderName(),
                event.issuedOn(),
                at);
        certificates.insert(event.certificateNumber(), sequence, CERTIFICATE.toDocument(certificate));
        Map<String, UnaryOperator<IssuedCertificate>> changes = new LinkedHashMap<>();
        changes.put(
                event.replacedNumber(),
                entry -> entry == null ? null : entry.replaced(event.certificateNumber(), reason));
        changes.put(event.certificateNumber(), entry -> entry != null ? null : certificate);
        changeCandidateCertificates(event.candidateId(), sequence, changes);
    }

    /** The certificate is what is revoked: the claim stays ISSUED, its decision unchanged. */
    @EventHandler
    void on(
            CertificateRevoked event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        String reason = reason(event.reason(), metadataReason);
        certificates.update(
                event.certificateNumber(),
                sequence,
                combine(
                        set(STATUS, CertificateStatus.REVOKED.name()),
                        set(REVOKED_ON, isoDate(event.revokedOn())),
                        set(REASON, reason)));
        Map<String, UnaryOperator<IssuedCertificate>> changes = new LinkedHashMap<>();
        changes.put(
                event.certificateNumber(), entry -> entry == null ? null : entry.revoked(event.revokedOn(), reason));
        changeCandidateCertificates(event.candidateId(), sequence, changes);
    }

    @ResetHandler
    void reset() {
        claims.deleteAll();
        certificates.deleteAll();
        candidateCertificates.deleteAll();
    }

    @QueryHandler
    ClaimView handle(FindClaim query) {
        return CLAIM.fromDocument(claims.find(query.claimId()));
    }

    /**
     * Claims oldest claimed first (ties by claim id, so that pages never repeat or skip one), of one centre and of
     * one status when given. Declared raw on purpose: Axon matches the API's {@code ResponseTypes.instanceOf(Page.class)}
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
        Bson filter =
                conditions.isEmpty() ? new Document() : conditions.size() == 1 ? conditions.get(0) : and(conditions);
        return claims.page(filter, ascending(CLAIMED_AT, ID), query.page(), query.size(), CLAIM::fromDocument);
    }

    /** Any number ever issued, whatever it verifies as now; what to show of a REPLACED one is the API's to decide. */
    @QueryHandler
    CertificateView handle(FindCertificate query) {
        IssuedCertificate certificate = CERTIFICATE.fromDocument(certificates.find(query.certificateNumber()));
        return certificate == null ? null : certificate.view();
    }

    /** Every number the candidate has held, oldest first: one key lookup. Empty for an unknown candidate. */
    @QueryHandler
    List<CertificateView> handle(ListCandidateCertificates query) {
        return entries(candidateCertificates.find(query.candidateId())).stream()
                .map(entry -> fromEntry(entry).view())
                .toList();
    }

    /**
     * Applies one claim's event to entries of the candidate's document, by certificate number. Each change gets its
     * entry (null when there is none) and answers the entry to store, or null for nothing. An entry already at or
     * past this sequence is left alone: the event was applied to it before. Nothing is written when no entry
     * changes.
     */
    private void changeCandidateCertificates(
            String candidateId, long sequence, Map<String, UnaryOperator<IssuedCertificate>> changes) {
        candidateCertificates.updateVersioned(candidateId, stored -> {
            List<Document> entries = new ArrayList<>(entries(stored));
            boolean changed = false;
            for (Map.Entry<String, UnaryOperator<IssuedCertificate>> change : changes.entrySet()) {
                int index = indexOf(entries, change.getKey());
                Document entry = index < 0 ? null : entries.get(index);
                if (entry != null && entry.get(ENTRY_SEQUENCE, Number.class).longValue() >= sequence) {
                    continue;
                }
                IssuedCertificate next = change.getValue().apply(entry == null ? null : fromEntry(entry));
                if (next == null) {
                    continue;
                }
                Document written = toEntry(next).append(ENTRY_SEQUENCE, sequence);
                if (index < 0) {
                    entries.add(written);
                } else {
                    entries.set(index, written);
                }
                changed = true;
            }
            if (!changed) {
                return null;
            }
            entries.sort(Comparator.comparing(CertificationProjection::fromEntry, OLDEST_FIRST));
            return new Document(ENTRIES, entries);
        });
    }

    private static List<Document> entries(Document candidate) {
        return candidate == null ? List.of() : candidate.getList(ENTRIES, Document.class, List.of());
    }

    private static int indexOf(List<Document> entries, String certificateNumber) {
        for (int i = 0; i < entries.size(); i++) {
            if (certificateNumber.equals(entries.get(i).getString(CERTIFICATE_NUMBER))) {
                return i;
            }
        }
        return -1;
    }

    /** A candidate's entry for a number: its certificate document, with the number that document has as its id. */
    private static Document toEntry(IssuedCertificate certificate) {
        Document entry = new Document(CERTIFICATE_NUMBER, certificate.certificateNumber());
        entry.putAll(CERTIFICATE.toDocument(certificate));
        return entry;
    }

    private static IssuedCertificate fromEntry(Document entry) {
        return CERTIFICATE.fromDocument(new Document(entry).append(ID, entry.getString(CERTIFICATE_NUMBER)));
    }

    /** The event's own reason when it carries one, otherwise the one in its metadata. */
    private static String reason(String eventReason, String metadataReason) {
        return eventReason != null && !eventReason.isBlank() ? eventReason : metadataReason;
    }
}
