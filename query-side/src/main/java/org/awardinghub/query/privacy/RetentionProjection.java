package org.awardinghub.query.privacy;

import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.candidate.CandidateCertificateRevoked;
import org.awardinghub.events.candidate.CandidateCertificated;
import org.awardinghub.events.candidate.CandidateDateOfBirthAmended;
import org.awardinghub.events.candidate.CandidateErased;
import org.awardinghub.events.candidate.CandidateLegalHoldLifted;
import org.awardinghub.events.candidate.CandidateLegalHoldPlaced;
import org.awardinghub.events.candidate.CandidateNameAmended;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateRetentionExtended;
import org.awardinghub.events.candidate.CandidateStatus;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The retention read model ({@value #MIGRATION}, ADR 0166): every candidate's record with the period it is kept for,
 * counted from its last activity, the day a decision about erasing it falls due, and IMI's decisions (an extension,
 * a legal hold, the erasure). Written through the processor's transaction, which also stores its token. The
 * candidate's own events are applied once each, guarded by the sequence number of the last one applied; any other
 * event about the candidate (an attempt, a claim, an appeal: every event whose record has a {@code candidateId}) is
 * activity, and only ever moves the day of the last activity later, so delivering it again changes nothing. IMI's
 * own decisions are not activity: keeping or holding a record does not start its period again. A replay starts from
 * an empty table. No dead-letter queue: a record's events must not overtake each other; the processor stops and
 * retries instead.
 */
@Component
@ProcessingGroup(RetentionProjection.PROCESSING_GROUP)
class RetentionProjection {

    public static final String PROCESSING_GROUP = "privacy";
    /** The table, created by Flyway with the application's other migrations (ADR 0146). */
    public static final String MIGRATION = "V20__retention_records.sql";

    static final String COLUMNS = "candidate_id, centre_id, registration_number, last_sequence, status,"
            + " last_activity_on, last_activity, basis, due_on, policy, keep_until, keep_reason, keep_legal_basis,"
            + " kept_at, kept_by_pin, held, hold_case_id, hold_reason, held_at, held_by_pin, erased, erased_at,"
            + " erasure_legal_basis, erased_by_pin";

    /** The accessor of a record's {@code candidateId} component, for each event type that has one. */
    private static final ClassValue<Optional<Method>> CANDIDATE_ID = new ClassValue<>() {
        @Override
        protected Optional<Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                return Optional.empty();
            }
            for (RecordComponent component : type.getRecordComponents()) {
                if (component.getName().equals("candidateId") && component.getType() == String.class) {
                    return Optional.of(component.getAccessor());
                }
            }
            return Optional.empty();
        }
    };

    private final JdbcTemplate jdbc;
    private final RetentionPolicy policy;

    RetentionProjection(JdbcTemplate jdbc, RetentionPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    @EventHandler
    void on(CandidateRegistered event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (load(event.candidateId()).isPresent()) {
            return;
        }
        Row row = new Row(
                event.candidateId(),
                event.centreId(),
                event.registrationNumber(),
                sequence,
                CandidateStatus.REGISTERED,
                day(at),
                CandidateRegistered.class.getSimpleName(),
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                null);
        jdbc.update(
                "INSERT INTO retention_records (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                        + " ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                row.values(policy).toArray());
    }

    @EventHandler
    void on(CandidateWithdrawn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownEvent(event.candidateId(), sequence, at, event, row -> row.withStatus(CandidateStatus.WITHDRAWN));
    }

    @EventHandler
    void on(CandidateReinstated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownEvent(event.candidateId(), sequence, at, event, row -> row.withStatus(CandidateStatus.REGISTERED));
    }

    @EventHandler
    void on(CandidateCertificated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownEvent(event.candidateId(), sequence, at, event, row -> row.withStatus(CandidateStatus.CERTIFICATED));
    }

    @EventHandler
    void on(CandidateCertificateRevoked event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownEvent(event.candidateId(), sequence, at, event, row -> row.withStatus(CandidateStatus.REGISTERED));
    }

    @EventHandler
    void on(CandidateTransferred event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownEvent(event.candidateId(), sequence, at, event, row -> row.withCentre(event.toCentreId()));
    }

    @EventHandler
    void on(CandidateNameAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownEvent(event.candidateId(), sequence, at, event, UnaryOperator.identity());
    }

    @EventHandler
    void on(CandidateDateOfBirthAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownEvent(event.candidateId(), sequence, at, event, UnaryOperator.identity());
    }

    @EventHandler
    void on(CandidateUlnAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownEvent(event.candidateId(), sequence, at, event, UnaryOperator.identity());
    }

    @EventHandler
    void on(CandidateQualificationAmended event, @SequenceNumber long sequence, @Timestamp Instant at) {
        ownEvent(event.candidateId(), sequence, at, event, UnaryOperator.identity());
    }

    @EventHandler
    void on(
            CandidateLegalHoldPlaced event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin) {
        decision(event.candidateId(), sequence, row -> row.withHold(event.caseId(), event.reason(), at, actorPin));
    }

    @EventHandler
    void on(CandidateLegalHoldLifted event, @SequenceNumber long sequence) {
        decision(event.candidateId(), sequence, row -> row.withHold(null, null, null, null));
    }

    @EventHandler
    void on(
            CandidateRetentionExtended event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin) {
        decision(
                event.candidateId(),
                sequence,
                row -> row.withExtension(event.keepUntil(), event.reason(), event.legalBasis(), at, actorPin));
    }

    @EventHandler
    void on(
            CandidateErased event,
            @SequenceNumber long sequence,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin) {
        decision(event.candidateId(), sequence, row -> row.withErasure(event.erasedAt(), event.legalBasis(), actorPin));
    }

    /**
     * Any other event about a candidate is activity on their record: the day of the last activity moves to the
     * event's, when later, and {@code last_activity} names the first event of that day. Events of no candidate are
     * passed over.
     */
    @EventHandler
    void on(Object payload, @Timestamp Instant at) {
        Optional<Method> accessor = CANDIDATE_ID.get(payload.getClass());
        if (accessor.isEmpty()) {
            return;
        }
        String candidateId;
        try {
            candidateId = (String) accessor.get().invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not read the candidateId of " + payload.getClass(), e);
        }
        if (candidateId == null) {
            return;
        }
        LocalDate day = day(at);
        // one look-up by the primary key, and nothing more for the many events of a day already counted
        List<Row> later = jdbc.query(
                "SELECT " + COLUMNS + " FROM retention_records WHERE candidate_id = ? AND last_activity_on < ?",
                RetentionProjection::row,
                candidateId,
                Date.valueOf(day));
        for (Row row : later) {
            save(row.withActivity(day, payload.getClass().getSimpleName()));
        }
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM retention_records");
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // the query bus matches the answer's raw type, Page
    Page handle(ListRetentionQueue query) {
        String where = " FROM retention_records WHERE erased = FALSE AND held = FALSE AND due_on <= ?";
        return page(
                where,
                " ORDER BY due_on, candidate_id",
                query.page(),
                query.size(),
                query.all(),
                Date.valueOf(query.today()));
    }

    @QueryHandler
    @SuppressWarnings("rawtypes") // the query bus matches the answer's raw type, Page
    Page handle(ListLegalHolds query) {
        return page(
                " FROM retention_records WHERE held = TRUE",
                " ORDER BY held_at, candidate_id",
                query.page(),
                query.size(),
                query.all());
    }

    @QueryHandler
    RetentionRecord handle(FindRetention query) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM retention_records WHERE candidate_id = ?",
                        RetentionProjection::record,
                        query.candidateId())
                .stream()
                .findFirst()
                .orElse(null);
    }

    @QueryHandler
    RetentionDue handle(CountRetentionDue query) {
        String due = " FROM retention_records WHERE erased = FALSE AND held = FALSE AND due_on <= ?";
        Date today = Date.valueOf(query.today());
        return jdbc.queryForObject(
                "SELECT COUNT(*), MIN(due_on), SUM(CASE WHEN due_on > ? THEN 1 ELSE 0 END)" + due,
                (rs, n) -> new RetentionDue(
                        rs.getLong(1),
                        query.since() == null ? rs.getLong(1) : rs.getLong(3),
                        rs.getDate(2) == null ? null : rs.getDate(2).toLocalDate()),
                Date.valueOf(query.since() == null ? LocalDate.of(1, 1, 1) : query.since()),
                today);
    }

    private Page<RetentionRecord> page(
            String from, String order, int pageNumber, int size, boolean all, Object... arguments) {
        Long total = jdbc.queryForObject("SELECT COUNT(*)" + from, Long.class, arguments);
        long count = total == null ? 0 : total;
        if (all) {
            List<RetentionRecord> items =
                    jdbc.query("SELECT " + COLUMNS + from + order, RetentionProjection::record, arguments);
            return new Page<>(items, 0, items.size(), count);
        }
        Page<RetentionRecord> empty = ReadModelCollection.emptyPage(pageNumber, size);
        List<RetentionRecord> items = jdbc.query(
                "SELECT " + COLUMNS + from + order + " LIMIT " + empty.size() + " OFFSET "
                        + (long) empty.page() * empty.size(),
                RetentionProjection::record,
                arguments);
        return new Page<>(items, empty.page(), empty.size(), count);
    }

    /** The candidate's own event at {@code sequence}: applied once, and counted as activity. */
    private void ownEvent(String candidateId, long sequence, Instant at, Object event, UnaryOperator<Row> change) {
        load(candidateId)
                .filter(row -> row.lastSequence() < sequence)
                .ifPresent(row -> save(change.apply(row)
                        .withActivity(day(at), event.getClass().getSimpleName())
                        .withSequence(sequence)));
    }

    /** IMI's decision at {@code sequence}: applied once; not activity. */
    private void decision(String candidateId, long sequence, UnaryOperator<Row> change) {
        load(candidateId)
                .filter(row -> row.lastSequence() < sequence)
                .ifPresent(row -> save(change.apply(row).withSequence(sequence)));
    }

    private Optional<Row> load(String candidateId) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM retention_records WHERE candidate_id = ?",
                        RetentionProjection::row,
                        candidateId)
                .stream()
                .findFirst();
    }

    private void save(Row row) {
        List<Object> values = new ArrayList<>(row.values(policy).subList(1, Row.COLUMN_COUNT));
        values.add(row.candidateId());
        jdbc.update(
                "UPDATE retention_records SET centre_id = ?, registration_number = ?, last_sequence = ?, status = ?,"
                        + " last_activity_on = ?, last_activity = ?, basis = ?, due_on = ?, policy = ?,"
                        + " keep_until = ?, keep_reason = ?, keep_legal_basis = ?, kept_at = ?, kept_by_pin = ?,"
                        + " held = ?, hold_case_id = ?, hold_reason = ?, held_at = ?, held_by_pin = ?, erased = ?,"
                        + " erased_at = ?, erasure_legal_basis = ?, erased_by_pin = ? WHERE candidate_id = ?",
                values.toArray());
    }

    /** A row as the queries answer it, with the basis and the due date as stored. */
    static RetentionRecord record(ResultSet rs, int n) throws SQLException {
        LocalDate keepUntil = date(rs, "keep_until");
        return new RetentionRecord(
                rs.getString("candidate_id"),
                rs.getString("centre_id"),
                rs.getString("registration_number"),
                CandidateStatus.valueOf(rs.getString("status")),
                RetentionBasis.valueOf(rs.getString("basis")),
                rs.getDate("last_activity_on").toLocalDate(),
                rs.getString("last_activity"),
                rs.getDate("due_on").toLocalDate(),
                keepUntil == null
                        ? null
                        : new RetentionRecord.Extension(
                                keepUntil,
                                rs.getString("keep_reason"),
                                rs.getString("keep_legal_basis"),
                                instant(rs, "kept_at"),
                                rs.getString("kept_by_pin")),
                rs.getBoolean("held")
                        ? new RetentionRecord.LegalHold(
                                rs.getString("hold_case_id"),
                                rs.getString("hold_reason"),
                                instant(rs, "held_at"),
                                rs.getString("held_by_pin"))
                        : null,
                rs.getBoolean("erased")
                        ? new RetentionRecord.Erasure(
                                instant(rs, "erased_at"),
                                rs.getString("erasure_legal_basis"),
                                rs.getString("erased_by_pin"))
                        : null);
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("candidate_id"),
                rs.getString("centre_id"),
                rs.getString("registration_number"),
                rs.getLong("last_sequence"),
                CandidateStatus.valueOf(rs.getString("status")),
                rs.getDate("last_activity_on").toLocalDate(),
                rs.getString("last_activity"),
                date(rs, "keep_until"),
                rs.getString("keep_reason"),
                rs.getString("keep_legal_basis"),
                instant(rs, "kept_at"),
                rs.getString("kept_by_pin"),
                rs.getBoolean("held"),
                rs.getString("hold_case_id"),
                rs.getString("hold_reason"),
                instant(rs, "held_at"),
                rs.getString("held_by_pin"),
                rs.getBoolean("erased"),
                instant(rs, "erased_at"),
                rs.getString("erasure_legal_basis"),
                rs.getString("erased_by_pin"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date value = rs.getDate(column);
        return value == null ? null : value.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** One row of {@code retention_records}, as stored, without what the policy counts from it. */
    record Row(
            String candidateId,
            String centreId,
            String registrationNumber,
            long lastSequence,
            CandidateStatus status,
            LocalDate lastActivityOn,
            String lastActivity,
            LocalDate keepUntil,
            String keepReason,
            String keepLegalBasis,
            Instant keptAt,
            String keptByPin,
            boolean held,
            String holdCaseId,
            String holdReason,
            Instant heldAt,
            String heldByPin,
            boolean erased,
            Instant erasedAt,
            String erasureLegalBasis,
            String erasedByPin) {

        static final int COLUMN_COUNT = 24;

        RetentionBasis basis() {
            return switch (status) {
                case CERTIFICATED -> RetentionBasis.CERTIFICATION;
                case WITHDRAWN -> RetentionBasis.WITHDRAWAL;
                case REGISTERED -> RetentionBasis.LAST_ACTIVITY;
            };
        }

        /** The values of {@link #COLUMNS}, in order, with the due date counted by {@code policy}. */
        List<Object> values(RetentionPolicy policy) {
            return Arrays.asList(
                    candidateId,
                    centreId,
                    registrationNumber,
                    lastSequence,
                    status.name(),
                    Date.valueOf(lastActivityOn),
                    lastActivity,
                    basis().name(),
                    Date.valueOf(policy.dueOn(basis(), lastActivityOn, keepUntil)),
                    policy.fingerprint(),
                    keepUntil == null ? null : Date.valueOf(keepUntil),
                    keepReason,
                    keepLegalBasis,
                    keptAt == null ? null : keptAt.toEpochMilli(),
                    keptByPin,
                    held,
                    holdCaseId,
                    holdReason,
                    heldAt == null ? null : heldAt.toEpochMilli(),
                    heldByPin,
                    erased,
                    erasedAt == null ? null : erasedAt.toEpochMilli(),
                    erasureLegalBasis,
                    erasedByPin);
        }

        Row withStatus(CandidateStatus next) {
            return with(row -> row.status = next);
        }

        Row withCentre(String next) {
            return with(row -> row.centreId = next);
        }

        Row withSequence(long next) {
            return with(row -> row.lastSequence = next);
        }

        /** Activity on {@code day}: the last activity when not earlier than the one known. */
        Row withActivity(LocalDate day, String event) {
            if (day.isBefore(lastActivityOn)) {
                return this;
            }
            return with(row -> {
                row.lastActivityOn = day;
                row.lastActivity = event;
            });
        }

        Row withExtension(LocalDate until, String reason, String legalBasis, Instant at, String byPin) {
            return with(row -> {
                row.keepUntil = until;
                row.keepReason = reason;
                row.keepLegalBasis = legalBasis;
                row.keptAt = at;
                row.keptByPin = byPin;
            });
        }

        /** A hold placed, or (all null) lifted. */
        Row withHold(String caseId, String reason, Instant at, String byPin) {
            return with(row -> {
                row.held = at != null;
                row.holdCaseId = caseId;
                row.holdReason = reason;
                row.heldAt = at;
                row.heldByPin = byPin;
            });
        }

        Row withErasure(Instant at, String legalBasis, String byPin) {
            return with(row -> {
                row.erased = true;
                row.erasedAt = at;
                row.erasureLegalBasis = legalBasis;
                row.erasedByPin = byPin;
            });
        }

        /** This row with {@code change} made to a copy of its values: the one place a row is copied. */
        private Row with(Consumer<Values> change) {
            Values values = new Values(this);
            change.accept(values);
            return values.row();
        }

        /** A row's values, changed one by one before they make a new row. */
        private static final class Values {
            private String candidateId;
            private String centreId;
            private String registrationNumber;
            private long lastSequence;
            private CandidateStatus status;
            private LocalDate lastActivityOn;
            private String lastActivity;
            private LocalDate keepUntil;
            private String keepReason;
            private String keepLegalBasis;
            private Instant keptAt;
            private String keptByPin;
            private boolean held;
            private String holdCaseId;
            private String holdReason;
            private Instant heldAt;
            private String heldByPin;
            private boolean erased;
            private Instant erasedAt;
            private String erasureLegalBasis;
            private String erasedByPin;

            Values(Row row) {
                candidateId = row.candidateId();
                centreId = row.centreId();
                registrationNumber = row.registrationNumber();
                lastSequence = row.lastSequence();
                status = row.status();
                lastActivityOn = row.lastActivityOn();
                lastActivity = row.lastActivity();
                keepUntil = row.keepUntil();
                keepReason = row.keepReason();
                keepLegalBasis = row.keepLegalBasis();
                keptAt = row.keptAt();
                keptByPin = row.keptByPin();
                held = row.held();
                holdCaseId = row.holdCaseId();
                holdReason = row.holdReason();
                heldAt = row.heldAt();
                heldByPin = row.heldByPin();
                erased = row.erased();
                erasedAt = row.erasedAt();
                erasureLegalBasis = row.erasureLegalBasis();
                erasedByPin = row.erasedByPin();
            }

            Row row() {
                return new Row(
                        candidateId,
                        centreId,
                        registrationNumber,
                        lastSequence,
                        status,
                        lastActivityOn,
                        lastActivity,
                        keepUntil,
                        keepReason,
                        keepLegalBasis,
                        keptAt,
                        keptByPin,
                        held,
                        holdCaseId,
                        holdReason,
                        heldAt,
                        heldByPin,
                        erased,
                        erasedAt,
                        erasureLegalBasis,
                        erasedByPin);
            }
        }
    }
}
