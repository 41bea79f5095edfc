package org.awardinghub.query.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.awardinghub.query.SealedValues;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/**
 * The audit log as {@link AuditLogProjection} keeps it in the relational database: what the chain verifier reads
 * ({@link #hashes}, {@link #head}, {@link #count}) and the reads behind the audit queries. Every read is a key
 * lookup or an index range scan (see the migration {@code V5__audit_log.sql}); none scans the log.
 */
@Component
public class AuditLog {

    /** The most hashes {@link #hashes} answers at once. */
    public static final int MAX_HASHES = 10_000;

    /** One position's stored chain hash, as the verifier compares it with the chain it recomputes. */
    public record StoredHash(long position, String eventId, String chainHash) {}

    static final String EVENT_COLUMNS = "global_index, record_type, aggregate_id, sequence_number, event_type, "
            + "occurred_at, actor_pin, actor_registration_number, reason, correlation_id, client_address, payload, "
            + "metadata";

    private static final long HOUR = 3_600_000L;
    /** Global positions per {@code audit_blocks} row. */
    static final long BLOCK = 1024;

    private static final int RECHAIN_PAGE = 1000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<CaseBundle.Record>> RECORDS = new TypeReference<>() {};
    private final RowMapper<AuditEvent> eventRows = (row, n) -> event(row);

    private final JdbcTemplate jdbc;
    private final SealedValues sealed;

    /** A log whose answers show personal values as the event store keeps them (tests of the log alone). */
    public AuditLog(JdbcTemplate jdbc) {
        this(jdbc, SealedValues.NONE);
    }

    /** @param sealed opens the personal values the log keeps sealed, as stored, when it answers */
    @Autowired
    public AuditLog(JdbcTemplate jdbc, SealedValues sealed) {
        this.jdbc = jdbc;
        this.sealed = sealed;
    }

    /**
     * The stored chain hashes after {@code afterPosition}, in global order: at most {@code limit} of them (clamped to
     * 1..{@value #MAX_HASHES}), so that the verifier can walk the log in pages beside the event store.
     */
    public List<StoredHash> hashes(long afterPosition, int limit) {
        return jdbc.query(
                "SELECT global_index, event_id, chain_hash FROM audit_log WHERE global_index > ? "
                        + "ORDER BY global_index FETCH FIRST ? ROWS ONLY",
                (row, n) -> new StoredHash(row.getLong(1), row.getString(2), row.getString(3)),
                afterPosition,
                Math.min(Math.max(limit, 1), MAX_HASHES));
    }

    /**
     * Recomputes every hash after {@code position} from {@code hash} on, a page of rows at a time, as they are now
     * stored; answers the last one. The audit processor's own work: a late event filled a gap, or earlier events were
     * sealed.
     */
    String rechainAfter(long position, String hash) {
        String previous = hash;
        long after = position;
        while (true) {
            List<AuditChain.StoredEvent> later = jdbc.query(
                    "SELECT global_index, event_id, payload_type, aggregate_type, aggregate_id, sequence_number,"
                            + " occurred_at, payload, metadata FROM audit_log WHERE global_index > ?"
                            + " ORDER BY global_index FETCH FIRST " + RECHAIN_PAGE + " ROWS ONLY",
                    (row, n) -> new AuditChain.StoredEvent(
                            row.getLong(1),
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            row.getString(5),
                            row.getLong(6),
                            Instant.ofEpochMilli(row.getLong(7)),
                            row.getString(8),
                            row.getString(9)),
                    after);
            if (later.isEmpty()) {
                return previous;
            }
            List<Object[]> links = new ArrayList<>();
            for (AuditChain.StoredEvent stored : later) {
                String next = AuditChain.next(previous, stored);
                links.add(new Object[] {previous, next, stored.position()});
                previous = next;
            }
            jdbc.batchUpdate("UPDATE audit_log SET previous_hash = ?, chain_hash = ? WHERE global_index = ?", links);
            after = later.get(later.size() - 1).position();
        }
    }

