package org.awardinghub.command.consideration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.MutableClock;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.assessment.AttemptRecord;
import org.awardinghub.command.assessment.RecordedAttemptChanges;
import org.awardinghub.command.assessment.VoidAttempt;
import org.awardinghub.command.invigilation.IncidentDirectory;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.consideration.Circumstance;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationApplied;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
import org.awardinghub.events.invigilation.IncidentKind;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class SpecialConsiderationTest {

    static final String ID = "consideration-1";
    static final String ATTEMPT = "attempt-1";
    static final String CANDIDATE = "candidate-1";
    static final String CENTRE = "centre-1";
    static final Instant SUBMITTED_AT = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant NOW = SUBMITTED_AT.plus(Duration.ofDays(2));

    static final SpecialConsiderationApplied APPLIED = new SpecialConsiderationApplied(
            ID,
            ATTEMPT,
            CANDIDATE,
            CENTRE,
            "MVR-L2",
            "MVR-L2-A1",
            Circumstance.INCIDENT_IN_ROOM,
            "incident-9",
            "The fire alarm sounded 20 minutes in",
            null,
            "user-admin",
            "34567890",
            NOW);

    LookupDatabase database;
    RecordedAttemptChanges attempts;
    MutableClock clock;
    FixtureConfiguration<SpecialConsideration> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        UserDirectory users = database.lookup(UserDirectory.class);
        ConsiderationDirectory applications = database.lookup(ConsiderationDirectory.class);
        IncidentDirectory incidents = database.lookup(IncidentDirectory.class);
        database.apply(new UserCreated(
                "user-admin", "34567890", "Al Reed", "al@northgate.ac.uk", Set.of(Role.CENTRE_ADMIN), CENTRE));
        database.apply(new UserCreated(
                "user-invigilator", "23456789", "Ivy Stone", "ivy@northgate.ac.uk", Set.of(Role.INVIGILATOR), CENTRE));
        database.apply(new UserCreated(
                "user-elsewhere",
                "45678901",
                "Eve Hart",
                "eve@southgate.ac.uk",
                Set.of(Role.CENTRE_ADMIN),
                "centre-2"));
        database.apply(
                new UserCreated("user-imi", "67890123", "Ian Bell", "ian@theimi.org.uk", Set.of(Role.IMI_ADMIN), null));
        database.apply(new IncidentRecorded(
                "incident-9",
                CENTRE,
                List.of(ATTEMPT),
                List.of(CANDIDATE),
                IncidentKind.DISRUPTION,
                "Fire alarm; the room was evacuated",
                SUBMITTED_AT.minus(Duration.ofMinutes(20)),
                "user-invigilator",
                "23456789",
                SUBMITTED_AT.minus(Duration.ofMinutes(15))));
        attempts = new RecordedAttemptChanges();
        attempts.attempt = attempt(AttemptStatus.SUBMITTED);
        clock = new MutableClock(NOW);
        fixture = new AggregateTestFixture<>(SpecialConsideration.class);
        fixture.registerInjectableResource(attempts);
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(applications);
        fixture.registerInjectableResource(incidents);
        fixture.registerInjectableResource(ConsiderationPolicy.defaults());
        fixture.registerInjectableResource(clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static AttemptRecord attempt(AttemptStatus status) {
        return new AttemptRecord(
                ATTEMPT, CANDIDATE, CENTRE, "MVR-L2", "MVR-L2-A1", status, Outcome.FAIL, 1, 3, SUBMITTED_AT);
    }

    static ApplyForSpecialConsideration apply(String userId) {
        return new ApplyForSpecialConsideration(
                ID,
                ATTEMPT,
                Circumstance.INCIDENT_IN_ROOM,
                "incident-9",
                "The fire alarm sounded 20 minutes in",
                null,
                userId);
    }

    @Nested
    class Applying {

        @Test
        void givenASubmittedAttempt_whenItsCentreAdminApplies_thenTheApplicationIsRecordedWithWhoAndWhen() {
            fixture.givenNoPriorActivity().when(apply("user-admin")).expectEvents(APPLIED);
        }

        @Test
        void givenAnAttemptNotSubmitted_whenApplying_thenItIsRefused() {
            attempts.attempt = attempt(AttemptStatus.VOIDED);
            fixture.givenNoPriorActivity()
                    .when(apply("user-admin"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void givenSevenDaysHavePassed_whenApplying_thenItIsRefusedAsLate() {
            clock.set(SUBMITTED_AT.plus(Duration.ofDays(7)).plusSeconds(1));
            fixture.givenNoPriorActivity()
                    .when(apply("user-admin"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("closed"));
        }

        @Test
        void givenAUserOfAnotherCentre_whenApplying_thenTheAttemptIsUnknownToThem() {
            fixture.givenNoPriorActivity().when(apply("user-elsewhere")).expectException(UnknownRecord.class);
        }

        @Test
        void givenAnInvigilator_whenApplying_thenOnlyAdminsAndCoordinatorsMay() {
            fixture.givenNoPriorActivity().when(apply("user-invigilator")).expectException(RuleViolation.class);
        }

        @Test
        void givenAnApplicationAlreadyMadeForTheAttempt_whenApplyingAgain_thenItIsRefused() {
            database.apply(APPLIED);
            fixture.givenNoPriorActivity()
                    .when(new ApplyForSpecialConsideration(
                            "consideration-2", ATTEMPT, Circumstance.ILLNESS, null, "Ill", null, "user-admin"))
                    .expectException(RuleViolation.class);
        }

        /** Two applications checked at the same moment (on two nodes) both find none; the later write fails. */
        @Test
        void givenAnApplicationRecordedForTheAttempt_whenASecondIsRecorded_thenTheWriteFails() {
            database.apply(APPLIED);
            SpecialConsiderationApplied second = new SpecialConsiderationApplied(
                    "consideration-2",
                    ATTEMPT,
                    CANDIDATE,
                    CENTRE,
                    "MVR-L2",
                    "MVR-L2-A1",
                    Circumstance.ILLNESS,
                    null,
                    "Ill on the day",
                    null,
                    "user-admin",
                    "34567890",
                    NOW);
            assertThatThrownBy(() -> database.apply(second)).isInstanceOf(DataIntegrityViolationException.class);
        }

        @Test
        void givenNoCircumstanceOrDescription_whenApplying_thenTheFieldIsNamed() {
            fixture.givenNoPriorActivity()
                    .when(new ApplyForSpecialConsideration(ID, ATTEMPT, null, null, "x", null, "user-admin"))
                    .expectException(InvalidField.named("circumstance"));
            fixture.givenNoPriorActivity()
                    .when(new ApplyForSpecialConsideration(
                            ID, ATTEMPT, Circumstance.ILLNESS, null, " ", null, "user-admin"))
                    .expectException(InvalidField.named("description"));
        }

        @Test
        void givenAnIncidentNotRecordedAgainstTheAttempt_whenApplyingWithIt_thenTheIncidentIsNamed() {
            database.apply(new IncidentRecorded(
                    "incident-10",
                    CENTRE,
                    List.of("attempt-of-someone-else"),
                    List.of("candidate-2"),
                    IncidentKind.ILLNESS,
                    "Another candidate felt unwell",
                    SUBMITTED_AT,
                    "user-invigilator",
                    "23456789",
                    SUBMITTED_AT));
            for (String incident : List.of("incident-10", "incident-unknown")) {
                fixture.givenNoPriorActivity()
                        .when(new ApplyForSpecialConsideration(
                                ID,
                                ATTEMPT,
                                Circumstance.INCIDENT_IN_ROOM,
                                incident,
                                "The fire alarm sounded",
                                null,
                                "user-admin"))
                        .expectException(InvalidField.named("incidentId"));
            }
        }
    }

    @Nested
    class Deciding {

        @Test
        void givenAnApplication_whenImiDecidesVoidAndResit_thenTheDecisionIsRecordedAndTheAttemptVoided() {
            fixture.given(APPLIED)
                    .when(new DecideSpecialConsideration(
                            ID, ConsiderationDecision.VOID_AND_RESIT, "Fire alarm: sitting disrupted", "user-imi"))
                    .expectEvents(new SpecialConsiderationDecided(
                            ID,
                            ATTEMPT,
                            CANDIDATE,
                            CENTRE,
                            "MVR-L2-A1",
                            ConsiderationDecision.VOID_AND_RESIT,
                            "Fire alarm: sitting disrupted",
                            "user-imi",
                            "67890123",
                            NOW));
            assertThat(attempts.changes)
                    .containsExactly(new VoidAttempt(
                            ATTEMPT, "Special consideration " + ID + ": Fire alarm: sitting disrupted"));
        }

        @Test
        void givenAnApplication_whenImiNotesItOnTheRecord_thenTheAttemptIsLeftAlone() {
            fixture.given(APPLIED)
                    .when(new DecideSpecialConsideration(
                            ID, ConsiderationDecision.NOTE_ON_RECORD, "Result stands; noted", "user-imi"))
                    .expectSuccessfulHandlerExecution();
            assertThat(attempts.changes).isEmpty();
        }

        @Test
        void givenADecidedApplication_whenDecidedAgain_thenTheSecondIsRefused() {
            fixture.given(
                            APPLIED,
                            new SpecialConsiderationDecided(
                                    ID,
                                    ATTEMPT,
                                    CANDIDATE,
                                    CENTRE,
                                    "MVR-L2-A1",
                                    ConsiderationDecision.REJECTED,
                                    "No evidence",
                                    "user-imi",
                                    "67890123",
                                    NOW))
                    .when(new DecideSpecialConsideration(
                            ID, ConsiderationDecision.VOID_AND_RESIT, "Changed my mind", "user-imi"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            assertThat(attempts.changes).isEmpty();
        }

        @Test
        void givenACentreUser_whenDeciding_thenOnlyImiAdminsMay() {
            fixture.given(APPLIED)
                    .when(new DecideSpecialConsideration(ID, ConsiderationDecision.REJECTED, "No", "user-admin"))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenNoReasonOrDecision_whenDeciding_thenTheFieldIsNamed() {
            fixture.given(APPLIED)
                    .when(new DecideSpecialConsideration(ID, ConsiderationDecision.REJECTED, " ", "user-imi"))
                    .expectException(InvalidField.named("reason"));
            fixture.given(APPLIED)
                    .when(new DecideSpecialConsideration(ID, null, "Why", "user-imi"))
                    .expectException(InvalidField.named("decision"));
            assertThat(List.copyOf(attempts.changes)).isEmpty();
        }
    }
}
