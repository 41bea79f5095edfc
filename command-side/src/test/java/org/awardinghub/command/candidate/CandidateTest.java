package org.awardinghub.command.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.awardinghub.command.InvalidCommand;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.centre.CentreDirectory;
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
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateUlnAmended;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreQualificationApproved;
import org.awardinghub.events.centre.CentreQualificationRemoved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.certification.CertificateIssued;
import org.awardinghub.events.certification.CertificateRevoked;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CandidateTest {

    static final String CANDIDATE = "candidate-1";
    /** Approved for MVR-L2 and MVR-L3. */
    static final String CENTRE = "centre-1";
    /** Approved for MVR-L2 only. */
    static final String OTHER_CENTRE = "centre-2";

    static final String APPLIED_CENTRE = "centre-applied";
    static final String MVR_L2 = "MVR-L2";
    static final String MVR_L3 = "MVR-L3";
    static final String HEV_L3 = "HEV-L3";
    static final LocalDate TODAY = LocalDate.parse("2026-11-26");
    static final LocalDate START = LocalDate.parse("2026-09-01");
    static final LocalDate BORN = LocalDate.parse("2005-04-17");
    static final String ULN = "1234567899";
    static final String NUMBER = "7KQ3MZ9B";
    static final String REASON = "Spelling on the enrolment form";
    static final long SEED = 20261126L;

    static final CandidateRegistered REGISTERED = new CandidateRegistered(
            CANDIDATE, CENTRE, NUMBER, "Zoë", "O'Brien-Łukasiewicz", BORN, ULN, MVR_L2, START, TODAY, false, false);
    static final CandidateWithdrawn WITHDRAWN = new CandidateWithdrawn(CANDIDATE, CENTRE, "Left the course");
    static final String CLAIM = "claim-1";
    static final String CERTIFICATE = "C7KQ3MZ9BX";
    /** The candidate's certificate, issued on claim-1 and recorded on their history. */
    static final CandidateCertificated CERTIFICATED =
            new CandidateCertificated(CANDIDATE, CENTRE, CLAIM, MVR_L2, CERTIFICATE);

    static final CandidateCertificateRevoked CERTIFICATE_REVOKED =
            new CandidateCertificateRevoked(CANDIDATE, CENTRE, CLAIM, CERTIFICATE, "Malpractice");

    LookupDatabase database;
    CentreDirectory centres;
    CandidateDirectory candidates;
    FixtureConfiguration<Candidate> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        centres = database.lookup(CentreDirectory.class);
        candidates = database.lookup(CandidateDirectory.class);
        database.apply(new CentreApplied(CENTRE, "Northgate College", "Leeds", "office@northgate.ac.uk"));
        database.apply(new CentreApproved(CENTRE, "100001", List.of(MVR_L2, MVR_L3), false));
        database.apply(new CentreApplied(OTHER_CENTRE, "Southgate College", "York", "office@southgate.ac.uk"));
        database.apply(new CentreApproved(OTHER_CENTRE, "100002", List.of(MVR_L2), false));
        database.apply(new CentreApplied(APPLIED_CENTRE, "New College", "Hull", "office@new.ac.uk"));

        fixture = fixture(new RegistrationPolicy(RegistrationPolicy.DEFAULT_LATE_AFTER_DAYS));
    }

    FixtureConfiguration<Candidate> fixture(RegistrationPolicy policy) {
        FixtureConfiguration<Candidate> configured = new AggregateTestFixture<>(Candidate.class);
        configured.registerInjectableResource(centres);
        configured.registerInjectableResource(candidates);
        configured.registerInjectableResource(new RegistrationNumbers(candidates, new Random(SEED)));
        configured.registerInjectableResource(policy);
        return configured;
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    /** The number the fixture's issuer will draw: same seed, same directory. */
    String nextNumber() {
        return new RegistrationNumbers(candidates, new Random(SEED)).issue();
    }

    static RegisterCandidate register(String firstName, String lastName, LocalDate dateOfBirth, String uln) {
        return new RegisterCandidate(
                CANDIDATE, CENTRE, firstName, lastName, dateOfBirth, uln, MVR_L2, START, TODAY, false);
    }

    static RegisterCandidate registerZoe() {
        return register("Zoë", "O'Brien-Łukasiewicz", BORN, ULN);
    }

    static RegisterCandidate registerAt(String centreId, String qualificationCode) {
        return new RegisterCandidate(
                CANDIDATE, centreId, "Zoë", "O'Brien-Łukasiewicz", BORN, ULN, qualificationCode, START, TODAY, false);
    }

    static RegisterCandidate startingOn(LocalDate startDate, LocalDate registeredOn) {
        return new RegisterCandidate(
                CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, ULN, MVR_L2, startDate, registeredOn, false);
    }

    static CandidateRegistered registered(
            String number, String firstName, String lastName, LocalDate dateOfBirth, String uln) {
        return new CandidateRegistered(
                CANDIDATE, CENTRE, number, firstName, lastName, dateOfBirth, uln, MVR_L2, START, TODAY, false, false);
    }

    /** Registers another candidate straight into the directory, as an earlier command would have. */
    void alreadyRegistered(String candidateId, String number, String centreId, String firstName, String lastName) {
        database.apply(new CandidateRegistered(
                candidateId, centreId, number, firstName, lastName, BORN, null, MVR_L2, START, TODAY, false, false));
    }

    ResultValidator<Candidate> expectRegistered(RegisterCandidate command) {
        String number = nextNumber();
        return fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new Registration(CANDIDATE, number, false));
    }

    @Nested
    class RegisterCandidateSpec {

        @Test
        void givenApprovedCentre_whenRegistered_thenNumberIssuedRecordedAndAnswered() {
            String number = nextNumber();
            assertThat(number).matches("[23456789ABCDEFGHJKMNPQRSTVWXYZ]{8}");

            fixture.givenNoPriorActivity()
                    .when(register("  Zoë ", "\tO'Brien-Łukasiewicz ", BORN, " " + ULN + " "))
                    .expectEvents(registered(number, "Zoë", "O'Brien-Łukasiewicz", BORN, ULN))
                    .expectResultMessagePayload(new Registration(CANDIDATE, number, false));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void givenNoUln_whenRegistered_thenRegisteredWithoutOne(String uln) {
            String number = nextNumber();
            fixture.givenNoPriorActivity()
                    .when(register("Zoë", "O'Brien-Łukasiewicz", BORN, uln))
                    .expectEvents(registered(number, "Zoë", "O'Brien-Łukasiewicz", BORN, null));
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "Zoë O'Brien-Łukasiewicz",
                    "José",
                    "Nguyễn",
                    "Ólafur",
                    "D'Arcy",
                    "St. John",
                    "Ηλέκτρα",
                    "Дмитрий",
                    "محمد",
                    "יעל",
                    "明",
                    "김민준",
                    "प्रिया",
                    "Søren",
                    "O’Neill"
                })
        void givenNameInAnyScript_whenRegistered_thenRegisteredWithIt(String name) {
            String number = nextNumber();
            fixture.givenNoPriorActivity()
                    .when(register(name, name, BORN, null))
                    .expectEvents(registered(number, name, name, BORN, null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"Zoe2", "Ann\tMarie", "Ann\u0000", "Ann\u001B[2J", "Ann\nSmith", "", " ", "Ann@home"})
        void givenFirstNameWithDigitsOrControls_whenRegistered_thenRefusedOnFirstName(String name) {
            fixture.givenNoPriorActivity()
                    .when(register(name, "Smith", BORN, null))
                    .expectException(InvalidField.named("firstName"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Smith3", "Sm\rith", "Sm\u0007ith", "", "\u200B"})
        void givenLastNameWithDigitsOrControls_whenRegistered_thenRefusedOnLastName(String name) {
            fixture.givenNoPriorActivity()
                    .when(register("Ann", name, BORN, null))
                    .expectException(InvalidField.named("lastName"))
                    .expectNoEvents();
        }

        @Test
        void givenNamesOf100Characters_whenRegistered_thenRegistered() {
            String name = "Ł".repeat(100);
            expectRegistered(register(name, name, BORN, null));
        }

        @Test
        void givenNameOf101Characters_whenRegistered_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(register("a".repeat(101), "Smith", BORN, null))
                    .expectException(InvalidField.named("firstName"));
        }

        @Test
        void givenNoDateOfBirth_whenRegistered_thenRefusedOnDateOfBirth() {
            fixture.givenNoPriorActivity()
                    .when(register("Ann", "Smith", null, null))
                    .expectException(InvalidField.named("dateOfBirth"));
        }

        @ParameterizedTest
        @MethodSource("org.awardinghub.command.candidate.CandidateTest#impossibleDatesOfBirth")
        void givenImpossibleDateOfBirth_whenRegistered_thenRefusedOnDateOfBirth(LocalDate dateOfBirth) {
            fixture.givenNoPriorActivity()
                    .when(register("Ann", "Smith", dateOfBirth, null))
                    .expectException(InvalidField.named("dateOfBirth"))
                    .expectNoEvents();
        }

        @Test
        void givenThirteenthBirthdayOnTheStartDate_whenRegistered_thenRegistered() {
            expectRegistered(register("Ann", "Smith", START.minusYears(13), null));
        }

        @Test
        void givenBorn120YearsBeforeTheRegistration_whenRegistered_thenRegistered() {
            expectRegistered(register("Ann", "Smith", TODAY.minusYears(120), null));
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234567890", "9876543210", "0123456789", "123456789", "12345678A9", "12345678999"})
        void givenInvalidUln_whenRegistered_thenRefusedOnUln(String uln) {
            fixture.givenNoPriorActivity()
                    .when(register("Ann", "Smith", BORN, uln))
                    .expectException(InvalidField.named("uln"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"5000000004", "4111111113", "1000000000"})
        void givenValidUln_whenRegistered_thenRecorded(String uln) {
            String number = nextNumber();
            fixture.givenNoPriorActivity()
                    .when(register("Ann", "Smith", BORN, uln))
                    .expectEvents(registered(number, "Ann", "Smith", BORN, uln));
        }

        @Test
        void givenNoStartDate_whenRegistered_thenRefusedOnStartDate() {
            fixture.givenNoPriorActivity()
                    .when(startingOn(null, TODAY))
                    .expectException(InvalidField.named("startDate"));
        }

        @Test
        void givenStartMoreThanAYearAhead_whenRegistered_thenRefusedOnStartDate() {
            fixture.givenNoPriorActivity()
                    .when(startingOn(TODAY.plusYears(1).plusDays(1), TODAY))
                    .expectException(InvalidField.named("startDate"));
        }

        @Test
        void givenStartAYearAhead_whenRegistered_thenRegistered() {
            expectRegistered(startingOn(TODAY.plusYears(1), TODAY));
        }

        @Test
        void givenNoRegistrationDate_whenRegistered_thenRefused() {
            fixture.givenNoPriorActivity()
                    .when(startingOn(START, null))
                    .expectException(InvalidField.named("registeredOn"));
        }

        @Test
        void givenNoQualification_whenRegistered_thenRefusedOnQualificationCode() {
            fixture.givenNoPriorActivity()
                    .when(registerAt(CENTRE, " "))
                    .expectException(InvalidField.named("qualificationCode"));
        }

        @Test
        void givenNoCandidateId_whenRegistered_thenRefusedOnCandidateId() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterCandidate(null, CENTRE, "Ann", "Smith", BORN, null, MVR_L2, START, TODAY, false))
                    .expectException(InvalidField.named("candidateId"));
        }
    }

    static Stream<LocalDate> impossibleDatesOfBirth() {
        return Stream.of(
                TODAY, // not in the past
                TODAY.plusYears(1), // in the future
                TODAY.minusYears(120).minusDays(1), // a wrong century
                LocalDate.parse("1026-11-26"),
                START.minusYears(13).plusDays(1)); // twelve on the start date
    }

    @Nested
    class LateRegistrationSpec {

        @Test
        void givenRegisteredOn90DaysAfterTheStart_whenRegistered_thenInTime() {
            String number = nextNumber();
            LocalDate registeredOn = START.plusDays(90);
            fixture.givenNoPriorActivity()
                    .when(startingOn(START, registeredOn))
                    .expectEvents(new CandidateRegistered(
                            CANDIDATE,
                            CENTRE,
                            number,
                            "Zoë",
                            "O'Brien-Łukasiewicz",
                            BORN,
                            ULN,
                            MVR_L2,
                            START,
                            registeredOn,
                            false,
                            false))
                    .expectResultMessagePayload(new Registration(CANDIDATE, number, false));
        }

        @Test
        void givenRegisteredOn91DaysAfterTheStart_whenRegistered_thenAcceptedAndMarkedLate() {
            String number = nextNumber();
            LocalDate registeredOn = START.plusDays(91);
            fixture.givenNoPriorActivity()
                    .when(startingOn(START, registeredOn))
                    .expectEvents(new CandidateRegistered(
                            CANDIDATE,
                            CENTRE,
                            number,
                            "Zoë",
                            "O'Brien-Łukasiewicz",
                            BORN,
                            ULN,
                            MVR_L2,
                            START,
                            registeredOn,
                            true,
                            false))
                    .expectResultMessagePayload(new Registration(CANDIDATE, number, true));
        }

        @Test
        void givenRegisteredBeforeTheStart_whenRegistered_thenInTime() {
            String number = nextNumber();
            LocalDate startDate = TODAY.plusMonths(2);
            fixture.givenNoPriorActivity()
                    .when(startingOn(startDate, TODAY))
                    .expectResultMessagePayload(new Registration(CANDIDATE, number, false));
        }

        @Test
        void givenAThirtyDayPolicy_whenRegistered31DaysAfterTheStart_thenLate() {
            String number = nextNumber();
            fixture(new RegistrationPolicy(30))
                    .givenNoPriorActivity()
                    .when(startingOn(START, START.plusDays(31)))
                    .expectResultMessagePayload(new Registration(CANDIDATE, number, true));
        }
    }

    @Nested
    class CentreEligibilitySpec {

        @Test
        void givenNoSuchCentre_whenRegisteredThere_thenUnknown() {
            fixture.givenNoPriorActivity()
                    .when(registerAt("centre-nowhere", MVR_L2))
                    .expectException(UnknownRecord.class)
                    .expectNoEvents();
        }

        @Test
        void givenAppliedCentre_whenRegisteredThere_thenRefusedNamingItsStatus() {
            fixture.givenNoPriorActivity()
                    .when(registerAt(APPLIED_CENTRE, MVR_L2))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "Centre centre-applied is APPLIED; only an APPROVED centre can register candidates")
                    .expectNoEvents();
        }

        @Test
        void givenSuspendedCentre_whenRegisteredThere_thenRefusedNamingItsStatus() {
            database.apply(new CentreSuspended(CENTRE, "Quality review"));
            fixture.givenNoPriorActivity()
                    .when(registerZoe())
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "Centre 100001 is SUSPENDED; only an APPROVED centre can register candidates");
        }

        @Test
        void givenReinstatedCentre_whenRegisteredThere_thenRegistered() {
            database.apply(new CentreSuspended(CENTRE, "Quality review"));
            database.apply(new CentreReinstated(CENTRE, "Actions completed"));
            expectRegistered(registerZoe());
        }

        @Test
        void givenWithdrawnCentre_whenRegisteredThere_thenRefused() {
            database.apply(new CentreWithdrawn(CENTRE, "Closed"));
            fixture.givenNoPriorActivity()
                    .when(registerZoe())
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "Centre 100001 is WITHDRAWN; only an APPROVED centre can register candidates");
        }

        @Test
        void givenRegistrationsSanction_whenRegisteredThere_thenRefused() {
            database.apply(new CentreSanctionImposed(CENTRE, Sanction.REGISTRATIONS, "Malpractice investigation"));
            fixture.givenNoPriorActivity()
                    .when(registerZoe())
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre 100001 is under a REGISTRATIONS sanction; it cannot register"
                            + " candidates until it is lifted")
                    .expectNoEvents();
        }

        @Test
        void givenRegistrationsSanctionLifted_whenRegisteredThere_thenRegistered() {
            database.apply(new CentreSanctionImposed(CENTRE, Sanction.REGISTRATIONS, "Malpractice investigation"));
            database.apply(new CentreSanctionLifted(CENTRE, Sanction.REGISTRATIONS, "Cleared"));
            expectRegistered(registerZoe());
        }

        @Test
        void givenOnlyACertificationSanction_whenRegisteredThere_thenRegistered() {
            database.apply(new CentreSanctionImposed(CENTRE, Sanction.CERTIFICATION, "Claims audit"));
            expectRegistered(registerZoe());
        }

        @Test
        void givenCentreNotApprovedForTheQualification_whenRegisteredOnIt_thenRefusedOnQualificationCode() {
            fixture.givenNoPriorActivity()
                    .when(registerAt(CENTRE, HEV_L3))
                    .expectException(InvalidField.named("qualificationCode"))
                    .expectExceptionMessage("Centre 100001 is not approved for qualification HEV-L3")
                    .expectNoEvents();
        }

        @Test
        void givenQualificationApprovedLater_whenRegisteredOnIt_thenRegistered() {
            database.apply(new CentreQualificationApproved(CENTRE, HEV_L3, "New workshop"));
            String number = nextNumber();
            fixture.givenNoPriorActivity()
                    .when(registerAt(CENTRE, HEV_L3))
                    .expectResultMessagePayload(new Registration(CANDIDATE, number, false));
        }

        @Test
        void givenQualificationRemovedLater_whenRegisteredOnIt_thenRefusedOnQualificationCode() {
            database.apply(new CentreQualificationRemoved(CENTRE, MVR_L2, "Assessor left"));
            fixture.givenNoPriorActivity().when(registerZoe()).expectException(InvalidField.named("qualificationCode"));
        }
    }

    @Nested
    class DuplicateSpec {

        @Test
        void givenSameCandidateAtTheCentre_whenRegisteredAgain_thenRefusedNamingTheExistingRegistration() {
            alreadyRegistered("candidate-0", "9XW4PT2C", CENTRE, "Zoë", "O'Brien-Łukasiewicz");
            fixture.givenNoPriorActivity()
                    .when(registerZoe())
                    .expectException(duplicateOf("candidate-0", "9XW4PT2C"))
                    .expectExceptionMessage("This centre already registered a candidate with the same names, date of"
                            + " birth and qualification: 9XW4PT2C. Send \"confirmDuplicate\": true to register"
                            + " another.")
                    .expectNoEvents();
        }

        @Test
        void givenSameCandidateSpeltWithoutAccentsInCapitals_whenRegisteredAgain_thenRefusedAsADuplicate() {
            alreadyRegistered("candidate-0", "9XW4PT2C", CENTRE, "ZOE", "O’BRIEN-LUKASIEWICZ");
            fixture.givenNoPriorActivity()
                    .when(register("  zoë ", "o'brien-łukasiewicz", BORN, null))
                    .expectException(duplicateOf("candidate-0", "9XW4PT2C"));
        }

        @Test
        void givenSameCandidateWithMoreSpaces_whenRegisteredAgain_thenRefusedAsADuplicate() {
            alreadyRegistered("candidate-0", "9XW4PT2C", CENTRE, "Mary Jane", "Smith");
            fixture.givenNoPriorActivity()
                    .when(register("Mary   Jane", " Smith ", BORN, null))
                    .expectException(duplicateOf("candidate-0", "9XW4PT2C"));
        }

        @Test
        void givenSameCandidateWithdrawn_whenRegisteredAgain_thenStillADuplicate() {
            alreadyRegistered("candidate-0", "9XW4PT2C", CENTRE, "Zoë", "O'Brien-Łukasiewicz");
            database.apply(new CandidateWithdrawn("candidate-0", CENTRE, "Left the course"));
            fixture.givenNoPriorActivity().when(registerZoe()).expectException(duplicateOf("candidate-0", "9XW4PT2C"));
        }

        @Test
        void givenSameCandidateAtAnotherCentre_whenRegisteredHere_thenRegistered() {
            alreadyRegistered("candidate-0", "9XW4PT2C", OTHER_CENTRE, "Zoë", "O'Brien-Łukasiewicz");
            expectRegistered(registerZoe());
        }

        @Test
        void givenSameCandidateTransferredAway_whenRegisteredHereAgain_thenRegistered() {
            alreadyRegistered("candidate-0", "9XW4PT2C", CENTRE, "Zoë", "O'Brien-Łukasiewicz");
            database.apply(new CandidateTransferred("candidate-0", CENTRE, OTHER_CENTRE, "Moved house"));
            expectRegistered(registerZoe());
        }

        @Test
        void givenSameNamesOnAnotherQualificationOrBirthday_whenRegistered_thenRegistered() {
            database.apply(new CandidateRegistered(
                    "candidate-0",
                    CENTRE,
                    "9XW4PT2C",
                    "Zoë",
                    "O'Brien-Łukasiewicz",
                    BORN,
                    null,
                    MVR_L3,
                    START,
                    TODAY,
                    false,
                    false));
            database.apply(new CandidateRegistered(
                    "candidate-9",
                    CENTRE,
                    "8VT5RS3D",
                    "Zoë",
                    "O'Brien-Łukasiewicz",
                    BORN.plusDays(1),
                    null,
                    MVR_L2,
                    START,
                    TODAY,
                    false,
                    false));
            expectRegistered(registerZoe());
        }

        @Test
        void givenCandidateRenamedSinceRegistration_whenRegisteredUnderTheNewName_thenADuplicate() {
            alreadyRegistered("candidate-0", "9XW4PT2C", CENTRE, "Zoë", "Smith");
            database.apply(new CandidateNameAmended(
                    "candidate-0", CENTRE, "Zoë", "Smith", "Zoë", "O'Brien-Łukasiewicz", "Maiden name"));
            fixture.givenNoPriorActivity().when(registerZoe()).expectException(duplicateOf("candidate-0", "9XW4PT2C"));
        }

        @Test
        void givenDuplicate_whenRegisteredWithConfirmation_thenRegisteredAndMarkedConfirmed() {
            alreadyRegistered("candidate-0", "9XW4PT2C", CENTRE, "Zoë", "O'Brien-Łukasiewicz");
            String number = nextNumber();
            fixture.givenNoPriorActivity()
                    .when(new RegisterCandidate(
                            CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, ULN, MVR_L2, START, TODAY, true))
                    .expectEvents(new CandidateRegistered(
                            CANDIDATE,
                            CENTRE,
                            number,
                            "Zoë",
                            "O'Brien-Łukasiewicz",
                            BORN,
                            ULN,
                            MVR_L2,
                            START,
                            TODAY,
                            false,
                            true))
                    .expectResultMessagePayload(new Registration(CANDIDATE, number, false));
        }

        @Test
        void givenNoDuplicate_whenRegisteredWithConfirmation_thenNothingWasConfirmed() {
            String number = nextNumber();
            fixture.givenNoPriorActivity()
                    .when(new RegisterCandidate(
                            CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", BORN, ULN, MVR_L2, START, TODAY, true))
                    .expectEvents(registered(number, "Zoë", "O'Brien-Łukasiewicz", BORN, ULN));
        }
    }

    @Nested
    class RegistrationNumberSpec {

        @Test
        void givenTheFirstDrawnNumberIssuedBefore_whenRegistered_thenAnotherNumberIsIssued() {
            String taken = nextNumber();
            alreadyRegistered("candidate-0", taken, OTHER_CENTRE, "Bob", "Jones");
            String number = nextNumber();
            assertThat(number).isNotEqualTo(taken);

            fixture.givenNoPriorActivity()
                    .when(registerZoe())
                    .expectEvents(registered(number, "Zoë", "O'Brien-Łukasiewicz", BORN, ULN))
                    .expectResultMessagePayload(new Registration(CANDIDATE, number, false));
        }
    }

    @Nested
    class AmendCandidateSpec {

        @Test
        void givenRegisteredCandidate_whenFirstNameAmended_thenOldAndNewNamesRecorded() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, " Chloë ", " " + REASON, false))
                    .expectEvents(new CandidateNameAmended(
                            CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Chloë", "O'Brien-Łukasiewicz", REASON));
        }

        @Test
        void givenRegisteredCandidate_whenLastNameAmended_thenOldAndNewNamesRecorded() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.LAST_NAME, "Nguyễn", REASON, false))
                    .expectEvents(new CandidateNameAmended(
                            CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Zoë", "Nguyễn", REASON));
        }

        @Test
        void givenNameAmendedBefore_whenTheOtherNameIsAmended_thenTheEarlierAmendmentIsTheOldValue() {
            fixture.given(
                            REGISTERED,
                            new CandidateNameAmended(
                                    CANDIDATE,
                                    CENTRE,
                                    "Zoë",
                                    "O'Brien-Łukasiewicz",
                                    "Chloë",
                                    "O'Brien-Łukasiewicz",
                                    REASON))
                    .when(new AmendCandidate(CANDIDATE, CandidateField.LAST_NAME, "Smith", REASON, false))
                    .expectEvents(new CandidateNameAmended(
                            CANDIDATE, CENTRE, "Chloë", "O'Brien-Łukasiewicz", "Chloë", "Smith", REASON));
        }

        @Test
        void givenRegisteredCandidate_whenNameAmendedToTheSameName_thenNothingRecorded() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "  Zoë  ", REASON, false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenRegisteredCandidate_whenNameAmendedToTheSameNameInCapitals_thenACorrectionIsRecorded() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "ZOË", REASON, false))
                    .expectEvents(new CandidateNameAmended(
                            CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", "ZOË", "O'Brien-Łukasiewicz", REASON));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "  ", "Zoe2", "Zo\u0000e"})
        void givenRegisteredCandidate_whenNameAmendedToSomethingInvalid_thenRefusedOnValue(String value) {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.LAST_NAME, value, REASON, false))
                    .expectException(InvalidField.named("value"))
                    .expectNoEvents();
        }

        @Test
        void givenNameUsedByAnotherCandidate_whenAmendedToIt_thenAmendedWithoutADuplicateCheck() {
            alreadyRegistered("candidate-0", "9XW4PT2C", CENTRE, "Chloë", "O'Brien-Łukasiewicz");
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "Chloë", REASON, false))
                    .expectEvents(new CandidateNameAmended(
                            CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Chloë", "O'Brien-Łukasiewicz", REASON));
        }

        @Test
        void givenRegisteredCandidate_whenDateOfBirthAmended_thenOldAndNewRecorded() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.DATE_OF_BIRTH, "2005-07-14", REASON, false))
                    .expectEvents(new CandidateDateOfBirthAmended(
                            CANDIDATE, CENTRE, BORN, LocalDate.parse("2005-07-14"), REASON));
        }

        @Test
        void givenRegisteredCandidate_whenDateOfBirthAmendedToTheSameDate_thenNothingRecorded() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.DATE_OF_BIRTH, BORN.toString(), REASON, false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "17/04/2005",
                    "2005-02-30",
                    "",
                    "tomorrow",
                    "2026-11-26",
                    "2026-12-01",
                    "1906-11-25",
                    "2013-09-02"
                })
        void givenRegisteredCandidate_whenDateOfBirthAmendedToAnImpossibleDate_thenRefusedOnValue(String value) {
            // 2026-11-26 is the registration date; 2013-09-02 makes the candidate twelve on the start date
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.DATE_OF_BIRTH, value, REASON, false))
                    .expectException(InvalidField.named("value"))
                    .expectNoEvents();
        }

        @Test
        void givenRegisteredCandidate_whenDateOfBirthAmendedToThirteenYearsBeforeTheStart_thenAmended() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.DATE_OF_BIRTH, "2013-09-01", REASON, false))
                    .expectEvents(new CandidateDateOfBirthAmended(
                            CANDIDATE, CENTRE, BORN, LocalDate.parse("2013-09-01"), REASON));
        }

        @Test
        void givenCandidateWithoutUln_whenUlnGiven_thenRecordedFromNone() {
            fixture.given(registered(NUMBER, "Zoë", "O'Brien-Łukasiewicz", BORN, null))
                    .when(new AmendCandidate(CANDIDATE, CandidateField.ULN, " 5000000004 ", REASON, false))
                    .expectEvents(new CandidateUlnAmended(CANDIDATE, CENTRE, null, "5000000004", REASON));
        }

        @Test
        void givenCandidateWithUln_whenUlnCorrected_thenOldAndNewRecorded() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.ULN, "5000000004", REASON, false))
                    .expectEvents(new CandidateUlnAmended(CANDIDATE, CENTRE, ULN, "5000000004", REASON));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void givenCandidateWithUln_whenUlnAmendedToNothing_thenRemoved(String value) {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.ULN, value, REASON, false))
                    .expectEvents(new CandidateUlnAmended(CANDIDATE, CENTRE, ULN, null, REASON));
        }

        @Test
        void givenCandidateWithoutUln_whenUlnRemoved_thenNothingRecorded() {
            fixture.given(registered(NUMBER, "Zoë", "O'Brien-Łukasiewicz", BORN, null))
                    .when(new AmendCandidate(CANDIDATE, CandidateField.ULN, "", REASON, false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenCandidateWithUln_whenAmendedToTheSameUln_thenNothingRecorded() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.ULN, ULN, REASON, false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1234567890", "0123456789", "12345"})
        void givenRegisteredCandidate_whenUlnAmendedToAnInvalidOne_thenRefusedOnValue(String value) {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.ULN, value, REASON, false))
                    .expectException(InvalidField.named("value"))
                    .expectNoEvents();
        }

        @Test
        void givenCentreApprovedForAnotherQualification_whenQualificationAmendedToIt_thenOldAndNewRecorded() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.QUALIFICATION, " MVR-L3 ", REASON, false))
                    .expectEvents(new CandidateQualificationAmended(CANDIDATE, CENTRE, MVR_L2, MVR_L3, REASON));
        }

        @Test
        void givenCentreNotApprovedForTheQualification_whenAmendedToIt_thenRefusedOnValue() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.QUALIFICATION, HEV_L3, REASON, false))
                    .expectException(InvalidField.named("value"))
                    .expectExceptionMessage("the candidate's centre is not approved for qualification HEV-L3")
                    .expectNoEvents();
        }

        @Test
        void givenCandidateTransferred_whenQualificationAmended_thenTheNewCentresApprovalsDecide() {
            fixture.given(REGISTERED, new CandidateTransferred(CANDIDATE, CENTRE, OTHER_CENTRE, "Moved house"))
                    .when(new AmendCandidate(CANDIDATE, CandidateField.QUALIFICATION, MVR_L3, REASON, false))
                    .expectException(InvalidField.named("value"));
        }

        @Test
        void givenRegisteredCandidate_whenQualificationAmendedToTheSameOne_thenNothingRecorded() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.QUALIFICATION, MVR_L2, REASON, false))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenRegisteredCandidate_whenQualificationAmendedToNothing_thenRefusedOnValue() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.QUALIFICATION, " ", REASON, false))
                    .expectException(InvalidField.named("value"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"   "})
        void givenRegisteredCandidate_whenAmendedWithoutReason_thenRefusedOnReason(String reason) {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "Chloë", reason, false))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
        }

        @Test
        void givenRegisteredCandidate_whenAmendedWithoutNamingAField_thenRefusedOnField() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, null, "Chloë", REASON, false))
                    .expectException(InvalidField.named("field"));
        }

        @Test
        void givenWithdrawnCandidate_whenAmended_thenRefusedUntilReinstated() {
            fixture.given(REGISTERED, WITHDRAWN)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "Chloë", REASON, true))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate is WITHDRAWN; reinstate them before amending")
                    .expectNoEvents();
        }

        @Test
        void givenReinstatedCandidate_whenAmended_thenAmended() {
            fixture.given(REGISTERED, WITHDRAWN, new CandidateReinstated(CANDIDATE, CENTRE, "Came back"))
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "Chloë", REASON, false))
                    .expectEvents(new CandidateNameAmended(
                            CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Chloë", "O'Brien-Łukasiewicz", REASON));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.awardinghub.command.candidate.CandidateTest#everyField")
        void givenCertificatedCandidate_whenAmendedByTheCentre_thenRefused(CandidateField field, String value) {
            fixture.given(REGISTERED, CERTIFICATED)
                    .when(new AmendCandidate(CANDIDATE, field, value, REASON, false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate is CERTIFICATED; only IMI can amend a certificated candidate")
                    .expectNoEvents();
        }

        @Test
        void givenCertificatedCandidate_whenAmendedByImi_thenAmended() {
            fixture.given(REGISTERED, CERTIFICATED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "Chloë", REASON, true))
                    .expectEvents(new CandidateNameAmended(
                            CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Chloë", "O'Brien-Łukasiewicz", REASON));
        }
    }

    static Stream<Arguments> everyField() {
        return Stream.of(
                Arguments.of(CandidateField.FIRST_NAME, "Chloë"),
                Arguments.of(CandidateField.LAST_NAME, "Smith"),
                Arguments.of(CandidateField.DATE_OF_BIRTH, "2005-07-14"),
                Arguments.of(CandidateField.ULN, "5000000004"),
                Arguments.of(CandidateField.QUALIFICATION, MVR_L3));
    }

    @Nested
    class TransferCandidateSpec {

        @Test
        void givenRegisteredCandidate_whenTransferredToAnApprovedCentre_thenMovedFromOneToTheOther() {
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, " Moved house "))
                    .expectEvents(new CandidateTransferred(CANDIDATE, CENTRE, OTHER_CENTRE, "Moved house"));
        }

        @Test
        void givenRegisteredCandidate_whenTransferredByCentreNumber_thenMovedToTheCentreHoldingIt() {
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, null, " 100002 ", "Moved house", null))
                    .expectEvents(new CandidateTransferred(CANDIDATE, CENTRE, OTHER_CENTRE, "Moved house"))
                    .expectResultMessagePayload(new TransferCandidate.Done(OTHER_CENTRE, 1L));
        }

        @Test
        void givenNoCentreWithTheNumber_whenTransferredByIt_thenUnknown() {
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, null, "999999", REASON, null))
                    .expectException(UnknownRecord.class)
                    .expectExceptionMessage("No centre numbered 999999")
                    .expectNoEvents();
        }

        @Test
        void givenBothOrNeitherOfIdAndNumber_whenTransferred_thenInvalid() {
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, "100002", REASON, null))
                    .expectException(InvalidCommand.class)
                    .expectNoEvents();
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, null, " ", REASON, null))
                    .expectException(InvalidCommand.class)
                    .expectNoEvents();
        }

        @Test
        void givenCandidateTransferred_whenWithdrawn_thenTheNewCentreIsRecorded() {
            fixture.given(REGISTERED, new CandidateTransferred(CANDIDATE, CENTRE, OTHER_CENTRE, "Moved house"))
                    .when(new WithdrawCandidate(CANDIDATE, "Left the course", false))
                    .expectEvents(new CandidateWithdrawn(CANDIDATE, OTHER_CENTRE, "Left the course"));
        }

        @Test
        void givenCandidateTransferred_whenTransferredBack_thenMovedBack() {
            fixture.given(REGISTERED, new CandidateTransferred(CANDIDATE, CENTRE, OTHER_CENTRE, "Moved house"))
                    .when(new TransferCandidate(CANDIDATE, CENTRE, "Moved back"))
                    .expectEvents(new CandidateTransferred(CANDIDATE, OTHER_CENTRE, CENTRE, "Moved back"));
        }

        @Test
        void givenRegisteredCandidate_whenTransferredToTheirOwnCentre_thenRefused() {
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate is already at centre centre-1")
                    .expectNoEvents();
        }

        @Test
        void givenNoSuchCentre_whenTransferredThere_thenUnknown() {
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, "centre-nowhere", REASON))
                    .expectException(UnknownRecord.class)
                    .expectNoEvents();
        }

        @Test
        void givenAppliedCentre_whenTransferredThere_thenRefused() {
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, APPLIED_CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "Centre centre-applied is APPLIED; only an APPROVED centre can register candidates");
        }

        @Test
        void givenSuspendedCentre_whenTransferredThere_thenRefused() {
            database.apply(new CentreSuspended(OTHER_CENTRE, "Quality review"));
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "Centre 100002 is SUSPENDED; only an APPROVED centre can register candidates");
        }

        @Test
        void givenCentreUnderRegistrationsSanction_whenTransferredThere_thenRefused() {
            database.apply(new CentreSanctionImposed(OTHER_CENTRE, Sanction.REGISTRATIONS, "Investigation"));
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void givenCentreNotApprovedForTheQualification_whenTransferredThere_thenRefusedNamingIt() {
            fixture.given(REGISTERED, new CandidateQualificationAmended(CANDIDATE, CENTRE, MVR_L2, MVR_L3, REASON))
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre 100002 is not approved for qualification MVR-L3")
                    .expectNoEvents();
        }

        @Test
        void givenSourceCentreSuspended_whenTransferredToAnApprovedCentre_thenTransferred() {
            database.apply(new CentreSuspended(CENTRE, "Quality review"));
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, REASON))
                    .expectEvents(new CandidateTransferred(CANDIDATE, CENTRE, OTHER_CENTRE, REASON));
        }

        @Test
        void givenWithdrawnCandidate_whenTransferred_thenRefused() {
            fixture.given(REGISTERED, WITHDRAWN)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate is WITHDRAWN; only a REGISTERED candidate can be transferred");
        }

        @Test
        void givenCertificatedCandidate_whenTransferred_thenRefused() {
            fixture.given(REGISTERED, CERTIFICATED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "Candidate is CERTIFICATED; only a REGISTERED candidate can be transferred");
        }

        @ParameterizedTest
        @NullAndEmptySource
        void givenRegisteredCandidate_whenTransferredWithoutReason_thenRefusedOnReason(String reason) {
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, reason))
                    .expectException(InvalidField.named("reason"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void givenRegisteredCandidate_whenTransferredNowhere_thenRefusedOnToCentreId(String toCentreId) {
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, toCentreId, REASON))
                    .expectException(InvalidField.named("toCentreId"));
        }
    }

    @Nested
    class WithdrawReinstateSpec {

        @Test
        void givenRegisteredCandidate_whenWithdrawn_thenWithdrawnWithTrimmedReason() {
            fixture.given(REGISTERED)
                    .when(new WithdrawCandidate(CANDIDATE, "  Left the course ", false))
                    .expectEvents(WITHDRAWN);
        }

        @Test
        void givenWithdrawnCandidate_whenWithdrawnAgain_thenRefused() {
            fixture.given(REGISTERED, WITHDRAWN)
                    .when(new WithdrawCandidate(CANDIDATE, REASON, true))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate is already WITHDRAWN")
                    .expectNoEvents();
        }

        @Test
        void givenCertificatedCandidate_whenWithdrawnByTheCentre_thenRefused() {
            fixture.given(REGISTERED, CERTIFICATED)
                    .when(new WithdrawCandidate(CANDIDATE, REASON, false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "Candidate is CERTIFICATED; a certificated candidate can only be withdrawn by IMI")
                    .expectNoEvents();
        }

        @Test
        void givenCertificatedCandidate_whenWithdrawnByImi_thenWithdrawn() {
            fixture.given(REGISTERED, CERTIFICATED)
                    .when(new WithdrawCandidate(CANDIDATE, "Certificate revoked for malpractice", true))
                    .expectEvents(new CandidateWithdrawn(CANDIDATE, CENTRE, "Certificate revoked for malpractice"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        void givenRegisteredCandidate_whenWithdrawnWithoutReason_thenRefusedOnReason(String reason) {
            fixture.given(REGISTERED)
                    .when(new WithdrawCandidate(CANDIDATE, reason, false))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
        }

        @Test
        void givenWithdrawnCandidate_whenReinstated_thenReinstated() {
            fixture.given(REGISTERED, WITHDRAWN)
                    .when(new ReinstateCandidate(CANDIDATE, " Came back "))
                    .expectEvents(new CandidateReinstated(CANDIDATE, CENTRE, "Came back"));
        }

        @Test
        void givenReinstatedCandidate_whenWithdrawnAgain_thenWithdrawn() {
            fixture.given(REGISTERED, WITHDRAWN, new CandidateReinstated(CANDIDATE, CENTRE, "Came back"))
                    .when(new WithdrawCandidate(CANDIDATE, "Left the course", false))
                    .expectEvents(WITHDRAWN);
        }

        @Test
        void givenRegisteredCandidate_whenReinstated_thenRefused() {
            fixture.given(REGISTERED)
                    .when(new ReinstateCandidate(CANDIDATE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate is REGISTERED; only a WITHDRAWN candidate can be reinstated");
        }

        @Test
        void givenWithdrawnCandidate_whenReinstatedWithoutReason_thenRefusedOnReason() {
            fixture.given(REGISTERED, WITHDRAWN)
                    .when(new ReinstateCandidate(CANDIDATE, " "))
                    .expectException(InvalidField.named("reason"));
        }
    }

    /** Matches the {@link DuplicateCandidate} that names the given registration, as the 409 will. */
    static Matcher<DuplicateCandidate> duplicateOf(String candidateId, String registrationNumber) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(DuplicateCandidate refusal) {
                return candidateId.equals(refusal.existingCandidateId())
                        && registrationNumber.equals(refusal.existingRegistrationNumber());
            }

            @Override
            public void describeTo(Description description) {
                description
                        .appendText("DuplicateCandidate naming ")
                        .appendValue(candidateId)
                        .appendText(" and ")
                        .appendValue(registrationNumber);
            }

            @Override
            protected void describeMismatchSafely(DuplicateCandidate refusal, Description mismatch) {
                mismatch.appendText("named ")
                        .appendValue(refusal.existingCandidateId())
                        .appendText(" and ")
                        .appendValue(refusal.existingRegistrationNumber());
            }
        };
    }

    /**
     * A certificate issued on the claim, as the candidate directory sees it in the claim's own transaction: before
     * the certification policy has recorded it on the candidate.
     */
    void issuedInTheDirectory() {
        database.apply(REGISTERED);
        database.apply(new CertificateIssued(
                CLAIM,
                CANDIDATE,
                CENTRE,
                MVR_L2,
                CERTIFICATE,
                "Zoë O'Brien-Łukasiewicz",
                TODAY,
                Instant.parse("2026-11-26T10:00:00Z"),
                false));
    }

    @Nested
    class CertificateSpec {

        @Test
        void givenRegisteredCandidate_whenTheirCertificateIsRecorded_thenCertificated() {
            fixture.given(REGISTERED)
                    .when(new RecordCertificate(CANDIDATE, CLAIM, MVR_L2, CERTIFICATE))
                    .expectEvents(CERTIFICATED);
        }

        @Test
        void givenTheCertificateRecorded_whenRecordedAgain_thenNothingRecorded() {
            fixture.given(REGISTERED, CERTIFICATED)
                    .when(new RecordCertificate(CANDIDATE, CLAIM, MVR_L2, CERTIFICATE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        /** A retried policy after the revocation must not certificate the candidate again. */
        @Test
        void givenTheCertificateRecordedAndRevoked_whenRecordedAgain_thenNothingRecorded() {
            fixture.given(REGISTERED, CERTIFICATED, CERTIFICATE_REVOKED)
                    .when(new RecordCertificate(CANDIDATE, CLAIM, MVR_L2, CERTIFICATE))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenACertificateRevoked_whenAnotherClaimsCertificateIsRecorded_thenCertificatedByIt() {
            fixture.given(REGISTERED, CERTIFICATED, CERTIFICATE_REVOKED)
                    .when(new RecordCertificate(CANDIDATE, "claim-2", MVR_L2, "CHJ4RT6WYZ"))
                    .expectEvents(new CandidateCertificated(CANDIDATE, CENTRE, "claim-2", MVR_L2, "CHJ4RT6WYZ"));
        }

        /** The certificate exists: it is recorded whatever the status, and IMI's later withdrawal stands. */
        @Test
        void givenCandidateWithdrawnByImiBeforeTheRecord_whenRecorded_thenRecordedAndStillWithdrawn() {
            fixture.given(REGISTERED, WITHDRAWN)
                    .when(new RecordCertificate(CANDIDATE, CLAIM, MVR_L2, CERTIFICATE))
                    .expectEvents(CERTIFICATED);
            fixture.given(REGISTERED, WITHDRAWN, CERTIFICATED)
                    .when(new ReinstateCandidate(CANDIDATE, "Came back"))
                    .expectEvents(new CandidateReinstated(CANDIDATE, CENTRE, "Came back"));
        }

        @Test
        void givenCertificatedCandidate_whenTheCertificateIsRevoked_thenRecordedAndRegisteredAgain() {
            fixture.given(REGISTERED, CERTIFICATED)
                    .when(new RecordCertificateRevoked(CANDIDATE, CLAIM, CERTIFICATE, "Malpractice"))
                    .expectEvents(CERTIFICATE_REVOKED);
            // REGISTERED again: only a REGISTERED candidate can be transferred
            fixture.given(REGISTERED, CERTIFICATED, CERTIFICATE_REVOKED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, "Moved house"))
                    .expectEvents(new CandidateTransferred(CANDIDATE, CENTRE, OTHER_CENTRE, "Moved house"));
        }

        @Test
        void givenCertificatedCandidate_whenAnotherClaimsCertificateIsRevoked_thenNothingRecorded() {
            fixture.given(REGISTERED, CERTIFICATED)
                    .when(new RecordCertificateRevoked(CANDIDATE, "claim-0", "CHJ4RT6WYZ", "Malpractice"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenTheRevocationRecorded_whenRecordedAgain_thenNothingRecorded() {
            fixture.given(REGISTERED, CERTIFICATED, CERTIFICATE_REVOKED)
                    .when(new RecordCertificateRevoked(CANDIDATE, CLAIM, CERTIFICATE, "Malpractice"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenNoCertificateRecorded_whenARevocationIsRecorded_thenNothingRecorded() {
            fixture.given(REGISTERED)
                    .when(new RecordCertificateRevoked(CANDIDATE, CLAIM, CERTIFICATE, "Malpractice"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenCertificateIssuedButNotYetRecorded_whenTheCentreWithdrawsTheCandidate_thenRefused() {
            issuedInTheDirectory();
            fixture.given(REGISTERED)
                    .when(new WithdrawCandidate(CANDIDATE, REASON, false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "Candidate is CERTIFICATED; a certificated candidate can only be withdrawn by IMI")
                    .expectNoEvents();
        }

        @Test
        void givenCertificateIssuedButNotYetRecorded_whenImiWithdrawsTheCandidate_thenWithdrawn() {
            issuedInTheDirectory();
            fixture.given(REGISTERED)
                    .when(new WithdrawCandidate(CANDIDATE, "Left the country", true))
                    .expectEvents(new CandidateWithdrawn(CANDIDATE, CENTRE, "Left the country"));
        }

        @Test
        void givenCertificateIssuedButNotYetRecorded_whenTheCentreAmendsTheCandidate_thenRefusedButImiMay() {
            issuedInTheDirectory();
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "Chloë", REASON, false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate is CERTIFICATED; only IMI can amend a certificated candidate")
                    .expectNoEvents();
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "Chloë", REASON, true))
                    .expectEvents(new CandidateNameAmended(
                            CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Chloë", "O'Brien-Łukasiewicz", REASON));
        }

        @Test
        void givenCertificateIssuedButNotYetRecorded_whenTransferred_thenRefused() {
            issuedInTheDirectory();
            fixture.given(REGISTERED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate is CERTIFICATED; only a REGISTERED candidate can be transferred")
                    .expectNoEvents();
        }

        @Test
        void givenCertificateRevokedInTheDirectoryAndOnTheCandidate_whenTheCentreWithdrawsThem_thenWithdrawn() {
            issuedInTheDirectory();
            database.apply(new CertificateRevoked(CLAIM, CANDIDATE, CENTRE, MVR_L2, CERTIFICATE, TODAY, "Malpractice"));
            fixture.given(REGISTERED, CERTIFICATED, CERTIFICATE_REVOKED)
                    .when(new WithdrawCandidate(CANDIDATE, "Left the course", false))
                    .expectEvents(WITHDRAWN);
        }
    }

    /**
     * An amender who says which version they saw ({@code If-Match} in the API) changes the candidate only if it is
     * still that version, and is told so before any rule of a state they never saw; each change answers the version
     * after it.
     */
    @Nested
    class ExpectedVersionSpec {

        static final CandidateNameAmended RENAMED = new CandidateNameAmended(
                CANDIDATE, CENTRE, "Zoë", "O'Brien-Łukasiewicz", "Chloë", "O'Brien-Łukasiewicz", REASON);

        @Test
        void givenCandidateAtVersion1_whenAmendedExpectingVersion1_thenAmendedAndAnswersVersion2() {
            fixture.given(REGISTERED, RENAMED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.LAST_NAME, "Smith", REASON, false, 1L))
                    .expectEvents(new CandidateNameAmended(
                            CANDIDATE, CENTRE, "Chloë", "O'Brien-Łukasiewicz", "Chloë", "Smith", REASON))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void givenCandidateChangedSinceVersion0_whenAmendedExpectingVersion0_thenRefusedAndNothingRecorded() {
            fixture.given(REGISTERED, RENAMED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.LAST_NAME, "Smith", REASON, false, 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectException(new TypeSafeMatcher<ConflictingAggregateVersionException>() {
                        @Override
                        protected boolean matchesSafely(ConflictingAggregateVersionException e) {
                            return e.getExpectedVersion() == 0 && e.getActualVersion() == 1;
                        }

                        @Override
                        public void describeTo(Description description) {
                            description.appendText("expected version 0, actual 1");
                        }
                    })
                    .expectNoEvents();
        }

        @Test
        void givenCandidateWithdrawnSinceVersion0_whenAmendedExpectingVersion0_thenRefusedAsStaleNotAsWithdrawn() {
            fixture.given(REGISTERED, WITHDRAWN)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.LAST_NAME, "Smith", REASON, false, 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void givenCandidateAtVersion0_whenAmendedExpectingAVersionNotReached_thenRefused() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.LAST_NAME, "Smith", REASON, false, 5L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void givenCandidateChangedSince_whenTheSameValueIsSentExpectingTheOldVersion_thenStillRefused() {
            fixture.given(REGISTERED, RENAMED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "Chloë", REASON, false, 0L))
                    .expectException(ConflictingAggregateVersionException.class);
        }

        @Test
        void givenCandidateAtVersion0_whenUnchangedValueSentExpectingVersion0_thenNothingRecordedAndVersion0() {
            fixture.given(REGISTERED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "Zoë", REASON, false, 0L))
                    .expectNoEvents()
                    .expectResultMessagePayload(0L);
        }

        @Test
        void givenCandidateChangedSince_whenTransferredWithdrawnOrReinstatedExpectingTheOldVersion_thenRefused() {
            fixture.given(REGISTERED, RENAMED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, null, REASON, 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
            fixture.given(REGISTERED, RENAMED)
                    .when(new WithdrawCandidate(CANDIDATE, REASON, false, 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
            fixture.given(REGISTERED, WITHDRAWN, RENAMED)
                    .when(new ReinstateCandidate(CANDIDATE, REASON, 1L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }

        @Test
        void givenCandidateAtVersion1_whenTransferredWithdrawnOrReinstatedExpectingIt_thenDoneAndAnswersVersion2() {
            fixture.given(REGISTERED, RENAMED)
                    .when(new TransferCandidate(CANDIDATE, OTHER_CENTRE, null, REASON, 1L))
                    .expectEvents(new CandidateTransferred(CANDIDATE, CENTRE, OTHER_CENTRE, REASON))
                    .expectResultMessagePayload(new TransferCandidate.Done(OTHER_CENTRE, 2L));
            fixture.given(REGISTERED, RENAMED)
                    .when(new WithdrawCandidate(CANDIDATE, REASON, false, 1L))
                    .expectEvents(new CandidateWithdrawn(CANDIDATE, CENTRE, REASON))
                    .expectResultMessagePayload(2L);
            fixture.given(REGISTERED, WITHDRAWN)
                    .when(new ReinstateCandidate(CANDIDATE, REASON, 1L))
                    .expectEvents(new CandidateReinstated(CANDIDATE, CENTRE, REASON))
                    .expectResultMessagePayload(2L);
        }
    }

    /** IMI's erasure and the legal hold that refuses it (issue 19, ADR 0163). */
    @Nested
    class ErasureSpec {

        static final java.time.Instant NOW = java.time.Instant.parse("2026-12-07T10:00:00Z");
        static final String BASIS = "UK GDPR Art. 17(1)(a)";
        static final CandidateLegalHoldPlaced HELD = new CandidateLegalHoldPlaced(
                CANDIDATE, CENTRE, "case-7", "Malpractice investigation", "Art. 17(3)(e): legal claims");
        static final CandidateErased ERASED =
                new CandidateErased(CANDIDATE, CENTRE, NUMBER, "The learner asked", BASIS, NOW);

        @BeforeEach
        void clock() {
            fixture.registerInjectableResource(java.time.Clock.fixed(NOW, java.time.ZoneOffset.UTC));
        }

        @Test
        void givenCertificatedCandidate_whenErased_thenErasedWithReasonBasisAndNumber() {
            fixture.given(REGISTERED, CERTIFICATED)
                    .when(new EraseCandidate(CANDIDATE, " The learner asked ", BASIS))
                    .expectEvents(ERASED);
        }

        @Test
        void givenLegalHold_whenErased_thenRefused() {
            fixture.given(REGISTERED, HELD)
                    .when(new EraseCandidate(CANDIDATE, "The learner asked", BASIS))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("A legal hold stands on this candidate's record; lift it before erasing")
                    .expectNoEvents();
        }

        @Test
        void givenLegalHoldLifted_whenErased_thenErased() {
            fixture.given(REGISTERED, HELD, new CandidateLegalHoldLifted(CANDIDATE, CENTRE, "Case closed"))
                    .when(new EraseCandidate(CANDIDATE, "The learner asked", BASIS))
                    .expectEvents(ERASED);
        }

        @Test
        void givenErased_whenErasedAmendedWithdrawnOrHeld_thenRefused() {
            String refusal = "The candidate's personal data was erased; their record changes no more";
            fixture.given(REGISTERED, ERASED)
                    .when(new EraseCandidate(CANDIDATE, "Again", BASIS))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(refusal);
            fixture.given(REGISTERED, ERASED)
                    .when(new AmendCandidate(CANDIDATE, CandidateField.FIRST_NAME, "Zoe", REASON, true))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(refusal);
            fixture.given(REGISTERED, ERASED)
                    .when(new WithdrawCandidate(CANDIDATE, REASON, true))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(refusal);
            fixture.given(REGISTERED, ERASED)
                    .when(new PlaceLegalHold(CANDIDATE, null, "Too late", "Art. 17(3)(e): legal claims"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(refusal);
        }

        @Test
        void givenNoReasonOrBasis_whenErased_thenRefusedOnTheField() {
            fixture.given(REGISTERED)
                    .when(new EraseCandidate(CANDIDATE, " ", BASIS))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
            fixture.given(REGISTERED)
                    .when(new EraseCandidate(CANDIDATE, "Asked", "x".repeat(201)))
                    .expectException(InvalidField.named("legalBasis"))
                    .expectNoEvents();
        }

        @Test
        void givenHold_whenHeldAgainOrLiftedTwice_thenRefused() {
            fixture.given(REGISTERED, HELD)
                    .when(new PlaceLegalHold(CANDIDATE, "case-8", "Another", "Art. 17(3)(e): legal claims"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("A legal hold already stands on this candidate's record");
            fixture.given(REGISTERED)
                    .when(new LiftLegalHold(CANDIDATE, "Nothing to lift"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("No legal hold stands on this candidate's record");
        }

        @Test
        void givenKeepUntilTodayOrBefore_whenExtended_thenRefusedOnTheDate() {
            fixture.given(REGISTERED)
                    .when(new ExtendRetention(CANDIDATE, "2026-12-07", "Claim in court", "Art. 17(3)(e)"))
                    .expectException(InvalidField.named("keepUntil"))
                    .expectNoEvents();
            fixture.given(REGISTERED)
                    .when(new ExtendRetention(CANDIDATE, "2030-01-31", "Claim in court", "Art. 17(3)(e)"))
                    .expectEvents(new CandidateRetentionExtended(
                            CANDIDATE, CENTRE, LocalDate.of(2030, 1, 31), "Claim in court", "Art. 17(3)(e)"));
        }
    }
}
