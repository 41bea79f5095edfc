package org.awardinghub.api.privacy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.beans.Introspector;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.awardinghub.api.files.FileStore;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.portfolio.EvidenceUploaded;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

/**
 * A subject's events, read from the event store through Axon (from each record's first event, never a snapshot),
 * so that their personal fields come out as the event serializer gives them: in clear, or "(erased)" once the
 * subject is erased. Of each record only the events that name the subject are kept ({@code candidateId},
 * {@code candidateIds}, or the user's own {@code userId}); each is said in plain English
 * ({@link SubjectAccessSentences}) and its fields copied without what is not the subject's
 * ({@link SubjectAccessRedaction}). The files those events recorded are listed with where each is downloaded.
 */
@Component
class SubjectAccessEvents {

    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {};

    /** The subject's events, oldest first, and the files they recorded. */
    record Read(List<SubjectAccessExport.Event> events, List<SubjectAccessExport.File> files, List<Object> payloads) {}

    private final EventStore store;
    private final ObjectMapper json;
    private final FileStore fileStore;

    SubjectAccessEvents(EventStore store, ObjectMapper json, FileStore fileStore) {
        this.store = store;
        this.json = json;
        this.fileStore = fileStore;
    }

    /**
     * The events of the records (by aggregate identifier) that name the subject, oldest first (events of one
     * instant in the records' order, then their sequence). {@code registrationNumber}: the candidate's, which names
     * them when they acted themselves, sitting an assessment (null for a user).
     */
    Read read(List<String> recordIds, SubjectAccessRedaction.Own own, String registrationNumber) {
        List<Found> found = new ArrayList<>();
        for (String recordId : recordIds) {
            store.readEvents(recordId, 0).asStream().forEach(message -> {
                Object payload = message.getPayload();
                JsonNode fields = json.valueToTree(payload);
                if (names(fields, own)) {
                    found.add(new Found(message, payload, fields));
                }
            });
        }
        found.sort(Comparator.comparing(Found::at)); // stable: one instant keeps the records' and sequence order
        List<SubjectAccessExport.Event> events = new ArrayList<>();
        List<SubjectAccessExport.File> files = new ArrayList<>();
        List<Object> payloads = new ArrayList<>();
        for (Found event : found) {
            events.add(entry(event, own, registrationNumber));
            file(event.payload(), event.message().getTimestamp()).ifPresent(files::add);
            payloads.add(event.payload());
        }
        return new Read(List.copyOf(events), List.copyOf(files), payloads);
    }

    private record Found(DomainEventMessage<?> message, Object payload, JsonNode fields) {
        Instant at() {
            return message.getTimestamp();
        }
    }

    /** Whether the event names the subject: as its candidate, among its candidates, or as the user it is about. */
    private static boolean names(JsonNode fields, SubjectAccessRedaction.Own own) {
        if (own.candidateId() != null) {
            if (own.candidateId().equals(fields.path("candidateId").asText(null))) {
                return true;
            }
            for (JsonNode candidate : fields.path("candidateIds")) {
                if (own.candidateId().equals(candidate.asText())) {
                    return true;
                }
            }
        }
        String userId = fields.path("userId").asText(null);
        return userId != null && own.userIds().contains(userId);
    }

    private SubjectAccessExport.Event entry(Found event, SubjectAccessRedaction.Own own, String registrationNumber) {
        DomainEventMessage<?> message = event.message();
        Map<String, ?> metadata = message.getMetaData();
        String actorPin = text(metadata.get(AuditMetadata.ACTOR_PIN));
        String actorUserId = text(metadata.get(AuditMetadata.ACTOR_USER_ID));
        String actorNumber = text(metadata.get(AuditMetadata.ACTOR_REGISTRATION_NUMBER));
        boolean bySubject = (actorUserId != null && own.userIds().contains(actorUserId))
                || (actorNumber != null && actorNumber.equals(registrationNumber));
        String by;
        if (actorPin != null) {
            by = "by PIN " + actorPin;
        } else if (bySubject) {
            by = "by the candidate";
        } else if (AuditMetadata.SYSTEM_ACTOR.equals(actorUserId)) {
            by = "by the system";
        } else {
            by = null;
        }
        boolean shared = SubjectAccessRedaction.shared(event.fields(), own);
        SubjectAccessSentences.Said said = SubjectAccessSentences.of(event.payload(), shared);
        String why = said.why() != null ? said.why() : shared ? null : text(metadata.get(AuditMetadata.REASON));
        String summary = said.what() + (by == null ? "" : " " + by) + (why == null ? "" : ": " + why);
        Map<String, Object> fields = json.convertValue(SubjectAccessRedaction.redacted(event.fields(), own), FIELDS);
        return new SubjectAccessExport.Event(
                message.getTimestamp(),
                event.payload().getClass().getSimpleName(),
                message.getType() == null ? null : Introspector.decapitalize(message.getType()),
                message.getAggregateIdentifier(),
                message.getSequenceNumber(),
                summary,
                actorPin,
                bySubject,
                bySubject ? text(metadata.get(AuditMetadata.CLIENT_ADDRESS)) : null,
                fields);
    }

    /** The file the event recorded (evidence), if any and not erased. */
    private java.util.Optional<SubjectAccessExport.File> file(Object payload, Instant at) {
        if (payload instanceof AccessArrangementRequested requested && requested.evidence() != null) {
            var evidence = requested.evidence();
            return java.util.Optional.of(file(
                    "Evidence for the access arrangement " + requested.arrangementId(),
                    evidence.fileName(),
                    evidence.mediaType(),
                    evidence.size(),
                    evidence.sha256(),
                    at,
                    "/api/candidates/" + requested.candidateId() + "/access-arrangements/" + requested.arrangementId()
                            + "/evidence"));
        }
        if (payload instanceof SpecialConsiderationApplied applied && applied.evidence() != null) {
            var evidence = applied.evidence();
            return java.util.Optional.of(file(
                    "Evidence for the application for special consideration " + applied.considerationId(),
                    evidence.fileName(),
                    evidence.mediaType(),
                    evidence.size(),
                    evidence.sha256(),
                    at,
                    "/api/special-considerations/" + applied.considerationId() + "/evidence"));
        }
        if (payload instanceof EvidenceUploaded uploaded && uploaded.sha256() != null) {
            return java.util.Optional.of(file(
                    "ePortfolio evidence " + uploaded.evidenceId() + " version " + uploaded.version() + " for unit "
                            + uploaded.unitCode(),
                    uploaded.fileName(),
                    uploaded.mediaType(),
                    uploaded.size(),
                    uploaded.sha256(),
                    at,
                    "/api/candidates/" + uploaded.candidateId() + "/portfolio/evidence/" + uploaded.evidenceId()
                            + "/versions/" + uploaded.version() + "/file"));
        }
        return java.util.Optional.empty();
    }

    private SubjectAccessExport.File file(
            String purpose, String fileName, String mediaType, long size, String sha256, Instant at, String download) {
        boolean kept = FileStore.isAddress(sha256) && fileStore.exists(sha256);
        return new SubjectAccessExport.File(purpose, fileName, mediaType, size, sha256, at, kept, download);
    }

    private static String text(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
