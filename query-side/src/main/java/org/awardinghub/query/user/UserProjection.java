package org.awardinghub.query.user;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Updates.combine;
import static com.mongodb.client.model.Updates.set;
import static org.awardinghub.query.ReadModelCollection.ID;
import static org.awardinghub.query.ReadModelCollection.date;
import static org.awardinghub.query.ReadModelCollection.instant;
import static org.awardinghub.query.ReadModelCollection.names;
import static org.awardinghub.query.ReadModelCollection.sortKey;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.awardinghub.events.PersonalData;
import org.awardinghub.events.user.PasswordSet;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.awardinghub.events.user.UserDetailsAmended;
import org.awardinghub.events.user.UserErased;
import org.awardinghub.events.user.UserLockedOut;
import org.awardinghub.events.user.UserReactivated;
import org.awardinghub.events.user.UserRolesChanged;
import org.awardinghub.events.user.UserSignedIn;
import org.awardinghub.query.Page;
import org.awardinghub.query.ReadModelCollection;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Users of the hub: one document per user in {@value #COLLECTION}, IMI staff with a null centre.
 * Holds the PIN (an identifier shown in My Details) and never a password, hash or token.
 */
@Component
@ProcessingGroup("hub")
public class UserProjection {

    public static final String COLLECTION = "users";

    private static final String NAME_KEY = "nameKey";
    private static final String CENTRE_ID = "centreId";
    private static final String PIN = "pin";

    private final ReadModelCollection users;

    public UserProjection(MongoDatabase database) {
        this.users = new ReadModelCollection(database, COLLECTION);
        users.ensureIndex(Indexes.ascending(CENTRE_ID, NAME_KEY, ID));
        // names beside the PINs that audit trails and timelines answer
        users.ensureIndex(Indexes.ascending(PIN));
    }

    @EventHandler
    void on(UserCreated event, @SequenceNumber long sequence, @Timestamp Instant at) {
        users.insert(
                event.userId(),
                sequence,
                new Document()
                        .append(PIN, event.pin())
                        .append("name", event.name())
                        .append(NAME_KEY, sortKey(event.name()))
                        .append("email", event.email())
                        .append("roles", roleNames(event.roles()))
                        .append(CENTRE_ID, event.centreId())
                        .append("active", true)
                        .append("activated", false)
                        .append("createdAt", date(at))
                        .append("lastSignInAt", null)
                        .append("lockedUntil", null));
    }

    @EventHandler
    void on(UserRolesChanged event, @SequenceNumber long sequence) {
        users.update(event.userId(), sequence, set("roles", roleNames(event.roles())));
    }

    @EventHandler
    void on(UserDetailsAmended event, @SequenceNumber long sequence) {
        users.update(
                event.userId(),
                sequence,
                combine(set("name", event.name()), set(NAME_KEY, sortKey(event.name())), set("email", event.email())));
    }

    @EventHandler
    void on(UserDeactivated event, @SequenceNumber long sequence) {
        users.update(event.userId(), sequence, set("active", false));
    }

    @EventHandler
    void on(UserReactivated event, @SequenceNumber long sequence) {
        users.update(event.userId(), sequence, set("active", true));
    }

    /** The account closed, with no name or email: as the events read once the user's key is erased (ADR 0163). */
    @EventHandler
    void on(UserErased event, @SequenceNumber long sequence) {
        users.update(
                event.userId(),
                sequence,
                combine(
                        set("name", PersonalData.ERASED),
                        set(NAME_KEY, sortKey(PersonalData.ERASED)),
                        set("email", PersonalData.ERASED),
                        set("active", false)));
    }

    @EventHandler
    void on(PasswordSet event, @SequenceNumber long sequence) {
        users.update(event.userId(), sequence, set("activated", true));
    }

    @EventHandler
    void on(UserSignedIn event, @SequenceNumber long sequence, @Timestamp Instant at) {
        users.update(event.userId(), sequence, combine(set("lastSignInAt", date(at)), set("lockedUntil", null)));
    }

    @EventHandler
    void on(UserLockedOut event, @SequenceNumber long sequence) {
        users.update(event.userId(), sequence, set("lockedUntil", date(event.until())));
    }

    @ResetHandler
    void reset() {
        users.deleteAll();
    }

    @QueryHandler
    UserView handle(FindUser query) {
        Document user = users.find(query.userId());
        return user == null ? null : toView(user);
    }

    @QueryHandler
    List<UserView> handle(ListCentreUsers query) {
        // a null centre would otherwise match the IMI staff
        if (query.centreId() == null) {
            return List.of();
        }
        return users.list(eq(CENTRE_ID, query.centreId()), ascending(NAME_KEY, ID), UserProjection::toView);
    }

    @QueryHandler
    List<UserView> handle(ListImiStaff query) {
        return users.list(eq(CENTRE_ID, null), ascending(NAME_KEY, ID), UserProjection::toView);
    }

    /** Declared raw: Axon matches {@code ResponseTypes.instanceOf(Page.class)} only against a plain class. */
    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(PageCentreUsers query) {
        if (query.centreId() == null) {
            return ReadModelCollection.emptyPage(query.page(), query.size());
        }
        return users.page(
                eq(CENTRE_ID, query.centreId()),
                ascending(NAME_KEY, ID),
                query.page(),
                query.size(),
                UserProjection::toView);
    }

    @QueryHandler
    @SuppressWarnings("rawtypes")
    Page handle(PageImiStaff query) {
        return users.page(
                eq(CENTRE_ID, null), ascending(NAME_KEY, ID), query.page(), query.size(), UserProjection::toView);
    }

    @QueryHandler
    List<PersonName> handle(FindPeopleNames query) {
        Set<String> ids = query.userIds() == null ? Set.of() : query.userIds();
        Set<String> pins = query.pins() == null ? Set.of() : query.pins();
        if (ids.isEmpty() && pins.isEmpty()) {
            return List.of();
        }
        return users.list(
                or(in(ID, ids), in(PIN, pins)),
                ascending(ID),
                user -> new PersonName(user.getString(ID), user.getString(PIN), user.getString("name")));
    }

    /** In the enum's order, so that the same roles always give the same document. */
    private static List<String> roleNames(Collection<Role> roles) {
        return names(roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles));
    }

    private static UserView toView(Document user) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        user.getList("roles", String.class, List.of()).forEach(name -> roles.add(Role.valueOf(name)));
        return new UserView(
                user.getString(ID),
                user.getString(PIN),
                user.getString("name"),
                user.getString("email"),
                Collections.unmodifiableSet(roles),
                user.getString(CENTRE_ID),
                user.getBoolean("active", false),
                user.getBoolean("activated", false),
                instant(user, "createdAt"),
                instant(user, "lastSignInAt"),
                instant(user, "lockedUntil"));
    }
}
