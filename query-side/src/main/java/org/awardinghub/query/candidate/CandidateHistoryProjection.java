package org.awardinghub.query.candidate;

import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.push;
import static com.mongodb.client.model.Updates.set;
import static org.awardinghub.query.ReadModelCollection.date;
import static org.awardinghub.query.ReadModelCollection.instant;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.candidate.CandidateCertificateRevoked;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.query.Erased;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.awardinghub.query.candidate.CandidateHistoryEntry.Change;
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
 * Every change to a candidate, for the portal's history: one document per candidate in {@value #COLLECTION}, its
 * entries in event order — when, which event, the acting PIN and reason (from the event's metadata; the reason
 * from the event itself when it carries one) and each changed field's value before and after, as text. The
 * sequence guard is what keeps a redelivered event from being appended twice.
 *
 * <p>Withdrawal, reinstatement, certification and revocation do not carry the status they leave, so the document
 * also keeps the candidate's current {@value #STATUS}, written in the same guarded update as the entry (a retried
 * batch reads the value as the entry before it left it).
 */
@Component
@ProcessingGroup(CandidateProjection.PROCESSING_GROUP)
public class CandidateHistoryProjection {

    public static final String COLLECTION = "candidate_histories";

    private static final String ENTRIES = "entries";
    private static final String STATUS = "status";
    private static final String CERTIFICATE_NUMBER = "certificateNumber";
    private static final String REASON = "reason";
    private static final String CHANGES = "changes";
    private static final String FROM = "from";
    private static final String TO = "to";

    // the personal fields of the changes (ADR 0165)
    private static final String FIRST_NAME = "firstName";
    private static final String LAST_NAME = "lastName";
    private static final String DATE_OF_BIRTH = "dateOfBirth";
    private static final String ULN = "uln";
    private static final List<String> PERSONAL_FIELDS = List.of(FIRST_NAME, LAST_NAME, DATE_OF_BIRTH, ULN);

    private final ReadModelCollection histories;

    public CandidateHistoryProjection(MongoDatabase database) {
        this.histories = new ReadModelCollection(database, COLLECTION);
    }

