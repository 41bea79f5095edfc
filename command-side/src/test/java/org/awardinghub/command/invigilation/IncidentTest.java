package org.awardinghub.command.invigilation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.MutableClock;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.assessment.AttemptDirectory;
import org.awardinghub.command.assessment.AttemptEntry;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.AttemptResumed;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.PauseKind;
import org.awardinghub.events.invigilation.IncidentKind;
import org.awardinghub.events.invigilation.IncidentRecorded;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IncidentTest {

    static final String INCIDENT = "incident-1";
    static final String CENTRE = "centre-1";
    static final String OTHER_CENTRE = "centre-2";
    static final String INVIGILATOR = "user-invigilator";
    static final String PIN = "23456789";
    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant OCCURRED = NOW.minus(Duration.ofMinutes(12));
    static final String DESCRIPTION = "Fire alarm at 09:48; the room was evacuated\nand returned at 10:05.";

    LookupDatabase database;
    MutableClock clock;
    FixtureConfiguration<Incident> fixture;
    IncidentDirectory incidents;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        clock = new MutableClock(NOW);
        UserDirectory users = database.lookup(UserDirectory.class);
        AttemptDirectory attempts = database.lookup(AttemptDirectory.class);
        incidents = database.lookup(IncidentDirectory.class);
        database.apply(new UserCreated(
                INVIGILATOR, PIN, "Ivy Stone", "ivy@northgate.ac.uk", Set.of(Role.INVIGILATOR), CENTRE));
        database.apply(new UserCreated(
                "user-admin", "34567890", "Al Reed", "al@northgate.ac.uk", Set.of(Role.CENTRE_ADMIN), CENTRE));
        database.apply(new UserCreated(
                "user-former", "56789012", "Fay Moss", "fay@northgate.ac.uk", Set.of(Role.INVIGILATOR), CENTRE));
        database.apply(new UserDeactivated("user-former", CENTRE, "Left the centre"));
        database.apply(opened("attempt-1", "candidate-1", CENTRE));
        database.apply(opened("attempt-2", "candidate-2", CENTRE));
        database.apply(opened("attempt-elsewhere", "candidate-9", OTHER_CENTRE));

        fixture = new AggregateTestFixture<>(Incident.class);
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(attempts);
        fixture.registerInjectableResource(clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static AttemptOpened opened(String attemptId, String candidateId, String centreId) {
        return new AttemptOpened(
                attemptId,
                candidateId,
                "K" + candidateId.substring(candidateId.length() - 1) + "Q3MZ9B",
                centreId,
                "MVR-L2",
                "MVR-L2-A1",
                1,
                3,
                60,
                60,
                INVIGILATOR,
                PIN,
                NOW.minus(Duration.ofHours(1)),
                NOW.plus(Duration.ofHours(1)));
    }

    static RecordIncident record(List<String> attemptIds) {
        return new RecordIncident(
                INCIDENT, attemptIds, IncidentKind.DISRUPTION, "  " + DESCRIPTION + " ", OCCURRED, INVIGILATOR);
    }

    @Test
    void givenTwoAttemptsOfTheRoom_whenAnIncidentIsRecorded_thenRecordedAgainstBothWithTheirCandidates() {
        fixture.givenNoPriorActivity()
                .when(record(List.of("attempt-2", "attempt-1", "attempt-2")))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new IncidentRecorded(
                        INCIDENT,
                        CENTRE,
                        List.of("attempt-2", "attempt-1"),
                        List.of("candidate-2", "candidate-1"),
                        IncidentKind.DISRUPTION,
                        DESCRIPTION,
                        OCCURRED,
                        INVIGILATOR,
                        PIN,
                        NOW));
    }

    @Test
    void givenAnAttemptOfAnotherCentre_whenNamed_thenUnknownAndNothingRecorded() {
        fixture.givenNoPriorActivity()
                .when(record(List.of("attempt-1", "attempt-elsewhere")))
                .expectException(UnknownRecord.class)
                .expectExceptionMessage(containsString("No attempt attempt-elsewhere at your centre"))
                .expectNoEvents();
    }

    @Test
    void givenNoSuchAttempt_whenNamed_thenUnknown() {
        fixture.givenNoPriorActivity()
                .when(record(List.of("attempt-none")))
                .expectException(UnknownRecord.class)
                .expectNoEvents();
    }

    @Test
    void givenNoAttempt_whenRecorded_thenRefusedOnTheAttempts() {
        fixture.givenNoPriorActivity()
                .when(record(List.of()))
                .expectException(InvalidField.named("attemptIds"))
                .expectNoEvents();
    }

    @Test
    void givenTooManyAttempts_whenRecorded_thenRefusedOnTheAttempts() {
        List<String> many = new ArrayList<>(Collections.nCopies(Incident.MAX_ATTEMPTS + 1, "attempt-1"));
        fixture.givenNoPriorActivity()
                .when(record(many))
                .expectException(InvalidField.named("attemptIds"))
                .expectNoEvents();
    }

    @Test
    void givenNoDescription_whenRecorded_thenRefusedOnTheDescription() {
        fixture.givenNoPriorActivity()
                .when(new RecordIncident(
                        INCIDENT, List.of("attempt-1"), IncidentKind.ILLNESS, " ", OCCURRED, INVIGILATOR))
                .expectException(InvalidField.named("description"))
                .expectNoEvents();
    }

    @Test
    void givenNoKind_whenRecorded_thenRefusedOnTheKind() {
        fixture.givenNoPriorActivity()
                .when(new RecordIncident(INCIDENT, List.of("attempt-1"), null, DESCRIPTION, OCCURRED, INVIGILATOR))
                .expectException(InvalidField.named("kind"))
                .expectNoEvents();
    }

    @Test
    void givenATimeInTheFuture_whenRecorded_thenRefusedOnTheTime() {
        fixture.givenNoPriorActivity()
                .when(new RecordIncident(
                        INCIDENT,
                        List.of("attempt-1"),
                        IncidentKind.LATE_START,
                        DESCRIPTION,
                        NOW.plus(Duration.ofMinutes(6)),
                        INVIGILATOR))
                .expectException(InvalidField.named("occurredAt"))
                .expectNoEvents();
    }

    @Test
    void givenNoTime_whenRecorded_thenRefusedOnTheTime() {
        fixture.givenNoPriorActivity()
                .when(new RecordIncident(
                        INCIDENT, List.of("attempt-1"), IncidentKind.LATE_START, DESCRIPTION, null, INVIGILATOR))
                .expectException(InvalidField.named("occurredAt"))
                .expectNoEvents();
    }

    @Test
    void givenACentreAdministratorWhoIsNoInvigilator_whenRecording_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordIncident(
                        INCIDENT, List.of("attempt-1"), IncidentKind.OTHER, DESCRIPTION, OCCURRED, "user-admin"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void givenADeactivatedInvigilator_whenRecording_thenRefused() {
        fixture.givenNoPriorActivity()
                .when(new RecordIncident(
                        INCIDENT, List.of("attempt-1"), IncidentKind.OTHER, DESCRIPTION, OCCURRED, "user-former"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void givenAnIncidentRecorded_whenLookedUp_thenTheCommandSideKnowsItsCentreAndAttempts() {
        database.apply(new IncidentRecorded(
                INCIDENT,
                CENTRE,
                List.of("attempt-2", "attempt-1"),
                List.of("candidate-2", "candidate-1"),
                IncidentKind.TECHNICAL_FAILURE,
                DESCRIPTION,
                OCCURRED,
                INVIGILATOR,
                PIN,
                NOW));

        assertThat(incidents.find(INCIDENT))
                .contains(new IncidentEntry(
                        INCIDENT, CENTRE, IncidentKind.TECHNICAL_FAILURE, OCCURRED, List.of("attempt-1", "attempt-2")));
        assertThat(incidents.incidentsOf("attempt-1")).containsExactly(INCIDENT);
        assertThat(incidents.incidentsOf("attempt-elsewhere")).isEmpty();
        assertThat(incidents.find("incident-none")).isEmpty();
    }

    @Test
    void givenAttemptsOpenedStartedAndPaused_whenTheRoomIsAskedFor_thenTheCentresRunningOrPausedOnes() {
        AttemptDirectory attempts = database.lookup(AttemptDirectory.class);
        database.apply(new AttemptStarted(
                "attempt-2", "candidate-2", CENTRE, "MVR-L2-A1", NOW, NOW.plusSeconds(3600), 1L, List.of()));
        database.apply(new AttemptStarted(
                "attempt-elsewhere",
                "candidate-9",
                OTHER_CENTRE,
                "MVR-L2-A1",
                NOW,
                NOW.plusSeconds(3600),
                1L,
                List.of()));

        assertThat(attempts.runningAt(CENTRE, false))
                .extracting(AttemptEntry::attemptId)
                .containsExactly("attempt-2");
        assertThat(attempts.runningAt(CENTRE, true)).isEmpty();

        database.apply(new AttemptPaused(
                "attempt-2", "candidate-2", CENTRE, PauseKind.EMERGENCY, "Fire alarm", INVIGILATOR, PIN, NOW));
        assertThat(attempts.runningAt(CENTRE, true))
                .extracting(AttemptEntry::attemptId)
                .containsExactly("attempt-2");
        assertThat(attempts.runningAt(CENTRE, false)).isEmpty();

        database.apply(new AttemptResumed(
                "attempt-2",
                "candidate-2",
                CENTRE,
                INVIGILATOR,
                PIN,
                NOW.plusSeconds(60),
                60000,
                NOW.plusSeconds(3660)));
        assertThat(attempts.runningAt(CENTRE, false)).hasSize(1);
    }
}
