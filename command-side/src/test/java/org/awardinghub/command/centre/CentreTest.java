package org.awardinghub.command.centre;

import java.util.List;
import java.util.stream.Stream;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.qualification.QualificationDirectory;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreDetailsAmended;
import org.awardinghub.events.centre.CentreQualificationApproved;
import org.awardinghub.events.centre.CentreQualificationRemoved;
import org.awardinghub.events.centre.CentreReinstated;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSanctionLifted;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.CentreWithdrawn;
import org.awardinghub.events.centre.DirectClaimStatusGranted;
import org.awardinghub.events.centre.DirectClaimStatusRemoved;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.qualification.QualificationPublished;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CentreTest {

    static final String CENTRE = "centre-1";
    static final String NAME = "Northgate College";
    static final String ADDRESS = "1 High Street, Leeds LS1 1AA";
    static final String EMAIL = "office@northgate.ac.uk";
    static final String REASON = "Quality review of 2026";

    static final CentreApplied APPLIED = new CentreApplied(CENTRE, NAME, ADDRESS, EMAIL);
    static final CentreApproved APPROVED = new CentreApproved(CENTRE, "100001", List.of("MVR-L2"), false);
    static final CentreSuspended SUSPENDED = new CentreSuspended(CENTRE, REASON);
    static final CentreWithdrawn WITHDRAWN = new CentreWithdrawn(CENTRE, REASON);

    LookupDatabase database;
    CentreDirectory directory;
    FixtureConfiguration<Centre> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        directory = database.lookup(CentreDirectory.class);
        QualificationDirectory catalogue = database.lookup(QualificationDirectory.class);
        for (String code : List.of("MVR-L2", "MVR-L3", "HEV-L3")) {
            database.apply(new QualificationPublished(code, code, 2, List.of(), List.of()));
        }
        fixture = new AggregateTestFixture<>(Centre.class);
        fixture.registerInjectableResource(catalogue);
        fixture.registerInjectableResource(directory);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Nested
    class CreateCentreSpec {

        @Test
        void givenNoCentre_whenCreated_thenAppliedWithTrimmedDetails() {
            fixture.givenNoPriorActivity()
                    .when(new CreateCentre(CENTRE, "  " + NAME + " ", "\t" + ADDRESS, " " + EMAIL + " "))
                    .expectEvents(APPLIED);
        }

        @Test
        void givenNoCentre_whenCreatedWithLongestNameAndAddress_thenApplied() {
            String name = "N".repeat(200);
            String address = "A".repeat(500);
            fixture.givenNoPriorActivity()
                    .when(new CreateCentre(CENTRE, name, address, EMAIL))
                    .expectEvents(new CentreApplied(CENTRE, name, address, EMAIL));
        }

        @Test
        void givenNoCentre_whenCreatedWithAnAddressOfSeveralLines_thenAppliedWithItsLineBreaks() {
            String address = "1 High Street\r\nLeeds\r\nLS1 1AA";
            fixture.givenNoPriorActivity()
                    .when(new CreateCentre(CENTRE, NAME, address, EMAIL))
                    .expectEvents(new CentreApplied(CENTRE, NAME, address, EMAIL));
        }

        @ParameterizedTest
        @MethodSource("org.awardinghub.command.centre.CentreTest#malformedDetails")
        void givenNoCentre_whenCreatedWithMalformedDetails_thenRefusedNamingTheField(
                String field, String name, String address, String email) {
            fixture.givenNoPriorActivity()
                    .when(new CreateCentre(CENTRE, name, address, email))
                    .expectException(InvalidField.named(field))
                    .expectNoEvents();
        }
    }

    static Stream<Arguments> malformedDetails() {
        return Stream.of(
                Arguments.of("name", "  ", ADDRESS, EMAIL),
                Arguments.of("name", null, ADDRESS, EMAIL),
                Arguments.of("name", "N".repeat(201), ADDRESS, EMAIL),
                Arguments.of("address", NAME, "", EMAIL),
                Arguments.of("address", NAME, "A".repeat(501), EMAIL),
                Arguments.of("contactEmail", NAME, ADDRESS, "office.northgate.ac.uk"),
                Arguments.of("contactEmail", NAME, ADDRESS, "office@northgate"),
                Arguments.of("contactEmail", NAME, ADDRESS, "off ice@northgate.ac.uk"),
                Arguments.of("contactEmail", NAME, ADDRESS, null),
                Arguments.of("name", "North\u0000gate College", ADDRESS, EMAIL),
                Arguments.of("name", "Northgate \u001B[2JCollege", ADDRESS, EMAIL),
                Arguments.of("name", "Northgate \u202Eegelloc", ADDRESS, EMAIL),
                Arguments.of("name", "Northgate\nCollege", ADDRESS, EMAIL),
                Arguments.of("address", NAME, "1 High Street\u0000, Leeds", EMAIL),
                Arguments.of("address", NAME, "1 High Street,\n\u202ELeeds", EMAIL),
                Arguments.of("contactEmail", NAME, ADDRESS, "office\u202E@northgate.ac.uk"));
    }

    @Nested
    class ApproveCentreSpec {

        @Test
        void givenAppliedCentre_whenApproved_thenFirstCentreNumberAssignedAndReturned() {
            fixture.given(APPLIED)
                    .when(new ApproveCentre(CENTRE, List.of("MVR-L2", " MVR-L3 "), true))
                    .expectEvents(new CentreApproved(CENTRE, "100001", List.of("MVR-L2", "MVR-L3"), true))
                    .expectResultMessagePayload("100001");
        }

        @Test
        void givenAnotherCentreNumbered_whenApproved_thenTheNextNumberIsAssigned() {
            database.apply(new CentreApplied("centre-0", "Southgate", ADDRESS, EMAIL));
            database.apply(new CentreApproved("centre-0", "100041", List.of("MVR-L2"), false));

            fixture.given(APPLIED)
                    .when(new ApproveCentre(CENTRE, List.of("MVR-L2"), false))
                    .expectEvents(new CentreApproved(CENTRE, "100042", List.of("MVR-L2"), false))
                    .expectResultMessagePayload("100042");
        }

        @Test
        void givenSuspendedCentre_whenApproved_thenRefused() {
            fixture.given(APPLIED, APPROVED, SUSPENDED)
                    .when(new ApproveCentre(CENTRE, List.of("MVR-L2"), false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is SUSPENDED; only an APPLIED centre can be approved")
                    .expectNoEvents();
        }

        @Test
        void givenApprovedCentre_whenApprovedAgain_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new ApproveCentre(CENTRE, List.of("MVR-L2"), false))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is APPROVED; only an APPLIED centre can be approved");
        }

        @Test
        void givenAppliedCentre_whenApprovedForNoQualification_thenRefused() {
            fixture.given(APPLIED)
                    .when(new ApproveCentre(CENTRE, List.of(), false))
                    .expectException(InvalidField.named("qualificationCodes"));
        }

        @Test
        void givenAppliedCentre_whenApprovedWithAQualificationListedTwice_thenRefused() {
            fixture.given(APPLIED)
                    .when(new ApproveCentre(CENTRE, List.of("MVR-L2", "MVR-L2"), false))
                    .expectException(InvalidField.named("qualificationCodes"));
        }

        @Test
        void givenAppliedCentre_whenApprovedForAnUnknownQualification_thenRefusedNamingIt() {
            fixture.given(APPLIED)
                    .when(new ApproveCentre(CENTRE, List.of("MVR-L2", "NOPE-L9"), false))
                    .expectException(InvalidField.named("qualificationCodes"))
                    .expectExceptionMessage("unknown qualification NOPE-L9");
        }
    }

    @Nested
    class SuspendReinstateWithdrawSpec {

        @Test
        void givenApprovedCentre_whenSuspended_thenSuspendedWithTrimmedReason() {
            fixture.given(APPLIED, APPROVED)
                    .when(new SuspendCentre(CENTRE, "  " + REASON + "  "))
                    .expectEvents(new CentreSuspended(CENTRE, REASON));
        }

        @Test
        void givenAppliedCentre_whenSuspended_thenRefused() {
            fixture.given(APPLIED)
                    .when(new SuspendCentre(CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is APPLIED; only an APPROVED centre can be suspended");
        }

        @Test
        void givenSuspendedCentre_whenSuspendedAgain_thenRefused() {
            fixture.given(APPLIED, APPROVED, SUSPENDED)
                    .when(new SuspendCentre(CENTRE, REASON))
                    .expectException(RuleViolation.class);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   "})
        void givenApprovedCentre_whenSuspendedWithoutReason_thenRefused(String reason) {
            fixture.given(APPLIED, APPROVED)
                    .when(new SuspendCentre(CENTRE, reason))
                    .expectException(InvalidField.named("reason"))
                    .expectExceptionMessage("a reason is required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Fraud\u0000", "Fraud \u001B[31m", "Fraud \u202Eecnedive on"})
        void givenApprovedCentre_whenSuspendedWithAControlOrOverrideInTheReason_thenRefused(String reason) {
            fixture.given(APPLIED, APPROVED)
                    .when(new SuspendCentre(CENTRE, reason))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
        }

        @Test
        void givenApprovedCentre_whenSuspendedWithNullReason_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new SuspendCentre(CENTRE, null))
                    .expectException(InvalidField.named("reason"));
        }

        @Test
        void givenApprovedCentre_whenSuspendedWithAReasonOver1000Characters_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new SuspendCentre(CENTRE, "r".repeat(1001)))
                    .expectException(InvalidField.named("reason"));
        }

        @Test
        void givenSuspendedCentre_whenReinstated_thenReinstated() {
            fixture.given(APPLIED, APPROVED, SUSPENDED)
                    .when(new ReinstateCentre(CENTRE, "Actions completed"))
                    .expectEvents(new CentreReinstated(CENTRE, "Actions completed"));
        }

        @Test
        void givenReinstatedCentre_whenSuspended_thenSuspendedAgain() {
            fixture.given(APPLIED, APPROVED, SUSPENDED, new CentreReinstated(CENTRE, "Actions completed"))
                    .when(new SuspendCentre(CENTRE, REASON))
                    .expectEvents(new CentreSuspended(CENTRE, REASON));
        }

        @Test
        void givenApprovedCentre_whenReinstated_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new ReinstateCentre(CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is APPROVED; only a SUSPENDED centre can be reinstated");
        }

        @Test
        void givenSuspendedCentre_whenReinstatedWithoutReason_thenRefused() {
            fixture.given(APPLIED, APPROVED, SUSPENDED)
                    .when(new ReinstateCentre(CENTRE, " "))
                    .expectException(InvalidField.named("reason"));
        }

        @Test
        void givenAppliedCentre_whenWithdrawn_thenWithdrawn() {
            fixture.given(APPLIED).when(new WithdrawCentre(CENTRE, REASON)).expectEvents(WITHDRAWN);
        }

        @Test
        void givenApprovedCentre_whenWithdrawn_thenWithdrawn() {
            fixture.given(APPLIED, APPROVED)
                    .when(new WithdrawCentre(CENTRE, REASON))
                    .expectEvents(WITHDRAWN);
        }

        @Test
        void givenSuspendedCentre_whenWithdrawn_thenWithdrawn() {
            fixture.given(APPLIED, APPROVED, SUSPENDED)
                    .when(new WithdrawCentre(CENTRE, REASON))
                    .expectEvents(WITHDRAWN);
        }

        @Test
        void givenApprovedCentre_whenWithdrawnWithoutReason_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new WithdrawCentre(CENTRE, ""))
                    .expectException(InvalidField.named("reason"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("org.awardinghub.command.centre.CentreTest#everyCommandOnTheCentre")
        void givenWithdrawnCentre_whenAnythingIsAsked_thenRefused(String name, Object command) {
            fixture.given(APPLIED, APPROVED, WITHDRAWN)
                    .when(command)
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }
    }

    static Stream<Arguments> everyCommandOnTheCentre() {
        return Stream.of(
                        new ApproveCentre(CENTRE, List.of("MVR-L2"), false),
                        new SuspendCentre(CENTRE, REASON),
                        new ReinstateCentre(CENTRE, REASON),
                        new WithdrawCentre(CENTRE, REASON),
                        new GrantDirectClaimStatus(CENTRE, REASON),
                        new RemoveDirectClaimStatus(CENTRE, REASON),
                        new ApproveCentreQualification(CENTRE, "MVR-L3", REASON),
                        new RemoveCentreQualification(CENTRE, "MVR-L2", REASON),
                        new ImposeSanction(CENTRE, Sanction.REGISTRATIONS, REASON),
                        new LiftSanction(CENTRE, Sanction.REGISTRATIONS, REASON),
                        new AmendCentreDetails(CENTRE, "New name", ADDRESS, EMAIL, REASON))
                .map(command -> Arguments.of(command.getClass().getSimpleName(), command));
    }

    @Nested
    class DirectClaimStatusSpec {

        @Test
        void givenApprovedCentre_whenGrantedDirectClaimStatus_thenGranted() {
            fixture.given(APPLIED, APPROVED)
                    .when(new GrantDirectClaimStatus(CENTRE, REASON))
                    .expectEvents(new DirectClaimStatusGranted(CENTRE, REASON));
        }

        @Test
        void givenSuspendedCentre_whenGrantedDirectClaimStatus_thenGranted() {
            fixture.given(APPLIED, APPROVED, SUSPENDED)
                    .when(new GrantDirectClaimStatus(CENTRE, REASON))
                    .expectEvents(new DirectClaimStatusGranted(CENTRE, REASON));
        }

        @Test
        void givenAppliedCentre_whenGrantedDirectClaimStatus_thenRefused() {
            fixture.given(APPLIED)
                    .when(new GrantDirectClaimStatus(CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is APPLIED; only an APPROVED or SUSPENDED centre can be granted"
                            + " Direct Claim Status");
        }

        @Test
        void givenCentreApprovedWithDirectClaimStatus_whenGrantedIt_thenRefused() {
            fixture.given(APPLIED, new CentreApproved(CENTRE, "100001", List.of("MVR-L2"), true))
                    .when(new GrantDirectClaimStatus(CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre already has Direct Claim Status");
        }

        @Test
        void givenApprovedCentre_whenGrantedWithoutReason_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new GrantDirectClaimStatus(CENTRE, null))
                    .expectException(InvalidField.named("reason"));
        }

        @Test
        void givenCentreWithDirectClaimStatus_whenRemoved_thenRemoved() {
            fixture.given(APPLIED, APPROVED, new DirectClaimStatusGranted(CENTRE, REASON))
                    .when(new RemoveDirectClaimStatus(CENTRE, "Claims error rate"))
                    .expectEvents(new DirectClaimStatusRemoved(CENTRE, "Claims error rate"));
        }

        @Test
        void givenCentreWithoutDirectClaimStatus_whenRemoved_thenRefused() {
            fixture.given(
                            APPLIED,
                            APPROVED,
                            new DirectClaimStatusGranted(CENTRE, REASON),
                            new DirectClaimStatusRemoved(CENTRE, REASON))
                    .when(new RemoveDirectClaimStatus(CENTRE, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre does not have Direct Claim Status");
        }

        @Test
        void givenCentreWithDirectClaimStatus_whenRemovedWithoutReason_thenRefused() {
            fixture.given(APPLIED, APPROVED, new DirectClaimStatusGranted(CENTRE, REASON))
                    .when(new RemoveDirectClaimStatus(CENTRE, ""))
                    .expectException(InvalidField.named("reason"));
        }
    }

    @Nested
    class CentreQualificationSpec {

        @Test
        void givenApprovedCentre_whenApprovedForAnotherQualification_thenApproved() {
            fixture.given(APPLIED, APPROVED)
                    .when(new ApproveCentreQualification(CENTRE, "MVR-L3", REASON))
                    .expectEvents(new CentreQualificationApproved(CENTRE, "MVR-L3", REASON));
        }

        @Test
        void givenSuspendedCentre_whenApprovedForAnotherQualification_thenApproved() {
            fixture.given(APPLIED, APPROVED, SUSPENDED)
                    .when(new ApproveCentreQualification(CENTRE, "MVR-L3", REASON))
                    .expectEvents(new CentreQualificationApproved(CENTRE, "MVR-L3", REASON));
        }

        @Test
        void givenAppliedCentre_whenApprovedForAQualification_thenRefused() {
            fixture.given(APPLIED)
                    .when(new ApproveCentreQualification(CENTRE, "MVR-L3", REASON))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenApprovedCentre_whenApprovedForAnUnknownQualification_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new ApproveCentreQualification(CENTRE, "NOPE-L9", REASON))
                    .expectException(InvalidField.named("qualificationCode"))
                    .expectExceptionMessage("unknown qualification NOPE-L9");
        }

        @Test
        void givenApprovedCentre_whenApprovedForAQualificationItHolds_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new ApproveCentreQualification(CENTRE, "MVR-L2", REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is already approved for qualification MVR-L2");
        }

        @Test
        void givenApprovedCentre_whenApprovedForAQualificationWithoutReason_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new ApproveCentreQualification(CENTRE, "MVR-L3", " "))
                    .expectException(InvalidField.named("reason"));
        }

        @Test
        void givenCentreApprovedForAQualification_whenItIsRemoved_thenRemoved() {
            fixture.given(APPLIED, APPROVED)
                    .when(new RemoveCentreQualification(CENTRE, "MVR-L2", REASON))
                    .expectEvents(new CentreQualificationRemoved(CENTRE, "MVR-L2", REASON));
        }

        @Test
        void givenCentreNotApprovedForAQualification_whenItIsRemoved_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new RemoveCentreQualification(CENTRE, "MVR-L3", REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is not approved for qualification MVR-L3");
        }

        @Test
        void givenQualificationRemoved_whenApprovedAgain_thenApproved() {
            fixture.given(APPLIED, APPROVED, new CentreQualificationRemoved(CENTRE, "MVR-L2", REASON))
                    .when(new ApproveCentreQualification(CENTRE, "MVR-L2", "Re-approved after visit"))
                    .expectEvents(new CentreQualificationApproved(CENTRE, "MVR-L2", "Re-approved after visit"));
        }

        @Test
        void givenCentreApprovedForAQualification_whenRemovedWithoutReason_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new RemoveCentreQualification(CENTRE, "MVR-L2", null))
                    .expectException(InvalidField.named("reason"));
        }
    }

    @Nested
    class SanctionSpec {

        @Test
        void givenApprovedCentre_whenSanctioned_thenSanctionImposed() {
            fixture.given(APPLIED, APPROVED)
                    .when(new ImposeSanction(CENTRE, Sanction.CERTIFICATION, REASON))
                    .expectEvents(new CentreSanctionImposed(CENTRE, Sanction.CERTIFICATION, REASON));
        }

        @Test
        void givenCentreSanctionedForRegistrations_whenSanctionedForCertification_thenImposedToo() {
            fixture.given(APPLIED, APPROVED, new CentreSanctionImposed(CENTRE, Sanction.REGISTRATIONS, REASON))
                    .when(new ImposeSanction(CENTRE, Sanction.CERTIFICATION, REASON))
                    .expectEvents(new CentreSanctionImposed(CENTRE, Sanction.CERTIFICATION, REASON));
        }

        @Test
        void givenCentreSanctioned_whenTheSameSanctionIsImposed_thenRefused() {
            fixture.given(APPLIED, APPROVED, new CentreSanctionImposed(CENTRE, Sanction.REGISTRATIONS, REASON))
                    .when(new ImposeSanction(CENTRE, Sanction.REGISTRATIONS, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Sanction REGISTRATIONS is already imposed on this centre");
        }

        @Test
        void givenAppliedCentre_whenSanctioned_thenRefused() {
            fixture.given(APPLIED)
                    .when(new ImposeSanction(CENTRE, Sanction.REGISTRATIONS, REASON))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenApprovedCentre_whenSanctionedWithoutSaying_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new ImposeSanction(CENTRE, null, REASON))
                    .expectException(InvalidField.named("sanction"));
        }

        @Test
        void givenApprovedCentre_whenSanctionedWithoutReason_thenRefused() {
            fixture.given(APPLIED, APPROVED)
                    .when(new ImposeSanction(CENTRE, Sanction.REGISTRATIONS, ""))
                    .expectException(InvalidField.named("reason"));
        }

        @Test
        void givenCentreSanctioned_whenSanctionLifted_thenLifted() {
            fixture.given(APPLIED, APPROVED, new CentreSanctionImposed(CENTRE, Sanction.REGISTRATIONS, REASON))
                    .when(new LiftSanction(CENTRE, Sanction.REGISTRATIONS, "Resolved"))
                    .expectEvents(new CentreSanctionLifted(CENTRE, Sanction.REGISTRATIONS, "Resolved"));
        }

        @Test
        void givenSanctionLifted_whenLiftedAgain_thenRefused() {
            fixture.given(
                            APPLIED,
                            APPROVED,
                            new CentreSanctionImposed(CENTRE, Sanction.REGISTRATIONS, REASON),
                            new CentreSanctionLifted(CENTRE, Sanction.REGISTRATIONS, "Resolved"))
                    .when(new LiftSanction(CENTRE, Sanction.REGISTRATIONS, "Resolved"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Sanction REGISTRATIONS is not imposed on this centre");
        }

        @Test
        void givenCentreSanctioned_whenLiftedWithoutSaying_thenRefused() {
            fixture.given(APPLIED, APPROVED, new CentreSanctionImposed(CENTRE, Sanction.REGISTRATIONS, REASON))
                    .when(new LiftSanction(CENTRE, null, REASON))
                    .expectException(InvalidField.named("sanction"));
        }
    }

    @Nested
    class AmendCentreDetailsSpec {

        @Test
        void givenAppliedCentre_whenDetailsAmended_thenOldAndNewAreRecorded() {
            fixture.given(APPLIED)
                    .when(new AmendCentreDetails(
                            CENTRE, " Northgate College of Motoring ", ADDRESS, "hub@northgate.ac.uk", "Renamed"))
                    .expectEvents(new CentreDetailsAmended(
                            CENTRE,
                            NAME,
                            "Northgate College of Motoring",
                            ADDRESS,
                            ADDRESS,
                            EMAIL,
                            "hub@northgate.ac.uk",
                            "Renamed"));
        }

        @Test
        void givenSuspendedCentre_whenDetailsAmended_thenAmended() {
            fixture.given(APPLIED, APPROVED, SUSPENDED)
                    .when(new AmendCentreDetails(CENTRE, NAME, "2 Low Street, Leeds", EMAIL, "Moved"))
                    .expectEvents(new CentreDetailsAmended(
                            CENTRE, NAME, NAME, ADDRESS, "2 Low Street, Leeds", EMAIL, EMAIL, "Moved"));
        }

        @Test
        void givenCentre_whenAmendedToTheSameDetails_thenNothingIsRecorded() {
            fixture.given(APPLIED, APPROVED)
                    .when(new AmendCentreDetails(CENTRE, " " + NAME + " ", ADDRESS + "  ", EMAIL, "No change"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenDetailsAmended_whenAmendedToTheAmendedDetails_thenNothingIsRecorded() {
            fixture.given(
                            APPLIED,
                            new CentreDetailsAmended(
                                    CENTRE, NAME, "New Name", ADDRESS, ADDRESS, EMAIL, EMAIL, "Renamed"))
                    .when(new AmendCentreDetails(CENTRE, "New Name", ADDRESS, EMAIL, "Again"))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenCentre_whenOnlyTheEmailCaseChanges_thenAmended() {
            fixture.given(APPLIED)
                    .when(new AmendCentreDetails(CENTRE, NAME, ADDRESS, "Office@Northgate.ac.uk", "Case"))
                    .expectEvents(new CentreDetailsAmended(
                            CENTRE, NAME, NAME, ADDRESS, ADDRESS, EMAIL, "Office@Northgate.ac.uk", "Case"));
        }

        @ParameterizedTest
        @MethodSource("org.awardinghub.command.centre.CentreTest#malformedDetails")
        void givenCentre_whenAmendedWithMalformedDetails_thenRefusedNamingTheField(
                String field, String name, String address, String email) {
            fixture.given(APPLIED)
                    .when(new AmendCentreDetails(CENTRE, name, address, email, "Amended"))
                    .expectException(InvalidField.named(field));
        }

        @Test
        void givenCentre_whenAmendedWithoutReason_thenRefused() {
            fixture.given(APPLIED)
                    .when(new AmendCentreDetails(CENTRE, "New name", ADDRESS, EMAIL, null))
                    .expectException(InvalidField.named("reason"));
        }

        @Test
        void givenWithdrawnCentre_whenDetailsAmended_thenRefused() {
            fixture.given(APPLIED, WITHDRAWN)
                    .when(new AmendCentreDetails(CENTRE, "New name", ADDRESS, EMAIL, "Renamed"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Centre is WITHDRAWN; a withdrawn centre's details cannot be amended");
        }
    }

    /** The details change only if the centre is still the version the amender saw; answered: the version after. */
    @Nested
    class ExpectedVersionSpec {

        @Test
        void givenCentreAtVersion1_whenDetailsAmendedExpectingVersion1_thenAmendedAndAnswersVersion2() {
            fixture.given(APPLIED, APPROVED)
                    .when(new AmendCentreDetails(CENTRE, NAME, "2 Low Street, Leeds", EMAIL, "Moved", 1L))
                    .expectEvents(new CentreDetailsAmended(
                            CENTRE, NAME, NAME, ADDRESS, "2 Low Street, Leeds", EMAIL, EMAIL, "Moved"))
                    .expectResultMessagePayload(2L);
        }

        @Test
        void givenCentreChangedSinceVersion0_whenDetailsAmendedExpectingVersion0_thenRefusedAndNothingRecorded() {
            fixture.given(APPLIED, APPROVED)
                    .when(new AmendCentreDetails(CENTRE, NAME, "2 Low Street, Leeds", EMAIL, "Moved", 0L))
                    .expectException(ConflictingAggregateVersionException.class)
                    .expectNoEvents();
        }
    }
}