    @EventHandler
    void on(
            CandidateRegistered event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.REASON) String reason) {
        Changes changes = new Changes()
                .set("registrationNumber", event.registrationNumber())
                .set("centreId", event.centreId())
                .set(FIRST_NAME, event.firstName())
                .set(LAST_NAME, event.lastName())
                .set(DATE_OF_BIRTH, dateOfBirth(event.dateOfBirth()))
                .set(ULN, event.uln())
                .set("qualificationCode", event.qualificationCode())
                .set("startDate", text(event.startDate()))
                .set("registeredOn", text(event.registeredOn()))
                .set("late", text(event.late()))
                .set("confirmedDuplicate", text(event.confirmedDuplicate()))
                .set(STATUS, CandidateStatus.REGISTERED.name());
        histories.insert(
                event.candidateId(),
                sequence,
                new Document()
                        .append(STATUS, CandidateStatus.REGISTERED.name())
                        .append(ENTRIES, List.of(entry(event, at, actorPin, reason, changes))));
    }

    @EventHandler
    void on(
            CandidateNameAmended event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.REASON) String reason) {
        Changes changes = new Changes();
        if (event.firstName() != null) {
            changes.changed(FIRST_NAME, event.oldFirstName(), event.firstName());
        }
        if (event.lastName() != null) {
            changes.changed(LAST_NAME, event.oldLastName(), event.lastName());
        }
        append(event.candidateId(), sequence, entry(event, at, actorPin, reason(event.reason(), reason), changes));
    }

    @EventHandler
    void on(
            CandidateDateOfBirthAmended event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.REASON) String reason) {
        append(
                event.candidateId(),
                sequence,
                entry(
                        event,
                        at,
                        actorPin,
                        reason(event.reason(), reason),
                        new Changes()
                                .changed(
                                        DATE_OF_BIRTH,
                                        dateOfBirth(event.oldDateOfBirth()),
                                        dateOfBirth(event.dateOfBirth()))));
    }

    @EventHandler
    void on(
            CandidateUlnAmended event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.REASON) String reason) {
        append(
                event.candidateId(),
                sequence,
                entry(
                        event,
                        at,
                        actorPin,
                        reason(event.reason(), reason),
                        new Changes().changed(ULN, event.oldUln(), event.uln())));
    }

    @EventHandler
    void on(
            CandidateQualificationAmended event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.REASON) String reason) {
        append(
                event.candidateId(),
                sequence,
                entry(
                        event,
                        at,
                        actorPin,
                        reason(event.reason(), reason),
                        new Changes()
                                .changed(
                                        "qualificationCode", event.oldQualificationCode(), event.qualificationCode())));
    }

    @EventHandler
    void on(
            CandidateTransferred event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.REASON) String reason) {
        append(
                event.candidateId(),
                sequence,
                entry(
                        event,
                        at,
                        actorPin,
                        reason(event.reason(), reason),
                        new Changes().changed("centreId", event.fromCentreId(), event.toCentreId())));
    }

    @EventHandler
    void on(
            CandidateWithdrawn event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.REASON) String reason) {
        statusChange(
                event.candidateId(),
                sequence,
                CandidateStatus.WITHDRAWN,
                new Changes(),
                event,
                at,
                actorPin,
                reason(event.reason(), reason));
    }

    @EventHandler
    void on(
            CandidateReinstated event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.REASON) String reason) {
        statusChange(
                event.candidateId(),
                sequence,
                CandidateStatus.REGISTERED,
                new Changes(),
                event,
                at,
                actorPin,
                reason(event.reason(), reason));
    }

    /** The certificate issued: its number, and the status it takes the candidate from. */
    @EventHandler
    void on(
            CandidateCertificated event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.REASON) String reason) {
        statusChange(
                event.candidateId(),
                sequence,
                CandidateStatus.CERTIFICATED,
                new Changes().changed(CERTIFICATE_NUMBER, null, event.certificateNumber()),
                event,
                at,
                actorPin,
                reason);
    }

    /** The certificate revoked: the number no longer held, and the status it takes the candidate back to. */
    @EventHandler
    void on(
            CandidateCertificateRevoked event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin,
            @MetaDataValue(AuditMetadata.REASON) String reason) {
        statusChange(
                event.candidateId(),
                sequence,
                CandidateStatus.REGISTERED,
                new Changes().changed(CERTIFICATE_NUMBER, event.certificateNumber(), null),
                event,
                at,
                actorPin,
                reason(event.reason(), reason));
    }

    /**
     * The candidate's personal data erased (ADR 0165): every entry keeps when, what and who, but its reason and every
     * name, date of birth and ULN it changed read "(erased)", as the events now read themselves; then the erasure's own
     * entry, with its reason (which names nobody). A name amendment shows both names "(erased)" before and after: the
     * events, read now, no longer say which of the two changed, and a replay must write the same.
     */
    @EventHandler
    void on(
            CandidateErased event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin) {
        if (histories.find(event.candidateId()) == null) {
            return;
        }
        Document erasure = entry(event, at, actorPin, event.reason(), new Changes());
        histories.replace(event.candidateId(), sequence, history -> {
            List<Document> entries = new ArrayList<>();
            history.getList(ENTRIES, Document.class, List.of())
                    .forEach(entry -> entries.add(withoutPersonalData(entry)));
            entries.add(erasure);
            return new Document(history).append(ENTRIES, entries);
        });
    }

    /** The entry as its event reads once the candidate is erased: the reason and the personal values "(erased)". */
    private static Document withoutPersonalData(Document entry) {
        Document stored = entry.get(CHANGES, Document.class);
        Document changes = new Document();
        if (CandidateNameAmended.class.getSimpleName().equals(entry.getString("type"))) {
            changes.append(FIRST_NAME, erasedChange()).append(LAST_NAME, erasedChange());
        }
        if (stored != null) {
            stored.forEach((field, change) -> {
                Document fromTo = (Document) change;
                changes.putIfAbsent(
                        field,
                        PERSONAL_FIELDS.contains(field)
                                ? new Document(FROM, Erased.text(fromTo.getString(FROM)))
                                        .append(TO, Erased.text(fromTo.getString(TO)))
                                : fromTo);
            });
        }
        return new Document(entry)
                .append(REASON, Erased.text(entry.getString(REASON)))
                .append(CHANGES, changes);
    }

    private static Document erasedChange() {
        return new Document(FROM, PersonalData.ERASED).append(TO, PersonalData.ERASED);
    }

    @ResetHandler
    void reset() {
        histories.deleteAll();
    }

    /** Answers a {@code List<CandidateHistoryEntry>}, oldest first; empty for an unknown candidate. */
    @QueryHandler
    List<CandidateHistoryEntry> handle(FindCandidateHistory query) {
        return history(query.candidateId());
    }

    /**
     * A page of it, cut from the candidate's one document (its entries are not documents the store could skip).
     * Declared raw: Axon matches {@code ResponseTypes.instanceOf(Page.class)} only against a plain class.
     */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(PageCandidateHistory query) {
        return Page.slice(history(query.candidateId()), query.page(), query.size());
    }

    private List<CandidateHistoryEntry> history(String candidateId) {
        Document history = histories.find(candidateId);
        return history == null
                ? List.of()
                : history.getList(ENTRIES, Document.class, List.of()).stream()
                        .map(CandidateHistoryProjection::toEntry)
                        .toList();
    }

    /** An entry with the given changes and then the status's, the status it leaves read from the document. */
    private void statusChange(
            String candidateId,
            long sequence,
            CandidateStatus to,
            Changes changes,
            Object event,
            Instant at,
            String actorPin,
            String reason) {
        Document history = histories.find(candidateId);
        String from = history == null ? null : history.getString(STATUS);
        histories.update(
                candidateId,
                sequence,
                combine(
                        push(ENTRIES, entry(event, at, actorPin, reason, changes.changed(STATUS, from, to.name()))),
                        set(STATUS, to.name())));
    }

    private void append(String candidateId, long sequence, Document entry) {
        histories.update(candidateId, sequence, push(ENTRIES, entry));
    }

    private static Document entry(Object event, Instant at, String actorPin, String reason, Changes changes) {
        return new Document()
                .append("at", date(at))
                .append("type", event.getClass().getSimpleName())
                .append("actorPin", actorPin)
                .append(REASON, reason)
                .append(CHANGES, changes.document);
    }

    /** The event's own reason when it carries one, otherwise the one in its metadata. */
    private static String reason(String eventReason, String metadataReason) {
        return eventReason != null && !eventReason.isBlank() ? eventReason : metadataReason;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /**
     * A date of birth as text. Every registration and amendment has one, so null is one erased: it reads "(erased)"
     * as the erasure writes it.
     */
    private static String dateOfBirth(LocalDate dateOfBirth) {
        return dateOfBirth == null ? PersonalData.ERASED : dateOfBirth.toString();
    }

    private static CandidateHistoryEntry toEntry(Document entry) {
        Map<String, Change> changes = new LinkedHashMap<>();
        Document stored = entry.get(CHANGES, Document.class);
        if (stored != null) {
            stored.forEach((field, change) -> {
                Document fromTo = (Document) change;
                changes.put(field, new Change(fromTo.getString(FROM), fromTo.getString(TO)));
            });
        }
        return new CandidateHistoryEntry(
                instant(entry, "at"),
                entry.getString("type"),
                entry.getString("actorPin"),
                entry.getString(REASON),
                changes);
    }

    /** Changed fields in the order they are named, each {@code {from, to}}; a value that did not change is left out. */
    private static final class Changes {

        private final Document document = new Document();

        /** A value set for the first time (registration); an absent one is left out. */
        Changes set(String field, String value) {
            return value == null ? this : changed(field, null, value);
        }

        /**
         * A value that changed. One erased before and after ("(erased)" both) is kept: it changed, though what it
         * was is gone.
         */
        Changes changed(String field, String from, String to) {
            if (!Objects.equals(from, to) || Erased.is(to)) {
                document.append(field, new Document("from", from).append("to", to));
            }
            return this;
        }
    }
}
