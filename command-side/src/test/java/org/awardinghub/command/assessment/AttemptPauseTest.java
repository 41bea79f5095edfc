package org.awardinghub.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.command.assessment.AttemptTest.ATTEMPT;
import static org.awardinghub.command.assessment.AttemptTest.CANDIDATE;
import static org.awardinghub.command.assessment.AttemptTest.CENTRE;
import static org.awardinghub.command.assessment.AttemptTest.INVIGILATOR;
import static org.awardinghub.command.assessment.AttemptTest.INVIGILATOR_PIN;
import static org.awardinghub.command.assessment.AttemptTest.NOW;
import static org.awardinghub.command.assessment.AttemptTest.NUMBER;
import static org.awardinghub.command.assessment.AttemptTest.OTHER_CENTRE;
import static org.awardinghub.command.assessment.SampleBank.A1;
import static org.awardinghub.command.assessment.SampleBank.MVR_L2;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.MutableClock;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.arrangement.ArrangementDirectory;
import org.awardinghub.command.assessment.AttemptTest.Captured;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateStaffDirectory;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.assessment.AttemptPaused;
import org.awardinghub.events.assessment.AttemptResumed;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.PauseKind;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * An invigilator pauses and resumes a running attempt (ADR 0154): the clock stands still while paused, answers and
 * submission wait, and the end, the time limit and the token's expiry move by the time paused.
 */
class AttemptPauseTest {

    static final String FIRE = "Fire alarm: the room is evacuating";
    /** Started through the handlers at NOW: the end is an hour later. */
    static final Instant ENDS_AT = NOW.plus(Duration.ofMinutes(60));

    static final Instant PAUSED_AT = NOW.plus(Duration.ofMinutes(20));
    static final Instant RESUMED_AT = PAUSED_AT.plus(Duration.ofMinutes(15));
    static final Instant MOVED_END = ENDS_AT.plus(Duration.ofMinutes(15));

    LookupDatabase database;
    MutableClock clock;
    FixtureConfiguration<Attempt> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        clock = new MutableClock(NOW);
        // the lookups exist before the events they keep are applied
        CentreDirectory centres = database.lookup(CentreDirectory.class);
        CandidateDirectory candidates = database.lookup(CandidateDirectory.class);
        UserDirectory users = database.lookup(UserDirectory.class);
        ItemDirectory bank = database.lookup(ItemDirectory.class);
        AttemptDirectory register = database.lookup(AttemptDirectory.class);
        database.apply(new CentreApplied(CENTRE, "Northgate College", "Leeds", "office@northgate.ac.uk"));
        database.apply(new CentreApproved(CENTRE, "100001", List.of(MVR_L2), false));
        database.apply(new CentreApplied(OTHER_CENTRE, "Southgate College", "York", "office@southgate.ac.uk"));
        database.apply(new CentreApproved(OTHER_CENTRE, "100002", List.of(MVR_L2), false));
        database.apply(SampleBank.MVR_L2_PUBLISHED);
        database.apply(new CandidateRegistered(
                CANDIDATE,
                CENTRE,
                NUMBER,
                "Zoë",
                "O'Brien",
                LocalDate.parse("2005-04-17"),
                null,
                MVR_L2,
                LocalDate.parse("2026-09-01"),
                LocalDate.parse("2026-09-10"),
                false,
                false));
        database.apply(new UserCreated(
                INVIGILATOR, INVIGILATOR_PIN, "Ivy Stone", "ivy@northgate.ac.uk", Set.of(Role.INVIGILATOR), CENTRE));
        database.apply(new UserCreated(
                "user-second", "34567891", "Sam Vale", "sam@northgate.ac.uk", Set.of(Role.INVIGILATOR), CENTRE));
        database.apply(new UserCreated(
                "user-admin", "34567890", "Al Reed", "al@northgate.ac.uk", Set.of(Role.CENTRE_ADMIN), CENTRE));
        database.apply(new UserCreated(
                "user-elsewhere",
                "45678901",
                "Eve Hart",
                "eve@southgate.ac.uk",
                Set.of(Role.INVIGILATOR),
                OTHER_CENTRE));