    /** The stored chain hash at exactly this position (to check a seal); empty when nothing was hashed there. */
    public Optional<StoredHash> hashAt(long position) {
        return jdbc
                .query(
                        "SELECT global_index, event_id, chain_hash FROM audit_log WHERE global_index = ?",
                        (row, n) -> new StoredHash(row.getLong(1), row.getString(2), row.getString(3)),
                        position)
                .stream()
                .findFirst();
    }

    /** The chain hash at this position before earlier events were sealed (ADR 0164); empty when none was kept. */
    public Optional<String> hashBeforeSealing(long position) {
        return jdbc
                .queryForList(
                        "SELECT chain_hash FROM audit_hashes_before_sealing WHERE global_index = ?",
                        String.class,
                        position)
                .stream()
                .findFirst();
    }

    /** The chain's head: the last position hashed; empty before the first event. */
    public Optional<ChainHead> head() {
        return jdbc
                .query(
                        "SELECT position, occurred_at, event_count, chain_hash FROM audit_chain_head WHERE id = 1",
                        (row, n) -> new ChainHead(
                                row.getLong(1), Instant.ofEpochMilli(row.getLong(2)), row.getLong(3), row.getString(4)))
                .stream()
                .findFirst();
    }

    /** How many events are in the log, kept by the projection in the head row (no count over the log). */
    public long count() {
        return head().map(ChainHead::eventCount).orElse(0L);
    }

    List<AuditEvent> recordEvents(String recordType, String recordId) {
        return jdbc.query(
                "SELECT " + EVENT_COLUMNS + " FROM audit_log WHERE aggregate_id = ? AND record_type = ? "
                        + "ORDER BY sequence_number, global_index",
                eventRows,
                recordId,
                recordType);
    }

