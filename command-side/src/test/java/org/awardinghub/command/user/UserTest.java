package org.awardinghub.command.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.user.NotificationPreferencesChanged;
import org.awardinghub.events.user.PasswordResetRequested;
import org.awardinghub.events.user.PasswordSet;
import org.awardinghub.events.user.PasswordSetBy;
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
import org.awardinghub.events.user.UserSignedOut;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UserTest {

    static final String USER = "user-1";
    static final String CENTRE = "centre-1";
    static final String OTHER_CENTRE = "centre-2";
    static final String WITHDRAWN_CENTRE = "centre-gone";
    static final String PIN = "23456789";
    static final String NAME = "Ann Smith";
    static final String EMAIL = "ann.smith@northgate.ac.uk";
    static final Set<Role> ADMIN = Set.of(Role.CENTRE_ADMIN);
    static final long SEED = 20261126L;

    static final UserCreated CREATED = new UserCreated(USER, PIN, NAME, EMAIL, ADMIN, CENTRE);
    static final UserDeactivated DEACTIVATED = new UserDeactivated(USER, CENTRE, "Left the centre");

    LookupDatabase database;
    UserDirectory users;
    CentreDirectory centres;
    FixtureConfiguration<User> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        users = database.lookup(UserDirectory.class);
        centres = database.lookup(CentreDirectory.class);
        database.apply(new CentreApplied(CENTRE, "Northgate College", "Leeds", "office@northgate.ac.uk"));
        database.apply(new CentreApproved(CENTRE, "100001", List.of("MVR-L2"), false));
        database.apply(new CentreApplied(OTHER_CENTRE, "Southgate College", "York", "office@southgate.ac.uk"));
        database.apply(new CentreApplied(WITHDRAWN_CENTRE, "Gone College", "Hull", "office@gone.ac.uk"));
        database.apply(new CentreWithdrawn(WITHDRAWN_CENTRE, "Closed"));

        fixture = new AggregateTestFixture<>(User.class);
        fixture.registerInjectableResource(new PinIssuer(users, new Random(SEED)));
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(centres);
        fixture.registerInjectableResource(database.lookup(CandidateDirectory.class));
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    /** The PIN the fixture's issuer will draw: same seed, same directory. */
    String nextPin() {
        return new PinIssuer(users, new Random(SEED)).issue();
    }

    @Nested
    class CreateUserSpec {

        @Test
        void givenApprovedCentre_whenUserCreated_thenPinIssuedRecordedAndReturned() {
            String pin = nextPin();
            assertThat(pin).matches("[1-9][0-9]{7}");

            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, "  " + NAME + " ", " " + EMAIL, ADMIN, CENTRE))
                    .expectEvents(new UserCreated(USER, pin, NAME, EMAIL, ADMIN, CENTRE))
                    .expectResultMessagePayload(pin);
        }

        @Test
        void givenAppliedCentre_whenItsCoordinatorIsCreated_thenCreated() {
            String pin = nextPin();
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, Set.of(Role.CENTRE_COORDINATOR), OTHER_CENTRE))
                    .expectEvents(
                            new UserCreated(USER, pin, NAME, EMAIL, Set.of(Role.CENTRE_COORDINATOR), OTHER_CENTRE))
                    .expectResultMessagePayload(pin);
        }

        @Test
        void givenNoCentre_whenImiStaffCreated_thenCreatedWithoutCentre() {
            String pin = nextPin();
            Set<Role> staff = Set.of(Role.IMI_ADMIN, Role.AUDITOR);
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, "ann@theimi.org.uk", staff, null))
                    .expectEvents(new UserCreated(USER, pin, NAME, "ann@theimi.org.uk", staff, null))
                    .expectResultMessagePayload(pin);
        }

        @Test
        void givenPinAlreadyIssued_whenUserCreated_thenAnotherPinIsIssued() {
            String taken = nextPin();
            database.apply(new UserCreated("user-0", taken, "Bob", "bob@northgate.ac.uk", ADMIN, CENTRE));
            String pin = nextPin();
            assertThat(pin).isNotEqualTo(taken);

            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, ADMIN, CENTRE))
                    .expectEvents(new UserCreated(USER, pin, NAME, EMAIL, ADMIN, CENTRE))
                    .expectResultMessagePayload(pin);
        }

        @Test
        void givenCentre_whenItsUserIsGivenAnImiStaffRole_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, Set.of(Role.CENTRE_ADMIN, Role.AUDITOR), CENTRE))
                    .expectException(InvalidField.named("roles"))
                    .expectNoEvents();
        }

        @Test
        void givenNoCentre_whenImiStaffIsGivenACentreRole_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, Set.of(Role.IMI_ADMIN, Role.INVIGILATOR), null))
                    .expectException(InvalidField.named("roles"));
        }

        @Test
        void whenCreatedWithoutRoles_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, Set.of(), CENTRE))
                    .expectException(InvalidField.named("roles"));
        }

        @Test
        void whenCreatedWithBlankName_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, "  ", EMAIL, ADMIN, CENTRE))
                    .expectException(InvalidField.named("name"));
        }

        @Test
        void whenCreatedWithNameOver100Characters_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, "n".repeat(101), EMAIL, ADMIN, CENTRE))
                    .expectException(InvalidField.named("name"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Ann\u0000Smith", "Ann \u001B[2JSmith", "Ann \u202EhtimS", "Ann\nSmith"})
        void whenCreatedWithAControlOrOverrideInTheName_thenRefusedAndNothingRecorded(String name) {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, name, EMAIL, ADMIN, CENTRE))
                    .expectException(InvalidField.named("name"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"ann\u0000@northgate.ac.uk", "ann\u001B@northgate.ac.uk", "ann\u202E@northgate.ac.uk"})
        void whenCreatedWithAControlOrOverrideInTheEmail_thenRefusedAndNothingRecorded(String email) {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, email, ADMIN, CENTRE))
                    .expectException(InvalidField.named("email"))
                    .expectNoEvents();
        }

        @Test
        void whenCreatedWithImplausibleEmail_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, "ann at northgate", ADMIN, CENTRE))
                    .expectException(InvalidField.named("email"));
        }

        @Test
        void givenNoSuchCentre_whenUserCreated_thenUnknownRecord() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, ADMIN, "centre-none"))
                    .expectException(UnknownRecord.class);
        }

        @Test
        void givenWithdrawnCentre_whenUserCreated_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, ADMIN, WITHDRAWN_CENTRE))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is WITHDRAWN; a withdrawn centre cannot have new users");
        }

        @Test
        void givenEmailUsedAtTheSameCentreInOtherLetterCase_whenUserCreated_thenRefused() {
            database.apply(
                    new UserCreated("user-0", "12345678", "Ann Other", "ANN.SMITH@Northgate.ac.uk", ADMIN, CENTRE));
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, ADMIN, CENTRE))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Email " + EMAIL + " is already used by another user of this centre");
        }

        @Test
        void givenEmailUsedAtAnotherCentre_whenUserCreated_thenCreated() {
            database.apply(new UserCreated("user-0", "12345678", NAME, EMAIL, ADMIN, OTHER_CENTRE));
            String pin = nextPin();
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, ADMIN, CENTRE))
                    .expectEvents(new UserCreated(USER, pin, NAME, EMAIL, ADMIN, CENTRE));
        }

        @Test
        void givenEmailUsedByImiStaff_whenAnotherImiStaffUserIsCreatedWithIt_thenRefused() {
            database.apply(
                    new UserCreated("user-0", "12345678", NAME, "ann@theimi.org.uk", Set.of(Role.AUDITOR), null));
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, "Ann@TheIMI.org.uk", Set.of(Role.IMI_ADMIN), null))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Email Ann@TheIMI.org.uk is already used by another IMI staff user");
        }

        @Test
        void givenEmailUsedByImiStaff_whenACentreUserIsCreatedWithIt_thenCreated() {
            database.apply(new UserCreated("user-0", "12345678", NAME, EMAIL, Set.of(Role.AUDITOR), null));
            String pin = nextPin();
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, ADMIN, CENTRE))
                    .expectEvents(new UserCreated(USER, pin, NAME, EMAIL, ADMIN, CENTRE));
        }
    }

    @Nested
    class CandidateAccountSpec {

        @BeforeEach
        void registerTheCandidate() {
            database.lookup(CandidateDirectory.class);
            database.apply(new CandidateRegistered(
                    "candidate-1",
                    CENTRE,
                    "AB12CD34",
                    "Zoë",
                    "Hart",
                    LocalDate.parse("2005-04-17"),
                    null,
                    "MVR-L2",
                    LocalDate.parse("2026-09-01"),
                    LocalDate.parse("2026-09-10"),
                    false,
                    false));
        }

        @Test
        void givenACandidateOfTheCentre_whenTheirAccountIsCreated_thenItNamesThemAndHoldsOnlyCandidate() {
            String pin = nextPin();
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(
                            USER, "Zoë Hart", "zoe@example.org", Set.of(Role.CANDIDATE), CENTRE, "candidate-1"))
                    .expectEvents(new UserCreated(
                            USER, pin, "Zoë Hart", "zoe@example.org", Set.of(Role.CANDIDATE), CENTRE, "candidate-1"));
        }

        @Test
        void givenTheCandidateHasAnAccount_whenAnotherIsCreated_thenRefused() {
            database.apply(new UserCreated(
                    "user-first",
                    "12121212",
                    "Zoë Hart",
                    "zoe@example.org",
                    Set.of(Role.CANDIDATE),
                    CENTRE,
                    "candidate-1"));
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(
                            USER, "Zoë Hart", "zoe2@example.org", Set.of(Role.CANDIDATE), CENTRE, "candidate-1"))
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate candidate-1 already has an account (PIN 12121212)");
        }

        @Test
        void givenACandidateOfAnotherCentre_whenAnAccountIsCreated_thenUnknown() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(
                            USER, "Zoë Hart", "zoe@example.org", Set.of(Role.CANDIDATE), OTHER_CENTRE, "candidate-1"))
                    .expectNoEvents()
                    .expectException(UnknownRecord.class);
        }

        @Test
        void givenAStaffUser_whenGivenTheCandidateRole_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateUser(USER, NAME, EMAIL, Set.of(Role.CANDIDATE, Role.ASSESSOR), CENTRE))
                    .expectNoEvents()
                    .expectException(InvalidField.named("roles"));
        }
    }

    @Nested
    class RegisterBootstrapAdminSpec {

        static final String IMI_EMAIL = "admin@awarding-hub.local";

        @Test
        void givenNewInstall_whenBootstrapAdminRegisteredWithoutPin_thenImiAdminCreatedWithAnIssuedPin() {
            String pin = nextPin();
            fixture.givenNoPriorActivity()
                    .when(new RegisterBootstrapAdmin(USER, null, " Bootstrap Administrator ", IMI_EMAIL))
                    .expectEvents(new UserCreated(
                            USER, pin, "Bootstrap Administrator", IMI_EMAIL, Set.of(Role.IMI_ADMIN), null))
                    .expectResultMessagePayload(pin);
        }

        @Test
        void givenNewInstall_whenBootstrapAdminRegisteredWithAChosenPin_thenThatPin() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterBootstrapAdmin(USER, "87654321", "Bootstrap Administrator", IMI_EMAIL))
                    .expectEvents(new UserCreated(
                            USER, "87654321", "Bootstrap Administrator", IMI_EMAIL, Set.of(Role.IMI_ADMIN), null))
                    .expectResultMessagePayload("87654321");
        }

        @Test
        void givenActiveImiAdmin_whenBootstrapAdminRegistered_thenRefused() {
            database.apply(
                    new UserCreated("user-0", "12345678", "Ian", "ian@theimi.org.uk", Set.of(Role.IMI_ADMIN), null));
            fixture.givenNoPriorActivity()
                    .when(new RegisterBootstrapAdmin(USER, null, "Bootstrap Administrator", IMI_EMAIL))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void givenChosenPinAlreadyIssued_whenBootstrapAdminRegistered_thenRefused() {
            database.apply(new UserCreated("user-0", "87654321", "Carl", "carl@northgate.ac.uk", ADMIN, CENTRE));
            fixture.givenNoPriorActivity()
                    .when(new RegisterBootstrapAdmin(USER, "87654321", "Bootstrap Administrator", IMI_EMAIL))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("PIN 87654321 has already been issued");
        }

        @Test
        void givenNewInstall_whenBootstrapAdminRegisteredWithAMalformedPin_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterBootstrapAdmin(USER, "01234567", "Bootstrap Administrator", IMI_EMAIL))
                    .expectException(InvalidField.named("pin"));
        }

        @Test
        void givenImiStaffWithTheEmail_whenBootstrapAdminRegistered_thenRefused() {
            database.apply(new UserCreated("user-0", "12345678", "Ann", IMI_EMAIL, Set.of(Role.AUDITOR), null));
            fixture.givenNoPriorActivity()
                    .when(new RegisterBootstrapAdmin(USER, null, "Bootstrap Administrator", IMI_EMAIL))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Email " + IMI_EMAIL + " is already used by another IMI staff user");
        }
    }

    @Nested
    class ChangeUserRolesSpec {

        @Test
        void givenActiveUser_whenRolesChanged_thenOldAndNewRolesAreRecorded() {
            Set<Role> roles = Set.of(Role.CENTRE_ADMIN, Role.INVIGILATOR);
            fixture.given(CREATED)
                    .when(new ChangeUserRoles(USER, roles, "Trained as invigilator"))
                    .expectEvents(new UserRolesChanged(USER, CENTRE, ADMIN, roles, "Trained as invigilator"));
        }

        @Test
        void givenActiveUser_whenGivenTheRolesTheyHave_thenNothingIsRecorded() {
            fixture.given(CREATED)
                    .when(new ChangeUserRoles(USER, Set.of(Role.CENTRE_ADMIN), "No change"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenRolesChanged_whenChangedBack_thenRecordedFromTheChangedRoles() {
            Set<Role> assessor = Set.of(Role.ASSESSOR);
            fixture.given(CREATED, new UserRolesChanged(USER, CENTRE, ADMIN, assessor, "Moved"))
                    .when(new ChangeUserRoles(USER, ADMIN, "Moved back"))
                    .expectEvents(new UserRolesChanged(USER, CENTRE, assessor, ADMIN, "Moved back"));
        }

        @Test
        void givenDeactivatedUser_whenRolesChanged_thenRefused() {
            fixture.given(CREATED, DEACTIVATED)
                    .when(new ChangeUserRoles(USER, Set.of(Role.IQA), "Promoted"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("User is deactivated; only an active user can have roles changed");
        }

        @Test
        void givenCentreUser_whenGivenAnImiStaffRole_thenRefused() {
            fixture.given(CREATED)
                    .when(new ChangeUserRoles(USER, Set.of(Role.IMI_ADMIN), "Promoted"))
                    .expectException(InvalidField.named("roles"));
        }

        @Test
        void givenImiStaff_whenGivenACentreRole_thenRefused() {
            fixture.given(new UserCreated(USER, PIN, NAME, EMAIL, Set.of(Role.AUDITOR), null))
                    .when(new ChangeUserRoles(USER, Set.of(Role.AUDITOR, Role.CENTRE_ADMIN), "Helping out"))
                    .expectException(InvalidField.named("roles"));
        }

        @Test
        void givenImiStaff_whenMadeAdmin_thenRecordedWithoutCentre() {
            Set<Role> admin = Set.of(Role.IMI_ADMIN);
            fixture.given(new UserCreated(USER, PIN, NAME, EMAIL, Set.of(Role.AUDITOR), null))
                    .when(new ChangeUserRoles(USER, admin, "Promoted"))
                    .expectEvents(new UserRolesChanged(USER, null, Set.of(Role.AUDITOR), admin, "Promoted"));
        }

        @Test
        void givenActiveUser_whenLeftWithoutRoles_thenRefused() {
            fixture.given(CREATED)
                    .when(new ChangeUserRoles(USER, Set.of(), "Nothing"))
                    .expectException(InvalidField.named("roles"));
        }

        @Test
        void givenActiveUser_whenRolesChangedWithoutReason_thenRefused() {
            fixture.given(CREATED)
                    .when(new ChangeUserRoles(USER, Set.of(Role.IQA), " "))
                    .expectException(InvalidField.named("reason"));
        }
    }

    @Nested
    class AmendUserDetailsSpec {

        @Test
        void givenUser_whenNameAndEmailAmended_thenOldAndNewAreRecorded() {
            database.apply(CREATED);
            fixture.given(CREATED)
                    .when(new AmendUserDetails(USER, " Ann Jones ", "ann.jones@northgate.ac.uk", "Married"))
                    .expectEvents(new UserDetailsAmended(
                            USER, CENTRE, NAME, "Ann Jones", EMAIL, "ann.jones@northgate.ac.uk", "Married"));
        }

        @Test
        void givenUser_whenAmendedToTheSameDetails_thenNothingIsRecorded() {
            fixture.given(CREATED)
                    .when(new AmendUserDetails(USER, NAME + " ", " " + EMAIL, "No change"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenUser_whenOnlyTheEmailLetterCaseChanges_thenAmendedWithoutCollidingWithThemselves() {
            database.apply(CREATED);
            fixture.given(CREATED)
                    .when(new AmendUserDetails(USER, NAME, "Ann.Smith@northgate.ac.uk", "Case"))
                    .expectEvents(new UserDetailsAmended(
                            USER, CENTRE, NAME, NAME, EMAIL, "Ann.Smith@northgate.ac.uk", "Case"));
        }

        @Test
        void givenEmailUsedByAnotherUserOfTheCentre_whenAmendedToIt_thenRefused() {
            database.apply(CREATED);
            database.apply(new UserCreated("user-0", "12345678", "Bob", "bob@northgate.ac.uk", ADMIN, CENTRE));
            fixture.given(CREATED)
                    .when(new AmendUserDetails(USER, NAME, "BOB@northgate.ac.uk", "Shared inbox"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Email BOB@northgate.ac.uk is already used by another user of this centre");
        }

        @Test
        void givenDeactivatedUser_whenDetailsCorrected_thenAmended() {
            fixture.given(CREATED, DEACTIVATED)
                    .when(new AmendUserDetails(USER, "Ann Smyth", EMAIL, "Typo"))
                    .expectEvents(new UserDetailsAmended(USER, CENTRE, NAME, "Ann Smyth", EMAIL, EMAIL, "Typo"));
        }

        @Test
        void givenUser_whenAmendedWithBlankName_thenRefused() {
            fixture.given(CREATED)
                    .when(new AmendUserDetails(USER, "", EMAIL, "Typo"))
                    .expectException(InvalidField.named("name"));
        }

        @Test
        void givenUser_whenAmendedWithImplausibleEmail_thenRefused() {
            fixture.given(CREATED)
                    .when(new AmendUserDetails(USER, NAME, "ann@", "Typo"))
                    .expectException(InvalidField.named("email"));
        }

        @Test
        void givenUser_whenAmendedWithoutReason_thenRefused() {
            fixture.given(CREATED)
                    .when(new AmendUserDetails(USER, "Ann Jones", EMAIL, null))
                    .expectException(InvalidField.named("reason"));
        }
    }

    @Nested
    class DeactivateReactivateSpec {

        final UserCreated onlyAdmin = new UserCreated(USER, PIN, NAME, EMAIL, Set.of(Role.IMI_ADMIN), null);

        @Test
        void givenTheOnlyActiveImiAdmin_whenDeactivated_thenRefused() {
            database.apply(onlyAdmin);
            fixture.given(onlyAdmin)
                    .when(new DeactivateUser(USER, "Leaving"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "The last active IMI_ADMIN cannot be deactivated; " + "give another user that role first");
        }

        @Test
        void givenTheOnlyActiveImiAdmin_whenTheRoleIsTakenAway_thenRefused() {
            database.apply(onlyAdmin);
            fixture.given(onlyAdmin)
                    .when(new ChangeUserRoles(USER, Set.of(Role.AUDITOR), "Now audits"))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenAnotherActiveImiAdmin_whenAnAdminIsDeactivated_thenDeactivated() {
            database.apply(onlyAdmin);
            database.apply(
                    new UserCreated("user-2", "34567890", "Bo Chan", "bo@imi.example", Set.of(Role.IMI_ADMIN), null));
            fixture.given(onlyAdmin)
                    .when(new DeactivateUser(USER, "Leaving"))
                    .expectEvents(new UserDeactivated(USER, null, "Leaving"));
        }

        @Test
        void givenActiveUser_whenDeactivated_thenDeactivated() {
            fixture.given(CREATED)
                    .when(new DeactivateUser(USER, " Left the centre "))
                    .expectEvents(DEACTIVATED);
        }

        @Test
        void givenDeactivatedUser_whenDeactivated_thenRefused() {
            fixture.given(CREATED, DEACTIVATED)
                    .when(new DeactivateUser(USER, "Again"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("User is deactivated; only an active user can be deactivated");
        }

        @Test
        void givenActiveUser_whenDeactivatedWithoutReason_thenRefused() {
            fixture.given(CREATED).when(new DeactivateUser(USER, "")).expectException(InvalidField.named("reason"));
        }

        @Test
        void givenDeactivatedUser_whenReactivated_thenReactivated() {
            fixture.given(CREATED, DEACTIVATED)
                    .when(new ReactivateUser(USER, "Returned"))
                    .expectEvents(new UserReactivated(USER, CENTRE, "Returned"));
        }

        @Test
        void givenActiveUser_whenReactivated_thenRefused() {
            fixture.given(CREATED)
                    .when(new ReactivateUser(USER, "Returned"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("User is already active");
        }

        @Test
        void givenDeactivatedUser_whenReactivatedWithoutReason_thenRefused() {
            fixture.given(CREATED, DEACTIVATED)
                    .when(new ReactivateUser(USER, null))
                    .expectException(InvalidField.named("reason"));
        }

        @Test
        void givenUserOfAWithdrawnCentre_whenReactivated_thenRefused() {
            fixture.given(
                            new UserCreated(USER, PIN, NAME, EMAIL, ADMIN, WITHDRAWN_CENTRE),
                            new UserDeactivated(USER, WITHDRAWN_CENTRE, "Centre closed"))
                    .when(new ReactivateUser(USER, "Returned"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is WITHDRAWN; users of a withdrawn centre cannot be reactivated");
        }

        @Test
        void givenDeactivatedImiStaff_whenReactivated_thenReactivatedWithoutCentre() {
            fixture.given(
                            new UserCreated(USER, PIN, NAME, EMAIL, Set.of(Role.AUDITOR), null),
                            new UserDeactivated(USER, null, "Leave"))
                    .when(new ReactivateUser(USER, "Back"))
                    .expectEvents(new UserReactivated(USER, null, "Back"));
        }
    }

    @Nested
    class PasswordSpec {

        @Test
        void givenNewUser_whenPasswordSetByActivation_thenRecorded() {
            fixture.given(CREATED)
                    .when(new RecordPasswordSet(USER, PasswordSetBy.ACTIVATION))
                    .expectEvents(new PasswordSet(USER, CENTRE, PasswordSetBy.ACTIVATION));
        }

        @Test
        void givenActivatedUser_whenActivationLinkUsedAgain_thenRefused() {
            fixture.given(CREATED, new PasswordSet(USER, CENTRE, PasswordSetBy.ACTIVATION))
                    .when(new RecordPasswordSet(USER, PasswordSetBy.ACTIVATION))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenPasswordSetByReset_whenActivationLinkUsed_thenRefused() {
            fixture.given(CREATED, new PasswordSet(USER, CENTRE, PasswordSetBy.RESET))
                    .when(new RecordPasswordSet(USER, PasswordSetBy.ACTIVATION))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenActivatedUser_whenPasswordSetByReset_thenRecorded() {
            fixture.given(CREATED, new PasswordSet(USER, CENTRE, PasswordSetBy.ACTIVATION))
                    .when(new RecordPasswordSet(USER, PasswordSetBy.RESET))
                    .expectEvents(new PasswordSet(USER, CENTRE, PasswordSetBy.RESET));
        }

        @Test
        void givenDeactivatedUser_whenPasswordSetByReset_thenRefused() {
            fixture.given(CREATED, DEACTIVATED)
                    .when(new RecordPasswordSet(USER, PasswordSetBy.RESET))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("User is deactivated; only an active user can set a password");
        }

        @Test
        void givenDeactivatedUser_whenPasswordSetByActivation_thenRefused() {
            fixture.given(CREATED, DEACTIVATED)
                    .when(new RecordPasswordSet(USER, PasswordSetBy.ACTIVATION))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenUser_whenPasswordSetWithoutSayingHow_thenRefused() {
            fixture.given(CREATED).when(new RecordPasswordSet(USER, null)).expectException(InvalidField.named("how"));
        }

        @Test
        void givenActiveUser_whenResetRequested_thenRecorded() {
            fixture.given(CREATED)
                    .when(new RecordPasswordResetRequest(USER))
                    .expectEvents(new PasswordResetRequested(USER, CENTRE));
        }

        @Test
        void givenDeactivatedUser_whenResetRequested_thenStillRecorded() {
            fixture.given(CREATED, DEACTIVATED)
                    .when(new RecordPasswordResetRequest(USER))
                    .expectEvents(new PasswordResetRequested(USER, CENTRE));
        }
    }

    @Nested
    class SignInSpec {

        @Test
        void givenActiveUser_whenSignedIn_thenRecordedWithCentre() {
            fixture.given(CREATED).when(new RecordSignIn(USER)).expectEvents(new UserSignedIn(USER, CENTRE));
        }

        @Test
        void givenImiStaff_whenSignedIn_thenRecordedWithoutCentre() {
            fixture.given(new UserCreated(USER, PIN, NAME, EMAIL, Set.of(Role.IMI_ADMIN), null))
                    .when(new RecordSignIn(USER))
                    .expectEvents(new UserSignedIn(USER, null));
        }

        @Test
        void givenDeactivatedUser_whenSignedIn_thenRefused() {
            fixture.given(CREATED, DEACTIVATED)
                    .when(new RecordSignIn(USER))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("User is deactivated; only an active user can sign in");
        }

        @Test
        void givenReactivatedUser_whenSignedIn_thenRecorded() {
            fixture.given(CREATED, DEACTIVATED, new UserReactivated(USER, CENTRE, "Back"))
                    .when(new RecordSignIn(USER))
                    .expectEvents(new UserSignedIn(USER, CENTRE));
        }

        @Test
        void givenDeactivatedUser_whenSignedOut_thenStillRecorded() {
            fixture.given(CREATED, new UserSignedIn(USER, CENTRE), DEACTIVATED)
                    .when(new RecordSignOut(USER))
                    .expectEvents(new UserSignedOut(USER, CENTRE));
        }

        @Test
        void givenUser_whenSignInFails_thenRecordedWithTheCount() {
            fixture.given(CREATED)
                    .when(new RecordSignInFailure(USER, 3))
                    .expectEvents(new SignInFailed(USER, CENTRE, 3));
        }

        @Test
        void givenDeactivatedUser_whenSignInFails_thenStillRecorded() {
            fixture.given(CREATED, DEACTIVATED)
                    .when(new RecordSignInFailure(USER, 1))
                    .expectEvents(new SignInFailed(USER, CENTRE, 1));
        }

        @Test
        void givenUser_whenSignInFailureCountsNothing_thenRefused() {
            fixture.given(CREATED)
                    .when(new RecordSignInFailure(USER, 0))
                    .expectException(InvalidField.named("failuresInARow"));
        }

        @Test
        void givenUser_whenLockedOut_thenRecordedUntilWhen() {
            Instant until = Instant.parse("2026-11-26T10:15:00Z");
            fixture.given(CREATED)
                    .when(new RecordLockOut(USER, until))
                    .expectEvents(new UserLockedOut(USER, CENTRE, until));
        }

        @Test
        void givenDeactivatedUser_whenLockedOut_thenStillRecorded() {
            Instant until = Instant.parse("2026-11-26T10:15:00Z");
            fixture.given(CREATED, DEACTIVATED)
                    .when(new RecordLockOut(USER, until))
                    .expectEvents(new UserLockedOut(USER, CENTRE, until));
        }

        @Test
        void givenUser_whenLockedOutWithoutAnEnd_thenRefused() {
            fixture.given(CREATED).when(new RecordLockOut(USER, null)).expectException(InvalidField.named("until"));
        }
    }

    @Nested
    class NotificationPreferencesSpec {

        @Test
        void givenUser_whenOptionalKindsTurnedOff_thenTheWholeSetIsRecordedInOrder() {
            fixture.given(CREATED)
                    .when(new SetNotificationPreferences(USER, Set.of("HUB_REQUEST_ANSWERED", "CLAIM_APPROVED")))
                    .expectEvents(new NotificationPreferencesChanged(
                            USER, CENTRE, List.of("CLAIM_APPROVED", "HUB_REQUEST_ANSWERED")));
        }

        @Test
        void givenKindsTurnedOff_whenTheSameSetIsChosenAgain_thenNothingIsRecorded() {
            fixture.given(CREATED, new NotificationPreferencesChanged(USER, CENTRE, List.of("CLAIM_APPROVED")))
                    .when(new SetNotificationPreferences(USER, Set.of("CLAIM_APPROVED")))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenNoChoiceYet_whenEverythingIsLeftOn_thenNothingIsRecorded() {
            fixture.given(CREATED)
                    .when(new SetNotificationPreferences(USER, Set.of()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenKindsTurnedOff_whenAllTurnedOnAgain_thenTheEmptySetIsRecorded() {
            fixture.given(CREATED, new NotificationPreferencesChanged(USER, CENTRE, List.of("CLAIM_APPROVED")))
                    .when(new SetNotificationPreferences(USER, Set.of()))
                    .expectEvents(new NotificationPreferencesChanged(USER, CENTRE, List.of()));
        }

        @ParameterizedTest
        @ValueSource(strings = {"CENTRE_SANCTIONED", "CERTIFICATE_REVOKED", "CLAIM_REJECTED", "NO_SUCH_KIND"})
        void givenUser_whenAMandatoryOrUnknownKindIsTurnedOff_thenRefused(String kind) {
            fixture.given(CREATED)
                    .when(new SetNotificationPreferences(USER, Set.of(kind)))
                    .expectException(InvalidField.named("turnedOff"));
        }

        @Test
        void givenUser_whenNoSetIsNamed_thenRefused() {
            fixture.given(CREATED)
                    .when(new SetNotificationPreferences(USER, null))
                    .expectException(InvalidField.named("turnedOff"));
        }
    }

    @Test
    void givenUsersOfTwoCentres_whenTheCentresActiveUsersAreAsked_thenOnlyItsActiveOnesInNameOrder() {
        database.apply(new UserCreated("user-2", "34567890", "Zoe Brown", "zoe@northgate.ac.uk", ADMIN, CENTRE));
        database.apply(CREATED);
        database.apply(new UserCreated("user-3", "45678901", "Al Gone", "al@northgate.ac.uk", ADMIN, CENTRE));
        database.apply(new UserDeactivated("user-3", CENTRE, "Left"));
        database.apply(new UserCreated("user-4", "56789012", "Bo Other", "bo@southgate.ac.uk", ADMIN, OTHER_CENTRE));

        assertThat(users.activeAtCentre(CENTRE)).extracting(UserAccount::userId).containsExactly(USER, "user-2");
        assertThat(users.activeAtCentre(null)).isEmpty();
    }

    /** A candidate's account erased with them (issue 19, ADR 0163). */
    @Nested
    class EraseUserSpec {

        static final java.time.Instant NOW = java.time.Instant.parse("2026-12-07T10:00:00Z");
        static final UserErased ERASED = new UserErased(USER, CENTRE, "The learner asked", "Art. 17(1)(a)", NOW);

        @BeforeEach
        void clock() {
            fixture.registerInjectableResource(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        }

        @Test
        void givenAUser_whenErased_thenErasedOnceAndNeverReactivated() {
            fixture.given(CREATED)
                    .when(new EraseUser(USER, "The learner asked", "Art. 17(1)(a)"))
                    .expectEvents(ERASED);
            fixture.given(CREATED, ERASED)
                    .when(new EraseUser(USER, "Again", "Art. 17(1)(a)"))
                    .expectNoEvents();
            fixture.given(CREATED, ERASED)
                    .when(new ReactivateUser(USER, "Back"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The user's personal data was erased; the account stays closed");
        }
    }
}