        fixture = new AggregateTestFixture<>(Attempt.class);
        fixture.registerInjectableResource(centres);
        fixture.registerInjectableResource(candidates);
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(bank);
        fixture.registerInjectableResource(register);
        fixture.registerInjectableResource(new AccessKeys(database.jdbc(), new Random(AttemptTest.KEY_SEED)));
        fixture.registerInjectableResource(new AttemptTokens(database.jdbc()));
        fixture.registerInjectableResource(new AttemptDeadlines(database.jdbc()));
        fixture.registerInjectableResource(AssessmentPolicy.defaults());
        fixture.registerInjectableResource(database.lookup(CandidateStaffDirectory.class));
        fixture.registerInjectableResource(database.lookup(ArrangementDirectory.class));
        fixture.registerInjectableResource(clock);
        fixture.givenCurrentTime(NOW);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    /** Opened and started through the handlers at NOW, so that the time limit is scheduled as in production. */
    TestExecutor<Attempt> started() {
        return fixture.givenCommands(
                new OpenAttempt(ATTEMPT, CANDIDATE, A1, INVIGILATOR),
                new StartAttempt(ATTEMPT, NUMBER, AttemptTest.firstKey()));
    }

    /** ... and paused for an emergency at PAUSED_AT. */
    TestExecutor<Attempt> paused() {
        TestExecutor<Attempt> given = started();
        clock.set(PAUSED_AT);
        given.andGivenCommands(fire());
        return given;
    }

    static PauseAttempt fire() {
        return new PauseAttempt(ATTEMPT, PauseKind.EMERGENCY, FIRE, INVIGILATOR);
    }

    static AttemptPaused firePaused() {
        return new AttemptPaused(
                ATTEMPT, CANDIDATE, CENTRE, PauseKind.EMERGENCY, FIRE, INVIGILATOR, INVIGILATOR_PIN, PAUSED_AT);
    }

    long tokenExpiry() {
        return database.jdbc()
                .queryForObject("SELECT expires_at FROM attempt_tokens WHERE attempt_id = ?", Long.class, ATTEMPT);
    }

    @Nested
    class PauseAttemptSpec {

        @Test
        void givenARunningAttempt_whenTheInvigilatorPausesForAFireAlarm_thenPausedAndTheTimeLimitCancelled() {
            TestExecutor<Attempt> given = started();
            clock.set(PAUSED_AT);
            given.when(fire())
                    .expectEvents(firePaused())
                    .expectResultMessagePayload(new AttemptClock(ATTEMPT, true, PAUSED_AT, ENDS_AT))
                    .expectNoScheduledDeadlineWithName(ENDS_AT, Attempt.TIME_LIMIT)
                    .expectScheduledDeadlineWithName(
                            PAUSED_AT.plus(AssessmentPolicy.DEFAULT_MAX_PAUSE), Attempt.PAUSE_LIMIT);
            // the candidate's token lives for as long as the pause and the time left may take
            assertThat(tokenExpiry())
                    .isEqualTo(ENDS_AT.plus(AssessmentPolicy.DEFAULT_MAX_PAUSE)
                            .plus(AssessmentPolicy.DEFAULT_TOKEN_GRACE)
                            .toEpochMilli());
        }

        @Test
        void givenAPausedAttempt_whenPausedAgain_thenRefusedAndNothingRecorded() {
            paused().when(new PauseAttempt(ATTEMPT, PauseKind.OTHER, "Pressed twice", "user-second"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("already paused, since " + PAUSED_AT))
                    .expectNoEvents();
        }

        @Test
        void givenACandidateWithoutARestBreakArrangement_whenPausedForARestBreak_thenRefused() {
            TestExecutor<Attempt> given = started();
            clock.set(PAUSED_AT);
            given.when(new PauseAttempt(ATTEMPT, PauseKind.REST_BREAK, "Asked for a break", INVIGILATOR))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("no approved rest-break arrangement"))
                    .expectNoEvents();
        }

        @Test
        void givenACandidateWithARestBreakArrangement_whenPausedForARestBreak_thenPausedAsARestBreak() {
            database.apply(new AccessArrangementRequested(
                    "arrangement-1",
                    CANDIDATE,
                    CENTRE,
                    ArrangementKind.REST_BREAKS,
                    null,
                    null,
                    null,
                    "Needs to stand and move every half hour",
                    null,
                    "user-admin",
                    "34567890",
                    NOW.minus(Duration.ofDays(2))));
            database.apply(new AccessArrangementApproved(
                    "arrangement-1",
                    CANDIDATE,
                    CENTRE,
                    ArrangementKind.REST_BREAKS,
                    null,
                    null,
                    null,
                    true,
                    "Supervised rest breaks are approved by policy",
                    "system",
                    null,
                    NOW.minus(Duration.ofDays(2))));
            TestExecutor<Attempt> given = started();
            clock.set(PAUSED_AT);
            given.when(new PauseAttempt(ATTEMPT, PauseKind.REST_BREAK, "Asked for a break", INVIGILATOR))
                    .expectEvents(new AttemptPaused(
                            ATTEMPT,
                            CANDIDATE,
                            CENTRE,
                            PauseKind.REST_BREAK,
                            "Asked for a break",
                            INVIGILATOR,
                            INVIGILATOR_PIN,
                            PAUSED_AT))
                    .expectNoScheduledDeadlineWithName(ENDS_AT, Attempt.TIME_LIMIT);
        }

