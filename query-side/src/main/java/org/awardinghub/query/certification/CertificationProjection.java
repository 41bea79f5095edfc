package org.awardinghub.query.certification;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.date;
import static org.awardinghub.query.ReadModelCollection.enumValue;
import static org.awardinghub.query.ReadModelCollection.instant;
import static org.awardinghub.query.ReadModelCollection.isoDate;
import static org.awardinghub.query.ReadModelCollection.localDate;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.time.LocalDate;
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
 *       certificate — {@link FindClaim}, {@link ListClaims} (the approval queue);</li>
 *   <li>{@value #CERTIFICATES} ({@code _id} = certificate number): every number ever issued, VALID, REPLACED (with
 *       the number that replaced it) or REVOKED (from a date, with the reason) — {@link FindCertificate};</li>
 *   <li>{@value #CANDIDATE_CERTIFICATES} ({@code _id} = candidate id): every number the candidate has held, oldest
 *       first, kept current, so that {@link ListCandidateCertificates} is a key lookup, never a scan.</li>
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

    private static final String CLAIM_ID = "claimId";
    private static final String CANDIDATE_ID = "candidateId";
    private static final String REGISTRATION_NUMBER = "registrationNumber";
    private static final String HOLDER_NAME = "holderName";
    private static final String CENTRE_ID = "centreId";
    private static final String QUALIFICATION_CODE = "qualificationCode";
    private static final String STATUS = "status";
    private static final String DIRECT_CLAIM_STATUS = "directClaimStatus";
    private static final String CLAIMED_AT = "claimedAt";
    private static final String CLAIMED_BY_PIN = "claimedByPin";
    private static final String DECIDED_AT = "decidedAt";
    private static final String REASON = "reason";
    private static final String CERTIFICATE_NUMBER = "certificateNumber";
    private static final String ISSUED_ON = "issuedOn";
    private static final String ISSUED_AT = "issuedAt";
    private static final String REPLACED_BY = "replacedBy";
    private static final String REVOKED_ON = "revokedOn";
    private static final String ENTRIES = "entries";

    /**
     * A candidate's numbers in the order they were issued: by the instant each was issued (a replacement's is its
     * event's time), then claim and number — all from the events, so a replay writes the same order whatever order
     * the segments ran in.
     */
    private static final Comparator<Document> OLDEST_FIRST = Comparator.comparing(
                    (Document entry) -> entry.getDate(ISSUED_AT), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(entry -> entry.getString(CLAIM_ID))
            .thenComparing(entry -> entry.getString(CERTIFICATE_NUMBER));

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
                new Document()
                        .append(CANDIDATE_ID, event.candidateId())
                        .append(REGISTRATION_NUMBER, event.registrationNumber())
                        .append(HOLDER_NAME, event.holderName())
                        .append(CENTRE_ID, event.centreId())
                        .append(QUALIFICATION_CODE, event.qualificationCode())
                        .append(STATUS, ClaimStatus.AWAITING_APPROVAL.name())
                        .append(DIRECT_CLAIM_STATUS, event.directClaimStatus())
                        .append(CLAIMED_AT, date(event.claimedAt()))
                        .append(CLAIMED_BY_PIN, event.claimedByPin())
                        .append(DECIDED_AT, null)
                        .append(REASON, null)
                        .append(CERTIFICATE_NUMBER, null)
                        .append(ISSUED_ON, null));
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
        Document certificate = validCertificate(
                event.claimId(),
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                event.holderName(),
                event.issuedOn(),
                event.issuedAt());
        certificates.insert(event.certificateNumber(), sequence, certificate);
        Map<String, UnaryOperator<Document>> changes = new LinkedHashMap<>();
        changes.put(
                event.certificateNumber(),
                entry -> entry != null ? null : candidateEntry(event.certificateNumber(), certificate));
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
        Document certificate = validCertificate(
                event.claimId(),
                event.candidateId(),
                event.centreId(),
                event.qualificationCode(),
                event.holderName(),
                event.issuedOn(),
                at);
        certificates.insert(event.certificateNumber(), sequence, certificate);
        Map<String, UnaryOperator<Document>> changes = new LinkedHashMap<>();
        changes.put(
                event.replacedNumber(),
                entry -> entry == null
                        ? null
                        : entry.append(STATUS, CertificateStatus.REPLACED.name())
                                .append(REPLACED_BY, event.certificateNumber())
                                .append(REASON, reason));
        changes.put(
                event.certificateNumber(),
                entry -> entry != null ? null : candidateEntry(event.certificateNumber(), certificate));
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
        Map<String, UnaryOperator<Document>> changes = new LinkedHashMap<>();
        changes.put(
                event.certificateNumber(),
                entry -> entry == null
                        ? null
                        : entry.append(STATUS, CertificateStatus.REVOKED.name())
                                .append(REVOKED_ON, isoDate(event.revokedOn()))
                                .append(REASON, reason));
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
        Document claim = claims.find(query.claimId());
        return claim == null ? null : toClaim(claim);
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
        return claims.page(
                filter, ascending(CLAIMED_AT, ID), query.page(), query.size(), CertificationProjection::toClaim);
    }

    /** Any number ever issued, whatever it verifies as now; what to show of a REPLACED one is the API's to decide. */
    @QueryHandler
    CertificateView handle(FindCertificate query) {
        Document certificate = certificates.find(query.certificateNumber());
        return certificate == null
                ? null
                : toCertificate(certificate.append(CERTIFICATE_NUMBER, certificate.getString(ID)));
    }

    /** Every number the candidate has held, oldest first: one key lookup. Empty for an unknown candidate. */
    @QueryHandler
    List<CertificateView> handle(ListCandidateCertificates query) {
        Document candidate = candidateCertificates.find(query.candidateId());
        return candidate == null
                ? List.of()
                : candidate.getList(ENTRIES, Document.class, List.of()).stream()
                        .map(CertificationProjection::toCertificate)
                        .toList();
    }

    /**
     * Applies one claim's event to entries of the candidate's document, by certificate number. Each change gets a
     * copy of its entry (null when there is none) and answers the entry to store, or null for nothing. An entry
     * already at or past this sequence is left alone: the event was applied to it before. Nothing is written when
     * no entry changes.
     */
    private void changeCandidateCertificates(
            String candidateId, long sequence, Map<String, UnaryOperator<Document>> changes) {
        candidateCertificates.updateVersioned(candidateId, stored -> {
            List<Document> entries = stored == null
                    ? new ArrayList<>()
                    : new ArrayList<>(stored.getList(ENTRIES, Document.class, List.of()));
            boolean changed = false;
            for (Map.Entry<String, UnaryOperator<Document>> change : changes.entrySet()) {
                int index = indexOf(entries, change.getKey());
                Document entry = index < 0 ? null : entries.get(index);
                if (entry != null && entry.get(ENTRY_SEQUENCE, Number.class).longValue() >= sequence) {
                    continue;
                }
                Document next = change.getValue().apply(entry == null ? null : new Document(entry));
                if (next == null) {
                    continue;
                }
                next.put(ENTRY_SEQUENCE, sequence);
                if (index < 0) {
                    entries.add(next);
                } else {
                    entries.set(index, next);
                }
                changed = true;
            }
            if (!changed) {
                return null;
            }
            entries.sort(OLDEST_FIRST);
            return new Document(ENTRIES, entries);
        });
    }

    private static int indexOf(List<Document> entries, String certificateNumber) {
        for (int i = 0; i < entries.size(); i++) {
            if (certificateNumber.equals(entries.get(i).getString(CERTIFICATE_NUMBER))) {
                return i;
            }
        }
        return -1;
    }

    /** A newly issued number: the fields of its certificate document and of the candidate's entry for it. */
    private static Document validCertificate(
            String claimId,
            String candidateId,
            String centreId,
            String qualificationCode,
            String holderName,
            LocalDate issuedOn,
            Instant issuedAt) {
        return new Document()
                .append(CLAIM_ID, claimId)
                .append(CANDIDATE_ID, candidateId)
                .append(CENTRE_ID, centreId)
                .append(QUALIFICATION_CODE, qualificationCode)
                .append(HOLDER_NAME, holderName)
                .append(ISSUED_ON, isoDate(issuedOn))
                .append(ISSUED_AT, date(issuedAt))
                .append(STATUS, CertificateStatus.VALID.name())
                .append(REPLACED_BY, null)
                .append(REVOKED_ON, null)
                .append(REASON, null);
    }

    /** A candidate's entry for a number: the certificate's fields, with the number that a document has as its id. */
    private static Document candidateEntry(String certificateNumber, Document certificate) {
        Document entry = new Document(CERTIFICATE_NUMBER, certificateNumber);
        entry.putAll(certificate);
        return entry;
    }

    /** The event's own reason when it carries one, otherwise the one in its metadata. */
    private static String reason(String eventReason, String metadataReason) {
        return eventReason != null && !eventReason.isBlank() ? eventReason : metadataReason;
    }

    private static ClaimView toClaim(Document claim) {
        return new ClaimView(
                claim.getString(ID),
                claim.getString(CANDIDATE_ID),
                claim.getString(REGISTRATION_NUMBER),
                claim.getString(HOLDER_NAME),
                claim.getString(CENTRE_ID),
                claim.getString(QUALIFICATION_CODE),
                enumValue(ClaimStatus.class, claim, STATUS),
                claim.getBoolean(DIRECT_CLAIM_STATUS, false),
                instant(claim, CLAIMED_AT),
                claim.getString(CLAIMED_BY_PIN),
                instant(claim, DECIDED_AT),
                claim.getString(REASON),
                claim.getString(CERTIFICATE_NUMBER),
                localDate(claim, ISSUED_ON));
    }

    /** From a certificate document (its number given as a field) or a candidate's entry. */
    private static CertificateView toCertificate(Document certificate) {
        return new CertificateView(
                certificate.getString(CERTIFICATE_NUMBER),
                certificate.getString(CLAIM_ID),
                certificate.getString(CANDIDATE_ID),
                certificate.getString(CENTRE_ID),
                certificate.getString(QUALIFICATION_CODE),
                certificate.getString(HOLDER_NAME),
                localDate(certificate, ISSUED_ON),
                enumValue(CertificateStatus.class, certificate, STATUS),
                certificate.getString(REPLACED_BY),
                localDate(certificate, REVOKED_ON),
                certificate.getString(REASON));
    }
}
