package org.awardinghub.query.personnel;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.awardinghub.events.AuditMetadata;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.awardinghub.events.user.PasswordSet;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.SignInFailed;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.awardinghub.events.user.UserDetailsAmended;
import org.awardinghub.events.user.UserErased;
import org.awardinghub.events.user.UserLockedOut;
import org.awardinghub.events.user.UserReactivated;
import org.awardinghub.events.user.UserRolesChanged;
import org.awardinghub.events.user.UserSignedIn;
import org.awardinghub.query.reports.Counters;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * The personnel reports ({@value #MIGRATION}): every user as they are now, with who created them and when, and their
 * last sign-in ({@code personnel_users}); failed sign-ins and lock-outs counted per centre, day and user
 * ({@code personnel_sign_in_days}), so that a report over any period sums one centre's index range. Written through
 * the processor's transaction, which also stores its token; besides, each user's row keeps the sequence number of
 * the last event applied, so an event delivered again (a retried dead letter, a redelivered batch) changes nothing,
 * its count included. What each user did about fair access ({@value #FAIR_ACCESS_MIGRATION}) comes from other
 * aggregates, where the user's sequence number says nothing: one row per event in {@code personnel_fair_access},
 * keyed by the event's identifier and inserted only when absent, is counted per centre, day, user and action when a
 * report is made (ADR 0161). A replay starts from empty tables.
 * The assessors' and IQAs' workloads are not kept here: they are the ePortfolio's, asked of
 * {@link PersonnelWorkloads} when a report is made (null while no ePortfolio provides it).
 */
@Component
@ProcessingGroup(PersonnelProjection.PROCESSING_GROUP)
class PersonnelProjection {

    public static final String PROCESSING_GROUP = "personnel";
    /** The tables, created by Flyway with the application's other migrations (ADR 0146). */
    public static final String MIGRATION = "V7__personnel_reports.sql";
    /** The fair-access table, added by a migration of its own. */
    public static final String FAIR_ACCESS_MIGRATION = "V17__personnel_fair_access.sql";
    /** The roles whose ePortfolio workload the report shows. */
    static final Set<Role> WITH_WORKLOAD = EnumSet.of(Role.ASSESSOR, Role.IQA);

    private final JdbcTemplate jdbc;
    private final Counters signInDays;
    private final Optional<PersonnelWorkloads> workloads;

    public PersonnelProjection(JdbcTemplate jdbc, Optional<PersonnelWorkloads> workloads) {
        this.jdbc = jdbc;
        this.workloads = workloads;
        this.signInDays = new Counters(
                jdbc,
                "personnel_sign_in_days",
                List.of("centre_id", "attempted_on", "user_id"),
                List.of("failed_sign_ins", "lock_outs"));
    }

    @EventHandler
    void on(
            UserCreated event,
            @SequenceNumber long sequence,
            @Timestamp Instant at,
            @MetaDataValue(AuditMetadata.ACTOR_PIN) String actorPin) {
        Integer known = jdbc.queryForObject(
                "SELECT COUNT(*) FROM personnel_users WHERE user_id = ?", Integer.class, event.userId());
        if (known != null && known > 0) {
            return;
        }
        jdbc.update(
                "INSERT INTO personnel_users (user_id, centre_id, pin, name, email, roles, active, activated,"
                        + " created_at, created_by_pin, last_sequence) VALUES (?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, ?, ?)",
                event.userId(),
                event.centreId(),
                event.pin(),
                event.name(),
                event.email(),
                roleList(event.roles()),
                at.toEpochMilli(),
                actorPin,
                sequence);
    }

    @EventHandler
    void on(UserDetailsAmended event, @SequenceNumber long sequence) {
        apply(event.userId(), sequence, "name = ?, email = ?", event.name(), event.email());
    }

    @EventHandler
    void on(UserRolesChanged event, @SequenceNumber long sequence) {
        apply(event.userId(), sequence, "roles = ?", roleList(event.roles()));
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long sequence) {
        apply(event.userId(), sequence, "active = FALSE");
    }

    @EventHandler
    void on(UserReactivated event, @SequenceNumber long sequence) {
        apply(event.userId(), sequence, "active = TRUE");
    }

    /** No name or email kept, the account closed: as the events read once the user's key is erased (ADR 0163). */
    @EventHandler
    void on(UserErased event, @SequenceNumber long sequence) {
        apply(
                event.userId(),
                sequence,
                "name = ?, email = ?, active = FALSE",
                PersonalData.ERASED,
                PersonalData.ERASED);
    }

    @EventHandler
    void on(PasswordSet event, @SequenceNumber long sequence) {
        apply(event.userId(), sequence, "activated = TRUE");
    }

    @EventHandler
    void on(UserSignedIn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        apply(event.userId(), sequence, "last_sign_in_at = ?", at.toEpochMilli());
    }

    @EventHandler
    void on(SignInFailed event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (apply(event.userId(), sequence, null) && event.centreId() != null) {
            signInDays.add(List.of(event.centreId(), day(at), event.userId()), 1, 0);
        }
    }

    @EventHandler
    void on(UserLockedOut event, @SequenceNumber long sequence, @Timestamp Instant at) {
        if (apply(event.userId(), sequence, null) && event.centreId() != null) {
            signInDays.add(List.of(event.centreId(), day(at), event.userId()), 0, 1);
        }
    }

    @EventHandler
    void on(AccessArrangementRequested event, @MessageIdentifier String id, @Timestamp Instant at) {
        acted(id, event.centreId(), at, event.requestedByUserId(), FairAccessAction.ACCESS_ARRANGEMENT_REQUESTED);
    }

    @EventHandler
    void on(SpecialConsiderationApplied event, @MessageIdentifier String id, @Timestamp Instant at) {
        acted(id, event.centreId(), at, event.appliedByUserId(), FairAccessAction.SPECIAL_CONSIDERATION_APPLIED_FOR);
    }

    @EventHandler
    void on(ResultEnquiryRaised event, @MessageIdentifier String id, @Timestamp Instant at) {
        acted(id, event.centreId(), at, event.raisedByUserId(), FairAccessAction.RESULT_ENQUIRY_RAISED);
    }

    @EventHandler
    void on(AppealLodged event, @MessageIdentifier String id, @Timestamp Instant at) {
        acted(id, event.centreId(), at, event.lodgedByUserId(), FairAccessAction.APPEAL_LODGED);
    }

    @EventHandler
    void on(IncidentRecorded event, @MessageIdentifier String id, @Timestamp Instant at) {
        acted(id, event.centreId(), at, event.recordedByUserId(), FairAccessAction.INCIDENT_RECORDED);
    }

    @EventHandler
    void on(AttemptPaused event, @MessageIdentifier String id, @Timestamp Instant at) {
        acted(id, event.centreId(), at, event.byUserId(), FairAccessAction.ATTEMPT_PAUSED);
    }

    /**
     * Records that the user did {@code action} at the centre, once per event: the row is inserted only when no row
     * has the event's identifier (checked in the statement, because a duplicate-key error would abort the whole
     * transaction on PostgreSQL; one segment writes the table, so nothing races it).
     */
    private void acted(String eventId, String centreId, Instant at, String userId, FairAccessAction action) {
        if (centreId == null || userId == null) {
            return;
        }
        jdbc.update(
                "INSERT INTO personnel_fair_access (event_id, centre_id, acted_on, user_id, action)"
                        + " SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS"
                        + " (SELECT 1 FROM personnel_fair_access WHERE event_id = ?)",
                eventId,
                centreId,
                day(at),
                userId,
                action.name(),
                eventId);
    }

    /**
     * Applies the user's event at {@code sequence} (the {@code assignments}, if any, with their {@code values}) when
     * no later or equal one was applied before; answers whether it did.
     */
    private boolean apply(String userId, long sequence, String assignments, Object... values) {
        List<Object> arguments = new ArrayList<>(Arrays.asList(values));
        arguments.addAll(List.of(sequence, userId, sequence));
        return jdbc.update(
                        "UPDATE personnel_users SET " + (assignments == null ? "" : assignments + ", ")
                                + "last_sequence = ? WHERE user_id = ? AND last_sequence < ?",
                        arguments.toArray())
                == 1;
    }

    @ResetHandler
    void reset() {
        jdbc.update("DELETE FROM personnel_users");
        jdbc.update("DELETE FROM personnel_sign_in_days");
        jdbc.update("DELETE FROM personnel_fair_access");
    }

    @QueryHandler
    Personnel handle(PersonnelReport query) {
        Map<String, long[]> signIns = new HashMap<>();
        inPeriod(
                query,
                "SELECT user_id, SUM(failed_sign_ins), SUM(lock_outs) FROM personnel_sign_in_days",
                "attempted_on",
                "user_id",
                row -> {
                    signIns.put(row.getString(1), new long[] {row.getLong(2), row.getLong(3)});
                });
        Map<String, Map<FairAccessAction, Long>> fairAccess = new HashMap<>();
        inPeriod(
                query,
                "SELECT user_id, action, COUNT(*) FROM personnel_fair_access",
                "acted_on",
                "user_id, action",
                row -> {
                    fairAccess
                            .computeIfAbsent(row.getString(1), user -> new EnumMap<>(FairAccessAction.class))
                            .put(FairAccessAction.valueOf(row.getString(2)), row.getLong(3));
                });
        Optional<Map<String, Workload>> atCentre = workloads.map(provider -> provider.of(query.centreId()));
        List<Personnel.Person> users = jdbc.query(
                "SELECT user_id, name, pin, email, roles, active, activated,"
                        + " created_at, created_by_pin, last_sign_in_at FROM personnel_users WHERE centre_id = ?",
                (row, n) -> {
                    String userId = row.getString(1);
                    List<Role> roles = roles(row.getString(5));
                    long[] counts = signIns.getOrDefault(userId, new long[2]);
                    Workload workload = roles.stream().anyMatch(WITH_WORKLOAD::contains)
                            ? atCentre.map(all -> all.getOrDefault(userId, Workload.NONE))
                                    .orElse(null)
                            : null;
                    return new Personnel.Person(
                            userId,
                            row.getString(2),
                            row.getString(3),
                            row.getString(4),
                            roles,
                            row.getBoolean(6),
                            row.getBoolean(7),
                            Instant.ofEpochMilli(row.getLong(8)),
                            row.getString(9),
                            instant(row, 10),
                            counts[0],
                            counts[1],
                            fairAccess(fairAccess.getOrDefault(userId, Map.of())),
                            workload);
                },
                query.centreId());
        List<Personnel.Person> byName = new ArrayList<>(users);
        byName.sort(
                Comparator.comparing((Personnel.Person person) -> person.name().toLowerCase(Locale.ROOT))
                        .thenComparing(Personnel.Person::userId));
        return new Personnel(query.centreId(), query.from(), query.to(), byName);
    }

    /**
     * Runs {@code select} over the report's centre and the days of its period ({@code dayColumn} from {@code from}
     * to {@code to}, both included), grouped by {@code groupBy}: the range of the table's index that leads with the
     * centre and the day.
     */
    private void inPeriod(
            PersonnelReport query, String select, String dayColumn, String groupBy, RowCallbackHandler rows) {
        jdbc.query(
                select + " WHERE centre_id = ? AND " + dayColumn + " >= ? AND " + dayColumn + " <= ? GROUP BY "
                        + groupBy,
                rows,
                query.centreId(),
                Date.valueOf(query.from()),
                Date.valueOf(query.to()));
    }

    private static Personnel.FairAccess fairAccess(Map<FairAccessAction, Long> counts) {
        return new Personnel.FairAccess(
                counts.getOrDefault(FairAccessAction.ACCESS_ARRANGEMENT_REQUESTED, 0L),
                counts.getOrDefault(FairAccessAction.SPECIAL_CONSIDERATION_APPLIED_FOR, 0L),
                counts.getOrDefault(FairAccessAction.RESULT_ENQUIRY_RAISED, 0L),
                counts.getOrDefault(FairAccessAction.APPEAL_LODGED, 0L),
                counts.getOrDefault(FairAccessAction.INCIDENT_RECORDED, 0L),
                counts.getOrDefault(FairAccessAction.ATTEMPT_PAUSED, 0L));
    }

    /** What a user may do about fair access, as {@code personnel_fair_access.action} names it. */
    private enum FairAccessAction {
        ACCESS_ARRANGEMENT_REQUESTED,
        SPECIAL_CONSIDERATION_APPLIED_FOR,
        RESULT_ENQUIRY_RAISED,
        APPEAL_LODGED,
        INCIDENT_RECORDED,
        ATTEMPT_PAUSED
    }

    private static Date day(Instant at) {
        return Date.valueOf(LocalDate.ofInstant(at, ZoneOffset.UTC));
    }

    /** In the enum's order, so that the same roles always read the same. */
    private static String roleList(Collection<Role> roles) {
        return roles == null || roles.isEmpty()
                ? ""
                : EnumSet.copyOf(roles).stream().map(Role::name).collect(Collectors.joining(","));
    }

    private static List<Role> roles(String list) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : list.split(",")) {
            if (!name.isEmpty()) {
                roles.add(Role.valueOf(name));
            }
        }
        return List.copyOf(roles);
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        long millis = row.getLong(column);
        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
    }
}