        @Test
        void givenAnInvigilatorOfAnotherCentre_whenPausing_thenRefused() {
            started()
                    .when(new PauseAttempt(ATTEMPT, PauseKind.EMERGENCY, FIRE, "user-elsewhere"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("Only an invigilator of the candidate's centre"))
                    .expectNoEvents();
        }

        @Test
        void givenACentreAdministratorWhoIsNoInvigilator_whenPausing_thenRefused() {
            started()
                    .when(new PauseAttempt(ATTEMPT, PauseKind.EMERGENCY, FIRE, "user-admin"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void givenNoReason_whenPausing_thenRefusedOnTheReason() {
            started()
                    .when(new PauseAttempt(ATTEMPT, PauseKind.EMERGENCY, "  ", INVIGILATOR))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents();
        }

        @Test
        void givenNoKind_whenPausing_thenRefusedOnTheKind() {
            started()
                    .when(new PauseAttempt(ATTEMPT, null, FIRE, INVIGILATOR))
                    .expectException(InvalidField.named("kind"))
                    .expectNoEvents();
        }

        @Test
        void givenAnAttemptOnlyOpened_whenPausing_thenRefused() {
            fixture.givenCommands(new OpenAttempt(ATTEMPT, CANDIDATE, A1, INVIGILATOR))
                    .when(fire())
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("has not been started; it cannot be paused"))
                    .expectNoEvents();
        }

        @Test
        void givenTheTimeIsUp_whenPausing_thenRefused() {
            TestExecutor<Attempt> given = started();
            clock.set(ENDS_AT);
            given.when(fire())
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("ended at " + ENDS_AT))
                    .expectNoEvents();
        }
    }

    @Nested
    class WhilePausedSpec {

        @Test
        void givenAPausedAttempt_whenTheCandidateAnswers_thenRefusedUntilItResumes() {
            paused().when(new AnswerQuestion(ATTEMPT, "Q1", "A"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("paused by the invigilator at " + PAUSED_AT))
                    .expectNoEvents();
        }

        @Test
        void givenAPausedAttempt_whenTheCandidateSubmits_thenRefusedUntilItResumes() {
            paused().when(new SubmitAttempt(ATTEMPT))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("cannot be submitted until it resumes"))
                    .expectNoEvents();
        }

        @Test
        void givenAPausedAttempt_whenTheOldEndPasses_thenNothingIsSubmitted() {
            paused().whenThenTimeAdvancesTo(ENDS_AT.plus(Duration.ofMinutes(1)))
                    .expectTriggeredDeadlines()
                    .expectNoEvents();
        }

        @Test
        void givenAPauseNeverResumed_whenTheLongestPauseHasPassed_thenSubmittedByTheTimeLimitAsItStood() {
            Instant limit = PAUSED_AT.plus(AssessmentPolicy.DEFAULT_MAX_PAUSE);
            Captured<List<EventMessage<?>>> events = new Captured<>();
            paused().whenThenTimeAdvancesTo(limit)
                    .expectTriggeredDeadlinesWithName(Attempt.PAUSE_LIMIT)
                    .expectEventsMatching(events);
            assertThat(events.value()).hasSize(1);
            AttemptSubmitted submitted =
                    (AttemptSubmitted) events.value().get(0).getPayload();
            assertThat(submitted.submittedBy()).isEqualTo(SubmittedBy.TIME_LIMIT);
            assertThat(submitted.submittedAt()).isEqualTo(limit);
            assertThat(submitted.endsAt()).isEqualTo(ENDS_AT);
        }

        @Test
        void givenAPausedAttempt_whenVoided_thenThePauseLimitIsCancelledToo() {
            Captured<List<EventMessage<?>>> events = new Captured<>();
            paused().when(new VoidAttempt(ATTEMPT, "Evacuation: the sitting was abandoned"))
                    .expectEventsMatching(events)
                    .expectNoScheduledDeadlines();
            assertThat(events.value())
                    .singleElement()
                    .satisfies(event -> assertThat(event.getPayload()).isInstanceOf(AttemptVoided.class));
        }
    }

    @Nested
    class ResumeAttemptSpec {

        @Test
        void givenAPausedAttempt_whenResumed_thenTheEndTheTimeLimitAndTheTokenMoveByTheTimePaused() {
            TestExecutor<Attempt> given = paused();
            clock.set(RESUMED_AT);
            given.when(new ResumeAttempt(ATTEMPT, "user-second"))
                    .expectEvents(new AttemptResumed(
                            ATTEMPT,
                            CANDIDATE,
                            CENTRE,
                            "user-second",
                            "34567891",
                            RESUMED_AT,
                            Duration.ofMinutes(15).toMillis(),
                            MOVED_END))
                    .expectResultMessagePayload(new AttemptClock(ATTEMPT, false, null, MOVED_END))
                    .expectScheduledDeadlineWithName(MOVED_END, Attempt.TIME_LIMIT)
                    .expectNoScheduledDeadlineWithName(
                            PAUSED_AT.plus(AssessmentPolicy.DEFAULT_MAX_PAUSE), Attempt.PAUSE_LIMIT);
            assertThat(tokenExpiry())
                    .isEqualTo(
                            MOVED_END.plus(AssessmentPolicy.DEFAULT_TOKEN_GRACE).toEpochMilli());
        }

        @Test
        void givenARunningAttempt_whenResumed_thenRefused() {
            started()
                    .when(new ResumeAttempt(ATTEMPT, INVIGILATOR))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(containsString("not paused; it is running until " + ENDS_AT))
                    .expectNoEvents();
        }

        @Test
        void givenAnInvigilatorOfAnotherCentre_whenResuming_thenRefused() {
            paused().when(new ResumeAttempt(ATTEMPT, "user-elsewhere"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void givenAResumedAttempt_whenItsOldEndPasses_thenItRunsOnUntilTheMovedEnd() {
            TestExecutor<Attempt> given = paused();
            clock.set(RESUMED_AT);
            given.andGivenCommands(new ResumeAttempt(ATTEMPT, INVIGILATOR))
                    .whenThenTimeAdvancesTo(MOVED_END.minusMillis(1))
                    .expectTriggeredDeadlines()
                    .expectNoEvents();
        }

        @Test
        void givenAResumedAttempt_whenTheMovedEndComes_thenSubmittedByTheTimeLimitAtTheMovedEnd() {
            TestExecutor<Attempt> given = paused();
            clock.set(RESUMED_AT);
            Captured<List<EventMessage<?>>> events = new Captured<>();
            given.andGivenCommands(new ResumeAttempt(ATTEMPT, INVIGILATOR))
                    .whenThenTimeAdvancesTo(MOVED_END)
                    .expectTriggeredDeadlinesWithName(Attempt.TIME_LIMIT)
                    .expectEventsMatching(events);
            AttemptSubmitted submitted =
                    (AttemptSubmitted) events.value().get(0).getPayload();
            assertThat(submitted.submittedBy()).isEqualTo(SubmittedBy.TIME_LIMIT);
            assertThat(submitted.endsAt()).isEqualTo(MOVED_END);
            assertThat(submitted.submittedAt()).isEqualTo(MOVED_END);
        }

        @Test
        void givenTwoPauses_whenBothResumed_thenTheEndMovesByBoth() {
            TestExecutor<Attempt> given = paused();
            clock.set(RESUMED_AT);
            given.andGivenCommands(new ResumeAttempt(ATTEMPT, INVIGILATOR));
            clock.set(RESUMED_AT.plus(Duration.ofMinutes(5)));
            given.andGivenCommands(new PauseAttempt(ATTEMPT, PauseKind.OTHER, "Candidate taken ill", INVIGILATOR));
            clock.set(RESUMED_AT.plus(Duration.ofMinutes(12)));
            given.when(new ResumeAttempt(ATTEMPT, INVIGILATOR))
                    .expectResultMessagePayload(
                            new AttemptClock(ATTEMPT, false, null, MOVED_END.plus(Duration.ofMinutes(7))))
                    .expectScheduledDeadlineWithName(MOVED_END.plus(Duration.ofMinutes(7)), Attempt.TIME_LIMIT);
        }

        @Test
        void givenAResumedAttempt_whenTheCandidateAnswers_thenTheAnswerIsTaken() {
            TestExecutor<Attempt> given = paused();
            clock.set(RESUMED_AT);
            given.andGivenCommands(new ResumeAttempt(ATTEMPT, INVIGILATOR));
            clock.set(ENDS_AT.plus(Duration.ofMinutes(5)));
            // after the old end, before the moved one
            given.when(new AnswerQuestion(ATTEMPT, "Q1", "A")).expectSuccessfulHandlerExecution();
        }
    }
}
