package org.awardinghub.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.audit.CaseFrozen;
import org.awardinghub.events.privacy.PersonalDataSealingRequested;
import org.awardinghub.query.Page;
import org.awardinghub.query.StoredEventSealer;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The audit log: every event, once, in global order, with who, when, why and from where, and a SHA-256 hash chain
 * over them ({@link AuditChain}), kept in the relational database beside the token store (migration {@code V5__audit_log.sql}).
 *
 * <p><b>One segment, global order.</b> The chain is only meaningful in global order, so the {@value #PROCESSING_GROUP}
 * processor must run with exactly one segment. Its rows are written through the processor's transaction, which
 * also stores its token: a batch's rows and its token commit or roll back together, so each event is applied
 * exactly once. An event found in the log already is skipped all the same (defensive).
 *
 * <p><b>Late events.</b> An event store's global index can show a gap that fills a moment later (a transaction
 * that took its index earlier committed later). Such an event is inserted at its own position and every hash after
 * it is recomputed, so the stored chain is always the chain over global order, which is what the verifier
 * recomputes from the event store.
 *
 * <p><b>What is extracted.</b> From the metadata ({@link AuditMetadata}): the acting user, PIN or registration
 * number, correlation id and client address; the reason from the metadata, else the event's own {@code reason}.
 * From the payload JSON: the centre ({@code centreId}, else the acting user's {@code actorCentreId}) and the
 * candidate ({@code candidateId}; a Candidate aggregate's own id). And the blast-radius links
 * ({@link LinkKind}), written only for an event that names a candidate, each tying that candidate to a key:
 * <ul>
 *   <li>{@code CENTRE}: the event's {@code centreId}; a transfer's {@code fromCentreId} and {@code toCentreId}
 *       (the record involves both centres);</li>
 *   <li>{@code ASSESSMENT}: {@code assessmentCode};</li>
 *   <li>{@code INVIGILATOR}: {@code invigilatorPin} (the invigilator who opened the attempt);</li>
 *   <li>{@code ITEM}: {@code itemId} (an answer) and every {@code questions[].itemId} (the form as drawn);</li>
 *   <li>{@code ASSESSOR}: {@code assessorPin}: the ePortfolio's assessor assigned, judging evidence, signing a
 *       unit off, and the IQA's decisions on that assessor's sign-off.</li>
 * </ul>
 * A {@link CaseFrozen} event also records the case ({@code audit_cases}), frozen by the metadata's PIN, with the rule
 * run it freezes the findings of, if any.
 *
 * <p>The query handlers answer from the same tables ({@link AuditLog}).
 */
@Component
@ProcessingGroup(AuditLogProjection.PROCESSING_GROUP)
class AuditLogProjection {

    public static final String PROCESSING_GROUP = "audit";

    /** The aggregates whose histories the audit API serves, by their audit record type. */
    private static final Map<String, String> RECORD_TYPES = Map.of(
            "Centre", "centre", "User", "user", "Candidate", "candidate", "Attempt", "attempt", "Claim", "claim");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BATCH = AuditLogProjection.class.getName() + ".batch";

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final AuditLog log;
    private final EarlierEventsSealing sealing;

    /**
     * @param log        the audit log's tables and queries (which create the tables where missing)
     * @param serializer the event store's serializer, so that the payload and metadata are hashed as stored
     */
    public AuditLogProjection(JdbcTemplate jdbc, AuditLog log, Serializer serializer) {
        this(jdbc, log, serializer, (type, stored) -> Optional.empty());
    }

    /**
     * @param sealer seals the events an earlier release stored in clear, when the request to do so is reached
     */
    @Autowired
    public AuditLogProjection(
            JdbcTemplate jdbc,
            AuditLog log,
            @Qualifier("eventSerializer") Serializer serializer,
            StoredEventSealer sealer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.log = log;
        this.sealing = new EarlierEventsSealing(jdbc, log, sealer);
    }

    /**
     * Every event, whatever its payload: the handler's payload is the message itself. An event after the chain's
     * head is chained in memory and written with the rest of its batch ({@link Batch}); one at or before the head
     * (delivered again, or late into a gap) is checked against what is written, event by event.
     */
    @EventHandler
    void on(EventMessage<?> event, TrackingToken token) {
        long position = position(token);
        Batch batch = batch();
        if (batch.head != null && position <= batch.head.position()) {
            batch.write(); // what the checks below read must include the batch so far
            logAtOrBeforeHead(batch, event, position);
        } else {
            Row row = row(event, position);
            String previous = batch.head == null ? AuditChain.GENESIS : batch.head.hash();
            batch.append(row, previous);
            recordCaseIfFrozen(event, position, row);
            if (PersonalDataSealingRequested.class.equals(event.getPayloadType())) {
                batch.write(); // the chain is recomputed in the tables, up to and including this event
                sealing.sealBefore(position);
                batch.head = log.head().orElseThrow();
            }
        }
        if (!CurrentUnitOfWork.isStarted()) {
            batch.write();
        }
    }

    private void logAtOrBeforeHead(Batch batch, EventMessage<?> event, long position) {
        String loggedThere = eventIdAt(position);
        if (loggedThere != null) {
            if (loggedThere.equals(event.getIdentifier())) {
                return; // delivered again: logged already
            }
            // A late event that filled a gap: its token shows the highest position read so far, not the event's
            // own, which only the event store knows. (Axon Server has no gaps, so this never runs there.)
            Long own = storedPosition(event.getIdentifier());
            if (own == null || eventIdAt(own) != null) {
                return;
            }
            position = own;
        }
        Row row = row(event, position);
        String hash = batch.insert(row, hashBefore(position));
        recordCaseIfFrozen(event, position, row);
        String last = log.rechainAfter(position, hash);
        jdbc.update("UPDATE audit_chain_head SET event_count = event_count + 1, chain_hash = ? WHERE id = 1", last);
        batch.head = log.head().orElseThrow();
    }

    /** The event as the log keeps it: as stored, with what is extracted from its metadata and payload. */
    private Row row(EventMessage<?> event, long position) {
        SerializedObject<String> payload = event.serializePayload(serializer, String.class);
        String metadataJson = event.serializeMetaData(serializer, String.class).getData();
        String aggregateType = null;
        String aggregateId = null;
        long sequence = AuditChain.NO_SEQUENCE;
        // an event of no aggregate comes back from the store as one of no type, filed under its own identifier
        if (event instanceof DomainEventMessage<?> domainEvent && domainEvent.getType() != null) {
            aggregateType = domainEvent.getType();
            aggregateId = domainEvent.getAggregateIdentifier();
            sequence = domainEvent.getSequenceNumber();
        }
        // the event store keeps milliseconds: hash what the verifier will read back
        Instant at = event.getTimestamp().truncatedTo(ChronoUnit.MILLIS);
        AuditChain.StoredEvent stored = new AuditChain.StoredEvent(
                position,
                event.getIdentifier(),
                payload.getType().getName(),
                aggregateType,
                aggregateId,
                sequence,
                at,
                payload.getData(),
                metadataJson);
        JsonNode fields = tree(payload.getData());
        Map<String, ?> metadata = event.getMetaData();
        String candidateId = text(fields, "candidateId");
        if (candidateId == null && "Candidate".equals(aggregateType)) {
            candidateId = aggregateId;
        }
        String centreId = text(fields, "centreId");
        if (centreId == null) {
            centreId = text(metadata, AuditMetadata.ACTOR_CENTRE_ID);
        }
        // as stored: a personal reason stays sealed in the log, which opens it only to answer (ADR 0163)
        String reason = text(tree(metadataJson), AuditMetadata.REASON);
        if (reason == null) {
            reason = text(fields, "reason");
        }
        return new Row(
                stored,
                event.getPayloadType().getSimpleName(),
                text(metadata, AuditMetadata.ACTOR_USER_ID),
                text(metadata, AuditMetadata.ACTOR_PIN),
                text(metadata, AuditMetadata.ACTOR_REGISTRATION_NUMBER),
                centreId,
                candidateId,
                reason,
                text(metadata, AuditMetadata.CORRELATION_ID),
                text(metadata, AuditMetadata.CLIENT_ADDRESS),
                fields);
    }

    private void recordCaseIfFrozen(EventMessage<?> event, long position, Row row) {
        // asked by type first: a replay need not deserialize every other payload
        if (CaseFrozen.class.equals(event.getPayloadType()) && event.getPayload() instanceof CaseFrozen frozen) {
            recordCase(frozen, position, row.stored().timestamp(), row.actorPin());
        }
    }

    /** One log row: the event as stored, and what the log's columns and links take from it. */
    private record Row(
            AuditChain.StoredEvent stored,
            String eventType,
            String actorUserId,
            String actorPin,
            String actorRegistrationNumber,
            String centreId,
            String candidateId,
            String reason,
            String correlationId,
            String clientAddress,
            JsonNode fields) {}

    /**
     * What one batch of events has logged and not yet written: the rows, their links, the hours' and blocks'
     * counts, and the chain's head as it stands after them. Written in one statement per table when the batch's
     * transaction is about to commit, with the processor's token: the rows and the token still commit or roll back
     * together. Without a unit of work (a direct call) each event is written at once.
     */
    private Batch batch() {
        if (!CurrentUnitOfWork.isStarted()) {
            return new Batch(log.head().orElse(null));
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            Batch batch = new Batch(log.head().orElse(null));
            unitOfWork.onPrepareCommit(committing -> batch.write());
            return batch;
        });
    }

    private final class Batch {

        private ChainHead head;
        private ChainHead written;
        private final List<Object[]> rows = new ArrayList<>();
        private final List<Object[]> links = new ArrayList<>();
        private final Map<Long, long[]> hours = new TreeMap<>();
        private final Map<Long, Long> blocks = new TreeMap<>();

        Batch(ChainHead head) {
            this.head = head;
            this.written = head;
        }

        /** Chains the event after the head and keeps its row for the batch's write. */
        void append(Row row, String previous) {
            String hash = add(row, previous);
            head = new ChainHead(
                    row.stored().position(), row.stored().timestamp(), head == null ? 1 : head.eventCount() + 1, hash);
        }

        /** Writes the row at once, chained after {@code previous}; the caller puts the head right. */
        String insert(Row row, String previous) {
            String hash = add(row, previous);
            head = written;
            write();
            return hash;
        }

        private String add(Row row, String previous) {
            AuditChain.StoredEvent stored = row.stored();
            String hash = AuditChain.next(previous, stored);
            long position = stored.position();
            long at = stored.timestamp().toEpochMilli();
            rows.add(new Object[] {
                position,
                stored.eventId(),
                stored.payloadType(),
                row.eventType(),
                stored.aggregateType(),
                recordType(stored.aggregateType()),
                stored.aggregateId(),
                stored.sequence(),
                at,
                row.actorUserId(),
                row.actorPin(),
                row.actorRegistrationNumber(),
                row.centreId(),
                row.candidateId(),
                row.reason(),
                row.correlationId(),
                row.clientAddress(),
                stored.payloadJson(),
                stored.metadataJson(),
                previous,
                hash
            });
            if (row.candidateId() != null) {
                for (LinkKind kind : LinkKind.values()) {
                    for (String key : keys(kind, row.fields())) {
                        links.add(new Object[] {kind.name(), key, row.candidateId(), position, at});
                    }
                }
            }
            long[] hour = hours.computeIfAbsent(AuditLog.hour(at), h -> new long[] {0, position, position});
            hour[0]++;
            hour[1] = Math.min(hour[1], position);
            hour[2] = Math.max(hour[2], position);
            blocks.merge(AuditLog.block(position), 1L, Long::sum);
            return hash;
        }

        void write() {
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO audit_log (global_index, event_id, payload_type, event_type, "
                                + "aggregate_type, record_type, aggregate_id, sequence_number, occurred_at, actor_user_id, "
                                + "actor_pin, actor_registration_number, centre_id, candidate_id, reason, correlation_id, "
                                + "client_address, payload, metadata, previous_hash, chain_hash) "
                                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        rows);
            }
            if (!links.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO audit_links (kind, link_key, candidate_id, global_index, occurred_at) "
                                + "VALUES (?, ?, ?, ?, ?)",
                        links);
            }
            hours.forEach((hour, counted) -> countHour(hour, counted[0], counted[1], counted[2]));
            blocks.forEach(AuditLogProjection.this::countBlock);
            if (head != null && !head.equals(written)) {
                if (written == null) {
                    jdbc.update(
                            "INSERT INTO audit_chain_head (id, position, occurred_at, event_count, chain_hash) "
                                    + "VALUES (1, ?, ?, ?, ?)",
                            head.position(),
                            head.at().toEpochMilli(),
                            head.eventCount(),
                            head.hash());
                } else {
                    jdbc.update(
                            "UPDATE audit_chain_head SET position = ?, occurred_at = ?, event_count = ?, "
                                    + "chain_hash = ? WHERE id = 1",
                            head.position(),
                            head.at().toEpochMilli(),
                            head.eventCount(),
                            head.hash());
                }
            }
            rows.clear();
            links.clear();
            hours.clear();
            blocks.clear();
            written = head;
        }
    }

    /** A replay starts from the first event, so the chain starts again from {@link AuditChain#GENESIS}. */
    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM audit_links");
        jdbc.update("DELETE FROM audit_log");
        jdbc.update("DELETE FROM audit_chain_head");
        jdbc.update("DELETE FROM audit_cases");
        jdbc.update("DELETE FROM audit_hours");
        jdbc.update("DELETE FROM audit_blocks");
    }

    @QueryHandler
    List<AuditEvent> handle(FindRecordEvents query) {
        return log.recordEvents(query.recordType(), query.recordId());
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(PageRecordEvents query) {
        return log.recordEventsPage(query);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListTimeline query) {
        return log.timeline(query);
    }

    @QueryHandler
    BlastRadius handle(FindBlastRadius query) {
        return log.blastRadius(query);
    }

    @QueryHandler
    ChainHead handle(FindChainHead query) {
        return log.head().orElse(null);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(ListCases query) {
        return log.cases(query.page(), query.size());
    }

    @QueryHandler
    CaseBundle handle(FindCaseBundle query) {
        return log.caseBundle(query.caseId());
    }

    /** The event's global position; a replay wraps the event's own token. */
    private static long position(TrackingToken token) {
        TrackingToken own = token instanceof ReplayToken replay ? replay.getCurrentToken() : token;
        if (own == null || own.position().isEmpty()) {
            throw new IllegalStateException("The audit log needs the event's global position; token: " + token);
        }
        return own.position().getAsLong();
    }

    private String eventIdAt(long position) {
        return jdbc
                .queryForList("SELECT event_id FROM audit_log WHERE global_index = ?", String.class, position)
                .stream()
                .findFirst()
                .orElse(null);
    }

    /** The event's own global index in the JPA event store (H2 or PostgreSQL). */
    private Long storedPosition(String eventId) {
        return jdbc
                .queryForList(
                        "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?", Long.class, eventId)
                .stream()
                .findFirst()
                .orElse(null);
    }

    private String hashBefore(long position) {
        return jdbc
                .query(
                        "SELECT chain_hash FROM audit_log WHERE global_index < ? "
                                + "ORDER BY global_index DESC FETCH FIRST 1 ROWS ONLY",
                        (row, n) -> row.getString(1),
                        position)
                .stream()
                .findFirst()
                .orElse(AuditChain.GENESIS);
    }

    /** The hour's running count and position range, which the time-window queries read instead of the log. */
    private void countHour(long hour, long events, long first, long last) {
        int updated = jdbc.update(
                "UPDATE audit_hours SET event_count = event_count + ?, "
                        + "first_position = CASE WHEN first_position < ? THEN first_position ELSE ? END, "
                        + "last_position = CASE WHEN last_position > ? THEN last_position ELSE ? END WHERE event_hour = ?",
                events,
                first,
                first,
                last,
                last,
                hour);
        if (updated == 0) {
            jdbc.update(
                    "INSERT INTO audit_hours (event_hour, event_count, first_position, last_position) "
                            + "VALUES (?, ?, ?, ?)",
                    hour,
                    events,
                    first,
                    last);
        }
    }

    /** The position block's running count, which the unfiltered timeline pages by. */
    private void countBlock(long block, long events) {
        if (jdbc.update("UPDATE audit_blocks SET event_count = event_count + ? WHERE block = ?", events, block) == 0) {
            jdbc.update("INSERT INTO audit_blocks (block, event_count) VALUES (?, ?)", block, events);
        }
    }

    /** What in the payload ties its candidate to something of this kind. */
    static Set<String> keys(LinkKind kind, JsonNode fields) {
        Set<String> keys = new LinkedHashSet<>();
        switch (kind) {
            case CENTRE -> {
                add(keys, text(fields, "centreId"));
                add(keys, text(fields, "fromCentreId"));
                add(keys, text(fields, "toCentreId"));
            }
            case ASSESSMENT -> add(keys, text(fields, "assessmentCode"));
            case INVIGILATOR -> add(keys, text(fields, "invigilatorPin"));
            case ITEM -> {
                add(keys, text(fields, "itemId"));
                JsonNode questions = fields == null ? null : fields.get("questions");
                if (questions != null && questions.isArray()) {
                    questions.forEach(question -> add(keys, text(question, "itemId")));
                }
            }
            case ASSESSOR -> add(keys, text(fields, "assessorPin"));
        }
        return keys;
    }

    private void recordCase(CaseFrozen frozen, long position, Instant at, String frozenByPin) {
        List<CaseFrozen.RecordRef> records = frozen.records() == null ? List.of() : frozen.records();
        // a bundle never reaches past the freezing itself: nothing later can enter it
        long upTo = Math.min(frozen.upToPosition(), position - 1);
        Instant frozenAt = frozen.frozenAt() == null ? at : frozen.frozenAt();
        jdbc.update(
                "INSERT INTO audit_cases (case_id, title, up_to_position, frozen_at, frozen_by_pin, records, "
                        + "rule_run_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                frozen.caseId(),
                frozen.title(),
                upTo,
                frozenAt.toEpochMilli(),
                frozenByPin,
                write(records),
                frozen.ruleRunId());
    }

    static String recordType(String aggregateType) {
        if (aggregateType == null) {
            return null;
        }
        return RECORD_TYPES.getOrDefault(aggregateType, aggregateType.toLowerCase(Locale.ROOT));
    }

    private static void add(Set<String> keys, String key) {
        if (key != null && !key.isBlank()) {
            keys.add(key);
        }
    }

    private static JsonNode tree(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String text(JsonNode fields, String name) {
        JsonNode value = fields == null ? null : fields.get(name);
        return value == null || value.isNull() || value.isContainerNode() ? null : value.asText();
    }

    private static String text(Map<String, ?> metadata, String key) {
        Object value = metadata.get(key);
        return value == null ? null : value.toString();
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