    /** A page of {@link #recordEvents}, read as a page of rows from the record's index, with their count. */
    Page<AuditEvent> recordEventsPage(PageRecordEvents query) {
        Page<AuditEvent> empty = ReadModelCollection.emptyPage(query.page(), query.size());
        long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE aggregate_id = ? AND record_type = ?",
                Long.class,
                query.recordId(),
                query.recordType());
        long skip = (long) empty.page() * empty.size();
        List<AuditEvent> items = skip >= total
                ? List.of()
                : jdbc.query(
                        "SELECT " + EVENT_COLUMNS + " FROM audit_log WHERE aggregate_id = ? AND record_type = ? "
                                + "ORDER BY sequence_number, global_index OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                        eventRows,
                        query.recordId(),
                        query.recordType(),
                        skip,
                        empty.size());
        return new Page<>(items, empty.page(), empty.size(), total);
    }

    /**
     * A page of the timeline, in two steps: the page's positions from one index alone, then those rows by key.
     * Each combination of filters has its plan:
     * <ul>
     *   <li>none: the log in key order from the block ({@code audit_blocks}) that holds the page's first row, found
     *       by adding up the blocks' counts; the total is the head's event count;</li>
     *   <li>a PIN or a centre (or both, the PIN leading): that index in its own order, which is global order
     *       within one key, so that a page reads only its own entries;</li>
     *   <li>a PIN or a centre with a time window: the PIN's or centre's time index, whose range is exactly the
     *       matching events, sorted by position;</li>
     *   <li>a time window alone: the log in key order between the first and last positions of the hours the window
     *       touches ({@code audit_hours}), the window itself checked on each row; the total is the window's whole
     *       hours' counts plus its partial hours counted through {@code audit_log_time}.</li>
     * </ul>
     * Every other total is a count over the same index range as the page. Filtered, a late page still skips the
     * earlier matching entries one by one ({@code OFFSET}).
     */
    Page<AuditEvent> timeline(ListTimeline query) {
        Page<AuditEvent> empty = ReadModelCollection.emptyPage(query.page(), query.size());
        String pin = given(query.actorPin()) ? query.actorPin().strip() : null;
        String centre = given(query.centreId()) ? query.centreId().strip() : null;
        Long from = query.from() == null ? null : query.from().toEpochMilli();
        Long to = query.to() == null ? null : query.to().toEpochMilli();
        if (from != null && to != null && from >= to) {
            return empty;
        }
        List<String> conditions = new ArrayList<>();
        List<Object> arguments = new ArrayList<>();
        String order = "global_index";
        long total;
        if (pin == null && centre == null && from == null && to == null) {
            total = count();
        } else if (pin == null && centre == null) {
            Optional<long[]> touched = positionsTouched(from, to);
            if (touched.isEmpty()) {
                return empty;
            }
            conditions.add("global_index >= ?");
            arguments.add(touched.get()[0]);
            conditions.add("global_index <= ?");
            arguments.add(touched.get()[1]);
            // "+ 0" keeps the time index out of this plan: the rows are read in key order from the first position
            if (from != null) {
                conditions.add("occurred_at + 0 >= ?");
                arguments.add(from);
            }
            if (to != null) {
                conditions.add("occurred_at + 0 < ?");
                arguments.add(to);
            }
            total = windowCount(from, to);
        } else {
            if (pin != null) {
                conditions.add("actor_pin = ?");
                arguments.add(pin);
            }
            if (centre != null) {
                conditions.add("centre_id = ?");
                arguments.add(centre);
            }
            if (from != null) {
                conditions.add("occurred_at >= ?");
                arguments.add(from);
            }
            if (to != null) {
                conditions.add("occurred_at < ?");
                arguments.add(to);
            }
            if (from == null && to == null) {
                // one key's entries are in global order in its index: ordering by the key too lets the index sort
                order = (pin != null ? "actor_pin" : "centre_id") + ", global_index";
            }
            total = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM audit_log WHERE " + String.join(" AND ", conditions),
                    Long.class,
                    arguments.toArray());
        }
        long skip = (long) empty.page() * empty.size();
        if (skip >= total) {
            return new Page<>(List.of(), empty.page(), empty.size(), total);
        }
        if (conditions.isEmpty()) {
            long[] start = blockStart(skip);
            conditions.add("global_index >= ?");
            arguments.add(start[0]);
            skip = start[1];
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        List<Object> paging = new ArrayList<>(arguments);
        paging.add(skip);
        paging.add(empty.size());
        List<Long> positions = jdbc.queryForList(
                "SELECT global_index FROM audit_log" + where + " ORDER BY " + order
                        + " OFFSET ? ROWS FETCH NEXT ? ROWS ONLY",
                Long.class,
                paging.toArray());
        return new Page<>(byPosition(positions), empty.page(), empty.size(), total);
    }

    /** The block of global positions that a position falls in: {@code audit_blocks}' key. */
    static long block(long position) {
        return Math.floorDiv(position, BLOCK);
    }

    /**
     * Where the {@code skip}-th event (from 0) in global order is found: the first position of its block, and how
     * many events to step over from there.
     */
    private long[] blockStart(long skip) {
        long[] start = {0, skip};
        jdbc.query("SELECT block, event_count FROM audit_blocks ORDER BY block", (java.sql.ResultSet row) -> {
            long before = 0;
            while (row.next()) {
                long count = row.getLong(2);
                if (before + count > skip) {
                    start[0] = row.getLong(1) * BLOCK;
                    start[1] = skip - before;
                    return null;
                }
                before += count;
            }
            return null;
        });
        return start;
    }

    /** The hour (of event time) that an instant in epoch milliseconds falls in: {@code audit_hours}' key. */
    static long hour(long epochMilli) {
        return Math.floorDiv(epochMilli, HOUR);
    }

    /** The first and last global positions among the events of the hours that the window touches; none: empty. */
    private Optional<long[]> positionsTouched(Long from, Long to) {
        return jdbc
                .query(
                        "SELECT MIN(first_position), MAX(last_position) FROM audit_hours WHERE event_hour >= ? "
                                + "AND event_hour <= ?",
                        (row, n) -> {
                            long first = row.getLong(1);
                            return row.wasNull() ? null : new long[] {first, row.getLong(2)};
                        },
                        from == null ? Long.MIN_VALUE : hour(from),
                        to == null ? Long.MAX_VALUE : hour(to - 1))
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    /** How many events in [from, to): the whole hours' counts, plus the partial hours' counted in the log. */
    private long windowCount(Long from, Long to) {
        Long firstWhole = from == null ? null : -Math.floorDiv(-from, HOUR);
        Long endWhole = to == null ? null : Math.floorDiv(to, HOUR);
        if (firstWhole != null && endWhole != null && firstWhole >= endWhole) {
            return countTimes(from, to); // less than two hours, no whole one
        }
        long total = jdbc.queryForObject(
                "SELECT COALESCE(SUM(event_count), 0) FROM audit_hours WHERE event_hour >= ? " + "AND event_hour < ?",
                Long.class,
                firstWhole == null ? Long.MIN_VALUE : firstWhole,
                endWhole == null ? Long.MAX_VALUE : endWhole);
        if (from != null && from < firstWhole * HOUR) {
            total += countTimes(from, firstWhole * HOUR);
        }
        if (to != null && endWhole * HOUR < to) {
            total += countTimes(endWhole * HOUR, to);
        }
        return total;
    }

    private long countTimes(long from, long to) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM audit_log WHERE occurred_at >= ? AND occurred_at < ?", Long.class, from, to);
    }

    BlastRadius blastRadius(FindBlastRadius query) {
        StringBuilder sql = new StringBuilder("SELECT l.candidate_id, ")
                .append(prefixed("a.", EVENT_COLUMNS))
                .append(" FROM audit_links l JOIN audit_log a ON a.global_index = l.global_index")
                .append(" WHERE l.kind = ? AND l.link_key = ?");
        List<Object> arguments = new ArrayList<>(List.of(query.kind().name(), query.key()));
        if (query.from() != null) {
            sql.append(" AND l.occurred_at >= ?");
            arguments.add(query.from().toEpochMilli());
        }
        if (query.to() != null) {
            sql.append(" AND l.occurred_at < ?");
            arguments.add(query.to().toEpochMilli());
        }
        sql.append(" ORDER BY l.candidate_id, l.global_index");
        Map<String, List<AuditEvent>> byCandidate = new LinkedHashMap<>();
        jdbc.query(
                sql.toString(),
                row -> {
                    byCandidate
                            .computeIfAbsent(row.getString(1), id -> new ArrayList<>())
                            .add(event(row, 1));
                },
                arguments.toArray());
        List<BlastRadius.Affected> candidates = byCandidate.entrySet().stream()
                .map(entry -> new BlastRadius.Affected(entry.getKey(), List.copyOf(entry.getValue())))
                .toList();
        return new BlastRadius(query.kind(), query.key(), query.from(), query.to(), candidates);
    }

    /**
     * A page of the frozen cases, the latest frozen first (ties by case id, so that pages neither repeat nor skip
     * one), read through the index {@code audit_cases_frozen} (migration {@code V11}).
     */
    Page<CaseSummary> cases(int page, int size) {
        Page<CaseSummary> empty = ReadModelCollection.emptyPage(page, size);
        long total = jdbc.queryForObject("SELECT COUNT(*) FROM audit_cases", Long.class);
        long skip = (long) empty.page() * empty.size();
        if (skip >= total) {
            return new Page<>(List.of(), empty.page(), empty.size(), total);
        }
        List<CaseSummary> items = jdbc.query(
                "SELECT case_id, title, frozen_at, frozen_by_pin, up_to_position, records, rule_run_id FROM audit_cases "
                        + "ORDER BY frozen_at DESC, case_id OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
                (row, n) -> new CaseSummary(
                        row.getString(1),
                        row.getString(2),
                        Instant.ofEpochMilli(row.getLong(3)),
                        row.getString(4),
                        row.getLong(5),
                        parse(row.getString(6), RECORDS),
                        row.getString(7)),
                skip,
                empty.size());
        return new Page<>(items, empty.page(), empty.size(), total);
    }

    CaseBundle caseBundle(String caseId) {
        record FrozenCase(
                String title,
                long upToPosition,
                Instant frozenAt,
                String frozenByPin,
                List<CaseBundle.Record> records,
                String ruleRunId) {}
        Optional<FrozenCase> found = jdbc
                .query(
                        "SELECT title, up_to_position, frozen_at, frozen_by_pin, records, rule_run_id "
                                + "FROM audit_cases WHERE case_id = ?",
                        (row, n) -> new FrozenCase(
                                row.getString(1),
                                row.getLong(2),
                                Instant.ofEpochMilli(row.getLong(3)),
                                row.getString(4),
                                parse(row.getString(5), RECORDS),
                                row.getString(6)),
                        caseId)
                .stream()
                .findFirst();
        if (found.isEmpty()) {
            return null;
        }
        FrozenCase frozen = found.get();
        List<ChainedEvent> events = new ArrayList<>();
        if (!frozen.records().isEmpty()) {
            Set<CaseBundle.Record> wanted = Set.copyOf(frozen.records());
            List<String> ids = frozen.records().stream()
                    .map(CaseBundle.Record::id)
                    .distinct()
                    .toList();
            List<Object> arguments = new ArrayList<>(ids);
            arguments.add(frozen.upToPosition());
            jdbc.query(
                    "SELECT " + EVENT_COLUMNS + ", event_id, payload_type, aggregate_type, previous_hash, chain_hash"
                            + " FROM audit_log WHERE aggregate_id IN ("
                            + ids.stream().map(id -> "?").collect(Collectors.joining(", "))
                            + ") AND global_index <= ? ORDER BY global_index",
                    row -> {
                        AuditEvent event = event(row);
                        if (wanted.contains(new CaseBundle.Record(event.recordType(), event.recordId()))) {
                            String canonical = AuditChain.canonical(new AuditChain.StoredEvent(
                                    event.globalPosition(),
                                    row.getString("event_id"),
                                    row.getString("payload_type"),
                                    row.getString("aggregate_type"),
                                    event.recordId(),
                                    event.sequence(),
                                    event.at(),
                                    row.getString("payload"),
                                    row.getString("metadata")));
                            events.add(new ChainedEvent(
                                    event, canonical, row.getString("previous_hash"), row.getString("chain_hash")));
                        }
                    },
                    arguments.toArray());
        }
        String hashAtPosition = jdbc
                .query(
                        "SELECT chain_hash FROM audit_log WHERE global_index <= ? "
                                + "ORDER BY global_index DESC FETCH FIRST 1 ROWS ONLY",
                        (row, n) -> row.getString(1),
                        frozen.upToPosition())
                .stream()
                .findFirst()
                .orElse(null);
        return new CaseBundle(
                caseId,
                frozen.title(),
                frozen.frozenAt(),
                frozen.frozenByPin(),
                frozen.upToPosition(),
                hashAtPosition,
                frozen.records(),
                List.copyOf(events),
                frozen.ruleRunId());
    }

    /**
     * One logged event with its link of the chain: its stored hash, and whether that hash recomputes from the row as
     * stored now and the previous hash it was chained to ({@code recomputes}). A row whose payload, metadata or any
     * other hashed fact was changed after it was logged no longer recomputes.
     */
    record LoggedLink(AuditEvent event, String eventId, String chainHash, boolean recomputes) {}

    /**
     * The logged events that {@code condition} selects (an SQL condition on {@code audit_log}, with any ordering and
     * row limit after it), each with its link of the chain ({@link LoggedLink}).
     */
    List<LoggedLink> links(String condition, Object... arguments) {
        return jdbc.query(
                "SELECT " + EVENT_COLUMNS + ", event_id, payload_type, aggregate_type, previous_hash, chain_hash"
                        + " FROM audit_log WHERE " + condition,
                (row, n) -> {
                    AuditEvent event = event(row);
                    String chainHash = row.getString("chain_hash");
                    String recomputed = AuditChain.next(
                            row.getString("previous_hash"),
                            new AuditChain.StoredEvent(
                                    event.globalPosition(),
                                    row.getString("event_id"),
                                    row.getString("payload_type"),
                                    row.getString("aggregate_type"),
                                    event.recordId(),
                                    event.sequence(),
                                    event.at(),
                                    row.getString("payload"),
                                    row.getString("metadata")));
                    return new LoggedLink(event, row.getString("event_id"), chainHash, recomputed.equals(chainHash));
                },
                arguments);
    }

    private List<AuditEvent> byPosition(List<Long> positions) {
        if (positions.isEmpty()) {
            return List.of();
        }
        return jdbc.query(
                "SELECT " + EVENT_COLUMNS + " FROM audit_log WHERE global_index IN ("
                        + positions.stream().map(p -> "?").collect(Collectors.joining(", "))
                        + ") ORDER BY global_index",
                eventRows,
                positions.toArray());
    }

    private AuditEvent event(ResultSet row) throws SQLException {
        return event(row, 0);
    }

    /**
     * The event in the row's {@link #EVENT_COLUMNS}, which start after {@code offset} other columns, its personal
     * values opened.
     */
    private AuditEvent event(ResultSet row, int offset) throws SQLException {
        return new AuditEvent(
                row.getString(offset + 2),
                row.getString(offset + 3),
                row.getLong(offset + 4),
                row.getLong(offset + 1),
                row.getString(offset + 5),
                Instant.ofEpochMilli(row.getLong(offset + 6)),
                row.getString(offset + 7),
                row.getString(offset + 8),
                opened(AuditMetadata.REASON, row.getString(offset + 9)),
                row.getString(offset + 10),
                row.getString(offset + 11),
                opened(object(row.getString(offset + 12))),
                opened(object(row.getString(offset + 13))));
    }

    private String opened(String field, String stored) {
        Object value = sealed.open(field, stored);
        return value == null ? null : value.toString();
    }

    /** The top-level fields opened: the event store seals a personal field whole, never a part of one. */
    private Map<String, Object> opened(Map<String, Object> fields) {
        if (fields == null) {
            return null;
        }
        Map<String, Object> opened = new LinkedHashMap<>();
        fields.forEach((field, value) -> opened.put(field, sealed.open(field, value)));
        return Collections.unmodifiableMap(opened);
    }

    /** Stored JSON as a map; a payload that is not a JSON object (never one of ours) is kept under "value". */
    static Map<String, Object> object(String json) {
        if (json == null) {
            return null;
        }
        try {
            Object parsed = JSON.readValue(json, Object.class);
            if (parsed instanceof Map<?, ?> map) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) map;
                return Collections.unmodifiableMap(fields);
            }
            return Collections.singletonMap("value", parsed);
        } catch (JsonProcessingException e) {
            return Collections.singletonMap("value", json);
        }
    }

    private static <T> T parse(String json, TypeReference<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The audit log holds JSON it cannot read", e);
        }
    }

    private static String prefixed(String prefix, String columns) {
        return Arrays.stream(columns.split(", ")).map(column -> prefix + column).collect(Collectors.joining(", "));
    }

    private static boolean given(String filter) {
        return filter != null && !filter.isBlank();
    }
}
