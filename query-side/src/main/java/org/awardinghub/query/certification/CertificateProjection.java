package org.awardinghub.query.certification;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.awardinghub.query.ReadModelCollection.isoDate;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateReplaced;
import org.awardinghub.events.certification.CertificateRevoked;
import org.awardinghub.events.certification.CertificateStatus;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The {@value #CERTIFICATES} read model ({@code _id} = certificate number): every number ever issued, VALID,
 * REPLACED (with the number that replaced it) or REVOKED (from a date, with the reason), stored as an
 * {@link IssuedCertificate} — {@link FindCertificate}.
 *
 * <p>One of the certification read models, with {@link ClaimProjection} and {@link CandidateCertificatesProjection}
 * in the processor {@link ClaimProjection#PROCESSING_GROUP} (pooled, sequenced per claim). A certificate document is
 * guarded by its claim's aggregate sequence, like every read model ({@link ReadModelCollection}), though one claim
 * produces several numbers (replacements): each number's document is written only by its own claim's events, so the
 * claim's sequence still only grows on it.
 */
@Component
@ProcessingGroup(ClaimProjection.PROCESSING_GROUP)
public class CertificateProjection {

    public static final String CERTIFICATES = "certificates";

    // components of IssuedCertificate named by update operators
    private static final String STATUS = "status";
    private static final String REASON = "reason";
    private static final String REPLACED_BY = "replacedBy";
    private static final String REVOKED_ON = "revokedOn";

    private static final DocumentMapper<IssuedCertificate> CERTIFICATE = DocumentMapper.of(IssuedCertificate.class);

    private final ReadModelCollection certificates;
    /** {@link CandidateCertificatesProjection}'s: which numbers a candidate has held, by one key lookup. */
    private final ReadModelCollection candidateCertificates;

    public CertificateProjection(MongoDatabase database) {
        this.certificates = new ReadModelCollection(database, CERTIFICATES);
        this.candidateCertificates =
                new ReadModelCollection(database, CandidateCertificatesProjection.CANDIDATE_CERTIFICATES);
    }

    @EventHandler
    void on(CertificateIssued event, @SequenceNumber long sequence) {
        IssuedCertificate certificate = IssuedCertificate.issued(event);
        certificates.insert(event.certificateNumber(), sequence, CERTIFICATE.toDocument(certificate));
    }

    /**
     * The replaced number stays, as REPLACED: it points to its successor and keeps the reason it was replaced for;
     * the new one is VALID, with the name printed on it.
     */
    @EventHandler
    void on(
            CertificateReplaced event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        String reason = ClaimProjection.reason(event.reason(), metadataReason);
        Bson replaced = combine(
                set(STATUS, CertificateStatus.REPLACED.name()),
                set(REPLACED_BY, event.certificateNumber()),
                set(REASON, reason));
        certificates.update(event.replacedNumber(), sequence, replaced);
        IssuedCertificate certificate = IssuedCertificate.replacing(event, at);
        certificates.insert(event.certificateNumber(), sequence, CERTIFICATE.toDocument(certificate));
    }

    /** The certificate is what is revoked: the claim stays ISSUED, its decision unchanged. */
    @EventHandler
    void on(
            CertificateRevoked event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.REASON) String metadataReason) {
        certificates.update(
                event.certificateNumber(),
                sequence,
                combine(
                        set(STATUS, CertificateStatus.REVOKED.name()),
                        set(REVOKED_ON, isoDate(event.revokedOn())),
                        set(REASON, ClaimProjection.reason(event.reason(), metadataReason))));
    }

    /**
     * The holder erased (ADR 0165): every number they held keeps its status, dates and qualification, so that it
     * still verifies, with the holder's name and the reason "(erased)" and {@code erased} true. The numbers are the
     * candidate's document's in {@value CandidateCertificatesProjection#CANDIDATE_CERTIFICATES}; one issued after
     * this (in a replay, on a segment behind this one) reads "(erased)" when issued, and is marked erased then.
     */
    @EventHandler
    void on(CandidateErased event) {
        for (String number : CandidateCertificatesProjection.numbersOf(candidateCertificates, event.candidateId())) {
            certificates.rewrite(number, CERTIFICATE.changing(IssuedCertificate::withoutPersonalData));
        }
    }

    @ResetHandler
    void reset() {
        certificates.deleteAll();
    }

    /** Any number ever issued, whatever it verifies as now; what to show of a REPLACED one is the API's to decide. */
    @QueryHandler
    CertificateView handle(FindCertificate query) {
        IssuedCertificate certificate = CERTIFICATE.fromDocument(certificates.find(query.certificateNumber()));
        return certificate == null ? null : certificate.view();
    }
}
