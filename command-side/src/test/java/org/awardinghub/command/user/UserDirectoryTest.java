package org.awardinghub.command.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.awardinghub.events.user.UserDetailsAmended;
import org.awardinghub.events.user.UserReactivated;
import org.awardinghub.events.user.UserRolesChanged;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class UserDirectoryTest {

    static final String CENTRE = "centre-1";
    static final UserCreated ANN = new UserCreated(
            "user-1",
            "23456789",
            "Ann Smith",
            "Ann.Smith@northgate.ac.uk",
            Set.of(Role.CENTRE_ADMIN, Role.INVIGILATOR),
            CENTRE);

    LookupDatabase database;
    UserDirectory users;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        users = database.lookup(UserDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Test
    void givenUserCreated_whenLookedUpByPinOrId_thenTheirAccount() {
        database.apply(ANN);
        UserAccount expected = new UserAccount(
                "user-1",
                "23456789",
                "Ann Smith",
                "Ann.Smith@northgate.ac.uk",
                Set.of(Role.CENTRE_ADMIN, Role.INVIGILATOR),
                CENTRE,
                true);
        assertThat(users.findByPin("23456789")).contains(expected);
        assertThat(users.findById("user-1")).contains(expected);
        assertThat(users.findByPin("99999999")).isEmpty();
        assertThat(users.findById("user-2")).isEmpty();
    }

    @Test
    void givenUserCreated_whenPinAsked_thenTaken() {
        database.apply(ANN);
        assertThat(users.pinTaken("23456789")).isTrue();
        assertThat(users.pinTaken("23456780")).isFalse();
    }

    @Test
    void givenUserCreated_whenEmailAskedInAnyLetterCase_thenTakenAtTheirCentreOnly() {
        database.apply(ANN);
        assertThat(users.emailTaken(CENTRE, "ann.smith@NORTHGATE.ac.uk")).isTrue();
        assertThat(users.emailTaken("centre-2", "ann.smith@northgate.ac.uk")).isFalse();
        assertThat(users.emailTaken(null, "ann.smith@northgate.ac.uk")).isFalse();
    }

    @Test
    void givenImiStaffCreated_whenEmailAskedWithoutCentre_thenTaken() {
        database.apply(new UserCreated("user-9", "34567890", "Ian", "ian@theimi.org.uk", Set.of(Role.AUDITOR), null));
        assertThat(users.emailTaken(null, "IAN@theimi.org.uk")).isTrue();
        assertThat(users.emailTaken(CENTRE, "ian@theimi.org.uk")).isFalse();
        assertThat(users.findById("user-9"))
                .get()
                .extracting(UserAccount::centreId)
                .isNull();
    }

    @Test
    void givenPinIssued_whenAnotherUserIsCreatedWithIt_thenTheWriteFails() {
        database.apply(ANN);
        assertThatThrownBy(() -> database.apply(new UserCreated(
                        "user-2", "23456789", "Bob", "bob@northgate.ac.uk", Set.of(Role.ASSESSOR), CENTRE)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenEmailUsedAtACentre_whenAnotherUserThereIsCreatedWithItInOtherCase_thenTheWriteFails() {
        database.apply(ANN);
        assertThatThrownBy(() -> database.apply(new UserCreated(
                        "user-2", "34567890", "Ann Other", "ann.smith@northgate.AC.UK", Set.of(Role.ASSESSOR), CENTRE)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenEmailUsedAtACentre_whenAUserElsewhereIsCreatedWithIt_thenWritten() {
        database.apply(ANN);
        database.apply(new UserCreated(
                "user-2", "34567890", "Ann Smith", "ann.smith@northgate.ac.uk", Set.of(Role.ASSESSOR), "centre-2"));
        assertThat(users.findById("user-2")).isPresent();
    }

    @Test
    void givenUserDeactivated_whenTheirPinIsDrawnAgain_thenStillTaken() {
        database.apply(ANN);
        database.apply(new UserDeactivated("user-1", CENTRE, "Left"));
        assertThat(users.pinTaken("23456789")).isTrue();
    }

    @Test
    void givenRolesChanged_whenLookedUp_thenTheNewRoles() {
        database.apply(ANN);
        database.apply(new UserRolesChanged("user-1", CENTRE, ANN.roles(), Set.of(Role.IQA), "Moved"));
        assertThat(users.findById("user-1"))
                .get()
                .extracting(UserAccount::roles)
                .isEqualTo(Set.of(Role.IQA));
    }

    @Test
    void givenDetailsAmended_whenLookedUp_thenTheNewDetailsAndTheOldEmailIsFree() {
        database.apply(ANN);
        database.apply(new UserDetailsAmended(
                "user-1", CENTRE, "Ann Smith", "Ann Jones", ANN.email(), "ann.jones@northgate.ac.uk", "Married"));
        UserAccount account = users.findById("user-1").orElseThrow();
        assertThat(account.name()).isEqualTo("Ann Jones");
        assertThat(account.email()).isEqualTo("ann.jones@northgate.ac.uk");
        assertThat(users.emailTaken(CENTRE, "ann.jones@northgate.ac.uk")).isTrue();
        assertThat(users.emailTaken(CENTRE, ANN.email())).isFalse();
    }

    @Test
    void givenEmailUsedAtACentre_whenAnotherUserThereIsAmendedToIt_thenTheWriteFails() {
        database.apply(ANN);
        database.apply(
                new UserCreated("user-2", "34567890", "Bob", "bob@northgate.ac.uk", Set.of(Role.ASSESSOR), CENTRE));
        assertThatThrownBy(() -> database.apply(new UserDetailsAmended(
                        "user-2",
                        CENTRE,
                        "Bob",
                        "Bob",
                        "bob@northgate.ac.uk",
                        "ANN.SMITH@northgate.ac.uk",
                        "Shared inbox")))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenUserDeactivatedAndReactivated_whenLookedUp_thenActiveFollows() {
        database.apply(ANN);
        database.apply(new UserDeactivated("user-1", CENTRE, "Left"));
        assertThat(users.findById("user-1"))
                .get()
                .extracting(UserAccount::active)
                .isEqualTo(false);
        database.apply(new UserReactivated("user-1", CENTRE, "Back"));
        assertThat(users.findById("user-1"))
                .get()
                .extracting(UserAccount::active)
                .isEqualTo(true);
    }

    @Test
    void givenNoUsers_whenAskedForAnImiAdmin_thenNone() {
        assertThat(users.anyImiAdmin()).isFalse();
    }

    @Test
    void givenOnlyAnAuditor_whenAskedForAnImiAdmin_thenNone() {
        database.apply(new UserCreated("user-9", "34567890", "Ian", "ian@theimi.org.uk", Set.of(Role.AUDITOR), null));
        assertThat(users.anyImiAdmin()).isFalse();
    }

    @Test
    void givenAnActiveImiAdmin_whenAskedForAnImiAdmin_thenOne() {
        database.apply(new UserCreated(
                "user-9", "34567890", "Ian", "ian@theimi.org.uk", Set.of(Role.AUDITOR, Role.IMI_ADMIN), null));
        assertThat(users.anyImiAdmin()).isTrue();
    }

    @Test
    void givenTheOnlyImiAdminDeactivated_whenAskedForAnImiAdmin_thenNone() {
        database.apply(new UserCreated("user-9", "34567890", "Ian", "ian@theimi.org.uk", Set.of(Role.IMI_ADMIN), null));
        database.apply(new UserDeactivated("user-9", null, "Left"));
        assertThat(users.anyImiAdmin()).isFalse();
    }

    @Test
    void givenTheOnlyImiAdminMadeAuditor_whenAskedForAnImiAdmin_thenNone() {
        database.apply(new UserCreated("user-9", "34567890", "Ian", "ian@theimi.org.uk", Set.of(Role.IMI_ADMIN), null));
        database.apply(new UserRolesChanged("user-9", null, Set.of(Role.IMI_ADMIN), Set.of(Role.AUDITOR), "Moved"));
        assertThat(users.anyImiAdmin()).isFalse();
    }
}
