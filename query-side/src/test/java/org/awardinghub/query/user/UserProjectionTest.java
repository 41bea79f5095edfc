package org.awardinghub.query.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.query.InProcessMongo.allDocuments;

import com.mongodb.client.MongoDatabase;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.awardinghub.events.user.PasswordSet;
import org.awardinghub.events.user.PasswordSetBy;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.awardinghub.events.user.UserDetailsAmended;
import org.awardinghub.events.user.UserLockedOut;
import org.awardinghub.events.user.UserReactivated;
import org.awardinghub.events.user.UserRolesChanged;
import org.awardinghub.events.user.UserSignedIn;
import org.awardinghub.query.InProcessMongo;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UserProjectionTest {

    @RegisterExtension
    static final InProcessMongo mongo = new InProcessMongo();

    private static final Instant CREATED = Instant.parse("2026-01-05T09:00:00.250Z");
    private static final Instant LATER = Instant.parse("2026-01-06T10:00:00Z");
    private static final Instant LOCKED_UNTIL = Instant.parse("2026-01-06T10:30:00Z");
    private static final Instant LATEST = Instant.parse("2026-01-07T11:00:00Z");

    private MongoDatabase database;
    private UserProjection projection;

    @BeforeEach
    void setUp() {
        database = mongo.freshDatabase();
        projection = new UserProjection(database);
    }

    private void created(String userId, String name, String centreId, Role... roles) {
        projection.on(
                new UserCreated(userId, "PIN-" + userId, name, userId + "@example.org", Set.of(roles), centreId),
                0,
                CREATED);
    }

    private UserView find(String userId) {
        return projection.handle(new FindUser(userId));
    }

    @Test
    void givenNoUser_whenFound_thenNull() {
        created("u1", "Ann Smith", "c1", Role.CENTRE_ADMIN);

        assertThat(find("unknown")).isNull();
        assertThat(find(null)).isNull();
    }

    @Test
    void givenUserCreated_whenFound_thenActiveNotYetActivatedWithPinAndRoles() {
        created("u1", "Ann Smith", "c1", Role.INVIGILATOR, Role.CENTRE_ADMIN);

        assertThat(find("u1"))
                .isEqualTo(new UserView(
                        "u1",
                        "PIN-u1",
                        "Ann Smith",
                        "u1@example.org",
                        Set.of(Role.CENTRE_ADMIN, Role.INVIGILATOR),
                        "c1",
                        true,
                        false,
                        CREATED,
                        null,
                        null));
        assertThat(find("u1").roles()).containsExactly(Role.CENTRE_ADMIN, Role.INVIGILATOR);
    }

    @Test
    void givenUser_whenRolesChanged_thenNewRoles() {
        created("u1", "Ann Smith", "c1", Role.CENTRE_ADMIN);

        projection.on(
                new UserRolesChanged(
                        "u1",
                        "c1",
                        Set.of(Role.CENTRE_ADMIN),
                        Set.of(Role.CENTRE_COORDINATOR, Role.ASSESSOR),
                        "promoted"),
                1);

        assertThat(find("u1").roles()).containsExactly(Role.CENTRE_COORDINATOR, Role.ASSESSOR);
    }

    @Test
    void givenUser_whenDetailsAmended_thenNewNameAndEmail() {
        created("u1", "Ann Smith", "c1", Role.CENTRE_ADMIN);

        projection.on(
                new UserDetailsAmended(
                        "u1", "c1", "Ann Smith", "Ann Jones", "u1@example.org", "ann.jones@example.org", "married"),
                1);

        assertThat(find("u1").name()).isEqualTo("Ann Jones");
        assertThat(find("u1").email()).isEqualTo("ann.jones@example.org");
        assertThat(find("u1").pin()).isEqualTo("PIN-u1");
    }

    @Test
    void givenUser_whenDeactivatedThenReactivated_thenActiveFollows() {
        created("u1", "Ann Smith", "c1", Role.CENTRE_ADMIN);

        projection.on(new UserDeactivated("u1", "c1", "left the centre"), 1);
        assertThat(find("u1").active()).isFalse();

        projection.on(new UserReactivated("u1", "c1", "returned"), 2);
        assertThat(find("u1").active()).isTrue();
    }

    @Test
    void givenUser_whenPasswordSet_thenActivated() {
        created("u1", "Ann Smith", "c1", Role.CENTRE_ADMIN);

        projection.on(new PasswordSet("u1", "c1", PasswordSetBy.ACTIVATION), 1);

        assertThat(find("u1").activated()).isTrue();
    }

    @Test
    void givenUser_whenLockedOutThenSignedIn_thenLockClearedAndSignInRecorded() {
        created("u1", "Ann Smith", "c1", Role.CENTRE_ADMIN);

        projection.on(new UserLockedOut("u1", "c1", LOCKED_UNTIL), 1);
        assertThat(find("u1").lockedUntil()).isEqualTo(LOCKED_UNTIL);
        assertThat(find("u1").lastSignInAt()).isNull();

        projection.on(new UserSignedIn("u1", "c1"), 2, LATEST);
        assertThat(find("u1").lockedUntil()).isNull();
        assertThat(find("u1").lastSignInAt()).isEqualTo(LATEST);
    }

    @Test
    void givenUserSignedIn_whenOlderLockOutRedelivered_thenStillUnlocked() {
        created("u1", "Ann Smith", "c1", Role.CENTRE_ADMIN);
        projection.on(new UserLockedOut("u1", "c1", LOCKED_UNTIL), 1);
        projection.on(new UserSignedIn("u1", "c1"), 2, LATEST);
        List<Document> before = allDocuments(database, UserProjection.COLLECTION);

        projection.on(new UserLockedOut("u1", "c1", LOCKED_UNTIL), 1);

        assertThat(find("u1").lockedUntil()).isNull();
        assertThat(allDocuments(database, UserProjection.COLLECTION)).isEqualTo(before);
    }

    @Test
    void givenUserAmended_whenCreationRedelivered_thenAmendmentKept() {
        created("u1", "Ann Smith", "c1", Role.CENTRE_ADMIN);
        projection.on(
                new UserDetailsAmended(
                        "u1", "c1", "Ann Smith", "Ann Jones", "u1@example.org", "ann.jones@example.org", "married"),
                1);

        created("u1", "Ann Smith", "c1", Role.CENTRE_ADMIN);

        assertThat(find("u1").name()).isEqualTo("Ann Jones");
    }

    @Test
    void givenUsersOfSeveralCentres_whenCentreUsersListed_thenOnlyThatCentreByName() {
        created("u1", "Zoe Price", "c1", Role.CENTRE_ADMIN);
        created("u2", "adam Hughes", "c1", Role.INVIGILATOR);
        created("u3", "Bella Khan", "c2", Role.CENTRE_ADMIN);
        created("u4", "Carl Evans", "c1", Role.CENTRE_COORDINATOR);
        created("u5", "Imi Admin", null, Role.IMI_ADMIN);

        assertThat(projection.handle(new ListCentreUsers("c1")))
                .extracting(UserView::name)
                .containsExactly("adam Hughes", "Carl Evans", "Zoe Price");
        assertThat(projection.handle(new ListCentreUsers("c2")))
                .extracting(UserView::userId)
                .containsExactly("u3");
        assertThat(projection.handle(new ListCentreUsers("c9"))).isEmpty();
        assertThat(projection.handle(new ListCentreUsers(null))).isEmpty();
    }

    @Test
    void givenStaffAndCentreUsers_whenImiStaffListed_thenOnlyUsersWithoutCentreByName() {
        created("u1", "Zoe Price", "c1", Role.CENTRE_ADMIN);
        created("u2", "Victor Audit", null, Role.AUDITOR);
        created("u3", "Hannah Admin", null, Role.IMI_ADMIN);

        assertThat(projection.handle(new ListImiStaff()))
                .extracting(UserView::name)
                .containsExactly("Hannah Admin", "Victor Audit");
    }

    @Test
    void givenRenamedUser_whenListed_thenOrderedByNewName() {
        created("u1", "Amy Bell", "c1", Role.CENTRE_ADMIN);
        created("u2", "Mark Lee", "c1", Role.CENTRE_ADMIN);

        projection.on(
                new UserDetailsAmended(
                        "u1", "c1", "Amy Bell", "Yasmin Bell", "u1@example.org", "u1@example.org", "name changed"),
                1);

        assertThat(projection.handle(new ListCentreUsers("c1")))
                .extracting(UserView::userId)
                .containsExactly("u2", "u1");
    }

    @Test
    void givenUserHistory_thenDocumentHoldsNoSecretAndRolesAsNames() {
        created("u1", "Ann Smith", "c1", Role.CENTRE_ADMIN, Role.ASSESSOR);
        projection.on(new PasswordSet("u1", "c1", PasswordSetBy.ACTIVATION), 1);

        Document stored =
                database.getCollection(UserProjection.COLLECTION).find().first();
        assertThat(stored.keySet())
                .allSatisfy(key -> assertThat(key.toLowerCase()).doesNotContain("password", "hash", "token", "secret"));
        assertThat(stored.getList("roles", String.class)).containsExactly("CENTRE_ADMIN", "ASSESSOR");
        assertThat(stored.get("createdAt")).isInstanceOf(java.util.Date.class);
    }
}
