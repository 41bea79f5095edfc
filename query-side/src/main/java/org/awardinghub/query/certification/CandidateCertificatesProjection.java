package org.awardinghub.query.certification;

import static org.awardinghub.query.ReadModelCollection.ID;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * The {@value #CANDIDATE_CERTIFICATES} read model ({@code _id} = candidate id): every number the candidate has held,
 * oldest first, kept current, so that {@link ListCandidateCertificates} is a key lookup, never a scan. Each entry is
 * the number's {@link IssuedCertificate} with the number under {@code certificateNumber}.
 *
 * <p>One of the certification read models, with {@link ClaimProjection} and {@link CertificateProjection} in the
 * processor {@link ClaimProjection#PROCESSING_GROUP}. A candidate's document gathers the numbers of several claims,
 * which different threads of that pooled processor (sequenced per claim) may handle at once: each entry keeps the
 * sequence of its claim's last applied event ({@value #ENTRY_SEQUENCE}) and the document is written with a versioned
 * compare-and-set ({@link ReadModelCollection#updateVersioned}), retried when another claim's event got in between.
 *
 * <p>The candidate's own status (CERTIFICATED, or REGISTERED again after a revocation) is recorded on the
 * candidate's stream and kept by the portal's {@code CandidateProjection}, not here.
 */
@Component
@ProcessingGroup(ClaimProjection.PROCESSING_GROUP)
public class CandidateCertificatesProjection {

    public static final String CANDIDATE_CERTIFICATES = "candidate_certificates";

    static final String ENTRY_SEQUENCE = "seq";

    /** The candidate document's entries, oldest first. */
    private static final String ENTRIES = "entries";
    /** True once the candidate was erased (ADR 0165); absent before. */
    private static final String ERASED = "erased";

    private static final String CERTIFICATE_NUMBER = "certificateNumber";

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

    private final ReadModelCollection candidateCertificates;

    public CandidateCertificatesProjection(MongoDatabase database) {
        this.candidateCertificates = new ReadModelCollection(database, CANDIDATE_CERTIFICATES);
    }

    @EventHandler
    void on(CertificateIssued event, @SequenceNumber long sequence) {
        IssuedCertificate certificate = IssuedCertificate.issued(event);
        Map<String, UnaryOperator<IssuedCertificate>> changes = new LinkedHashMap<>();
        changes.put(event.certificateNumber(), entry -> entry != null ? null : certificate);
        change(event.candidateId(), sequence, changes);
    }

    /** The replaced number's entry points to its successor; the new number's is added, VALID. */
    @EventHandler
    void on(
            CertificateReplaced event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        String reason = ClaimProjection.reason(event.reason(), metadataReason);
        IssuedCertificate certificate = IssuedCertificate.replacing(event, at);
        Map<String, UnaryOperator<IssuedCertificate>> changes = new LinkedHashMap<>();
        changes.put(
                event.replacedNumber(),
                entry -> entry == null ? null : entry.replaced(event.certificateNumber(), reason));
        changes.put(event.certificateNumber(), entry -> entry != null ? null : certificate);
        change(event.candidateId(), sequence, changes);
    }

    @EventHandler
    void on(
            CertificateRevoked event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        String reason = ClaimProjection.reason(event.reason(), metadataReason);
        Map<String, UnaryOperator<IssuedCertificate>> changes = new LinkedHashMap<>();
        changes.put(
                event.certificateNumber(), entry -> entry == null ? null : entry.revoked(event.revokedOn(), reason));
        change(event.candidateId(), sequence, changes);
    }

    /**
     * The candidate erased (ADR 0165): every entry keeps its number, status and dates, with the holder's name and the
     * reason "(erased)", and the document says {@value #ERASED}. Written once, whether or not the candidate holds a
     * number yet (in a replay, the claims' events may come after this on other segments): so the document's version
     * counts the same writes whichever order the segments ran in.
     */
    @EventHandler
    void on(CandidateErased event) {
        candidateCertificates.updateVersioned(event.candidateId(), stored -> {
            if (stored != null && stored.getBoolean(ERASED, false)) {
                return null;
            }
            List<Document> entries = entries(stored).stream()
                    .map(entry -> toEntry(fromEntry(entry).withoutPersonalData())
                            .append(ENTRY_SEQUENCE, entry.get(ENTRY_SEQUENCE)))
                    .toList();
            return new Document(ENTRIES, entries).append(ERASED, true);
        });
    }

    @ResetHandler
    void reset() {
        candidateCertificates.deleteAll();
    }

    /** The numbers the candidate has held, oldest first: one key lookup, for the other certification read models. */
    static List<String> numbersOf(ReadModelCollection candidateCertificates, String candidateId) {
        return entries(candidateCertificates.find(candidateId)).stream()
                .map(entry -> entry.getString(CERTIFICATE_NUMBER))
                .toList();
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
    private void change(String candidateId, long sequence, Map<String, UnaryOperator<IssuedCertificate>> changes) {
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
            entries.sort(Comparator.comparing(CandidateCertificatesProjection::fromEntry, OLDEST_FIRST));
            Document next = new Document(ENTRIES, entries);
            if (stored != null && stored.containsKey(ERASED)) {
                next.append(ERASED, stored.get(ERASED));
            }
            return next;
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
}
