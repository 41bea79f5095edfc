package org.awardinghub.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.command.assessment.SampleBank.A1;
import static org.awardinghub.command.assessment.SampleBank.A1_ITEMS;
import static org.awardinghub.command.assessment.SampleBank.A2;
import static org.awardinghub.command.assessment.SampleBank.L3_A1;
import static org.awardinghub.command.assessment.SampleBank.MVR_L2;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.MutableClock;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.arrangement.ArrangementDirectory;
import org.awardinghub.command.candidate.CandidateDirectory;
import org.awardinghub.command.candidate.CandidateStaffDirectory;
import org.awardinghub.command.centre.CentreDirectory;
import org.awardinghub.command.portfolio.PortfolioDirectory;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.arrangement.AccessArrangementApproved;
import org.awardinghub.events.arrangement.AccessArrangementRejected;
import org.awardinghub.events.arrangement.AccessArrangementRequested;
import org.awardinghub.events.arrangement.ArrangementKind;
import org.awardinghub.events.arrangement.ColourScheme;
import org.awardinghub.events.arrangement.TextSize;
import org.awardinghub.events.assessment.AccessArrangementsApplied;
import org.awardinghub.events.assessment.AnswerChosen;
import org.awardinghub.events.assessment.AttemptKeyExpired;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStarted.Option;
import org.awardinghub.events.assessment.AttemptStarted.Question;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptSubmitted.Mark;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.events.candidate.CandidateQualificationAmended;
import org.awardinghub.events.candidate.CandidateRegistered;
import org.awardinghub.events.candidate.CandidateReinstated;
import org.awardinghub.events.candidate.CandidateTransferred;
import org.awardinghub.events.candidate.CandidateWithdrawn;
import org.awardinghub.events.centre.CentreApplied;
import org.awardinghub.events.centre.CentreApproved;
import org.awardinghub.events.centre.CentreQualificationApproved;
import org.awardinghub.events.centre.CentreQualificationRemoved;
import org.awardinghub.events.centre.CentreSanctionImposed;
import org.awardinghub.events.centre.CentreSuspended;
import org.awardinghub.events.centre.Sanction;
import org.awardinghub.events.portfolio.AssessorAssigned;
import org.awardinghub.events.qualification.PassMarkChanged;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.awardinghub.events.user.UserDeactivated;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AttemptTest {

    static final String ATTEMPT = "attempt-1";
    static final String CANDIDATE = "candidate-1";
    static final String NUMBER = "7KQ3MZ9B";
    /** Approved for MVR-L2. */
    static final String CENTRE = "centre-1";
    /** Approved for MVR-L2 too. */
    static final String OTHER_CENTRE = "centre-2";

    static final String INVIGILATOR = "user-invigilator";
    static final String INVIGILATOR_PIN = "23456789";
    static final String REASON = "Candidate used notes during the test";
    static final long KEY_SEED = 77L;
    /** Draws Q003 (3 options), Q004 (6 options) and Q001 (4 options) of A1, in that order. */
    static final long FORM_SEED = 20261129L;

    static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
    static final Instant KEY_VALID_UNTIL = NOW.plus(Duration.ofHours(2));
    static final Instant STARTED_AT = NOW.plus(Duration.ofMinutes(10));
    static final Instant ENDS_AT = STARTED_AT.plus(Duration.ofMinutes(60));

    /** Three questions drawn from the five items of A1. */
    static final List<Question> FORM = FormDraw.draw(SampleBank.bankOf(A1_ITEMS), 3, FORM_SEED);

    static final AttemptOpened OPENED = opened(60);
    static final AttemptStarted STARTED =
            new AttemptStarted(ATTEMPT, CANDIDATE, CENTRE, A1, STARTED_AT, ENDS_AT, FORM_SEED, FORM);

    LookupDatabase database;
    CentreDirectory centres;
    CandidateDirectory candidates;
    UserDirectory users;
    ItemDirectory bank;
    AttemptDirectory register;
    AccessKeys keys;
    AttemptTokens tokens;
    MutableClock clock;
    FixtureConfiguration<Attempt> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        centres = database.lookup(CentreDirectory.class);
        candidates = database.lookup(CandidateDirectory.class);
        users = database.lookup(UserDirectory.class);
        bank = database.lookup(ItemDirectory.class);
        register = database.lookup(AttemptDirectory.class);
        keys = new AccessKeys(database.jdbc(), new Random(KEY_SEED));
        tokens = new AttemptTokens(database.jdbc());
        clock = new MutableClock(NOW);

        database.apply(new CentreApplied(CENTRE, "Northgate College", "Leeds", "office@northgate.ac.uk"));
        database.apply(new CentreApproved(CENTRE, "100001", List.of(MVR_L2), false));
        database.apply(new CentreApplied(OTHER_CENTRE, "Southgate College", "York", "office@southgate.ac.uk"));
        database.apply(new CentreApproved(OTHER_CENTRE, "100002", List.of(MVR_L2), false));
        database.apply(SampleBank.MVR_L2_PUBLISHED);
        database.apply(SampleBank.MVR_L3_PUBLISHED);
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
                "user-admin",
                "34567890",
                "Al Reed",
                "al@northgate.ac.uk",
                Set.of(Role.CENTRE_ADMIN, Role.CENTRE_COORDINATOR),
                CENTRE));
        database.apply(new UserCreated(
                "user-elsewhere",
                "45678901",
                "Eve Hart",
                "eve@southgate.ac.uk",
                Set.of(Role.INVIGILATOR),
                OTHER_CENTRE));
        database.apply(new UserCreated(
                "user-former", "56789012", "Fay Moss", "fay@northgate.ac.uk", Set.of(Role.INVIGILATOR), CENTRE));
        database.apply(new UserDeactivated("user-former", CENTRE, "Left the centre"));
        database.apply(
                new UserCreated("user-imi", "67890123", "Ian Bell", "ian@theimi.org.uk", Set.of(Role.IMI_ADMIN), null));

        fixture = fixture(AssessmentPolicy.defaults());
    }

    FixtureConfiguration<Attempt> fixture(AssessmentPolicy policy) {
        FixtureConfiguration<Attempt> configured = new AggregateTestFixture<>(Attempt.class);
        configured.registerInjectableResource(centres);
        configured.registerInjectableResource(candidates);
        configured.registerInjectableResource(users);
        configured.registerInjectableResource(bank);
        configured.registerInjectableResource(register);
        configured.registerInjectableResource(keys);
        configured.registerInjectableResource(tokens);
        configured.registerInjectableResource(new AttemptDeadlines(database.jdbc()));
        configured.registerInjectableResource(policy);
        configured.registerInjectableResource(database.lookup(CandidateStaffDirectory.class));
        configured.registerInjectableResource(database.lookup(ArrangementDirectory.class));
        configured.registerInjectableResource(clock);
        // the deadline manager's time is the clock's, so that deadlines fall due when the attempt says
        configured.givenCurrentTime(NOW);
        return configured;
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static AttemptOpened opened(int passPercent) {
        return new AttemptOpened(
                ATTEMPT,
                CANDIDATE,
                NUMBER,
                CENTRE,
                MVR_L2,
                A1,
                1,
                3,
                60,
                passPercent,
                INVIGILATOR,
                INVIGILATOR_PIN,
                NOW,
                KEY_VALID_UNTIL);
    }

    static AttemptOpened openedAsAttempt(int attemptNumber) {
        return new AttemptOpened(
                ATTEMPT,
                CANDIDATE,
                NUMBER,
                CENTRE,
                MVR_L2,
                A1,
                attemptNumber,
                3,
                60,
                60,
                INVIGILATOR,
                INVIGILATOR_PIN,
                NOW,
                KEY_VALID_UNTIL);
    }

    static OpenAttempt open() {
        return new OpenAttempt(ATTEMPT, CANDIDATE, A1, INVIGILATOR);
    }

    /** The key the fixture's {@link AccessKeys} issues first. */
    static String firstKey() {
        return AccessKeys.draw(new Random(KEY_SEED));
    }

    static Option option(int question, String optionId) {
        return FORM.get(question).options().stream()
                .filter(option -> option.optionId().equals(optionId))
                .findFirst()
                .orElseThrow();
    }

    /** The letter of the right option of the form's question (0-based). */
    static String right(int question) {
        int correct = SampleBank.correctOption(FORM.get(question).itemId());
        return FORM.get(question).options().stream()
                .filter(option -> option.itemOption() == correct)
                .findFirst()
                .orElseThrow()
                .optionId();
    }

    /** The letter of a wrong option of the form's question (0-based). */
    static String wrong(int question) {
        return FORM.get(question).options().stream()
                .map(Option::optionId)
                .filter(optionId -> !optionId.equals(right(question)))
                .findFirst()
                .orElseThrow();
    }

    static AnswerChosen answered(int question, String optionId, String previous, Instant at) {
        Question asked = FORM.get(question);
        return new AnswerChosen(
                ATTEMPT,
                CANDIDATE,
                CENTRE,
                asked.questionId(),
                asked.itemId(),
                optionId,
                option(question, optionId).itemOption(),
                previous,
                at);
    }

    static Mark mark(int question, String optionId) {
        Question asked = FORM.get(question);
        Integer itemOption =
                optionId == null ? null : option(question, optionId).itemOption();
        return new Mark(
                asked.questionId(),
                asked.itemId(),
                optionId,
                itemOption,
                asked.options().size(),
                optionId != null && optionId.equals(right(question)));
    }

    static AttemptSubmitted submitted(
            SubmittedBy by, Instant at, int score, double percent, int passPercent, Outcome outcome, Mark... marks) {
        return submitted(by, at, score, percent, passPercent, outcome, AttemptSubmitted.AnswerChanges.NONE, marks);
    }

    static AttemptSubmitted submitted(
            SubmittedBy by,
            Instant at,
            int score,
            double percent,
            int passPercent,
            Outcome outcome,
            AttemptSubmitted.AnswerChanges changes,
            Mark... marks) {
        return new AttemptSubmitted(
                ATTEMPT,
                CANDIDATE,
                CENTRE,
                MVR_L2,
                A1,
                by,
                STARTED_AT,
                ENDS_AT,
                at,
                score,
                3,
                percent,
                passPercent,
                outcome,
                List.of(marks),
                changes);
    }

    /** Two of three right, against a pass mark of 60: PASS. */
    static final AttemptSubmitted SUBMITTED_PASS = submitted(
            SubmittedBy.CANDIDATE,
            ENDS_AT.minusSeconds(600),
            2,
            66.7,
            60,
            Outcome.PASS,
            mark(0, right(0)),
            mark(1, right(1)),
            mark(2, null));

    static AttemptKeyExpired keyExpired() {
        return new AttemptKeyExpired(ATTEMPT, CANDIDATE, CENTRE, A1, KEY_VALID_UNTIL);
    }

    static AttemptVoided voided(AttemptStatus previous, Outcome outcome) {
        return new AttemptVoided(ATTEMPT, CANDIDATE, CENTRE, A1, previous, outcome, REASON);
    }

    /** An earlier attempt of the candidate at A1, as the register knows it. */
    void earlierAttempt(String attemptId, int number, Outcome outcome, Instant submittedAt) {
        database.apply(new AttemptOpened(
                attemptId,
                CANDIDATE,
                NUMBER,
                CENTRE,
                MVR_L2,
                A1,
                number,
                3,
                60,
                60,
                INVIGILATOR,
                INVIGILATOR_PIN,
                submittedAt.minusSeconds(4000),
                submittedAt.minusSeconds(3000)));
        database.apply(new AttemptStarted(
                attemptId, CANDIDATE, CENTRE, A1, submittedAt.minusSeconds(3600), submittedAt, 1L, List.of()));
        database.apply(new AttemptSubmitted(
                attemptId,
                CANDIDATE,
                CENTRE,
                MVR_L2,
                A1,
                SubmittedBy.CANDIDATE,
                submittedAt.minusSeconds(3600),
                submittedAt,
                submittedAt,
                0,
                3,
                0.0,
                60,
                outcome,
                List.of(),
                AttemptSubmitted.AnswerChanges.NONE));
    }

    void voidedInRegister(String attemptId, AttemptStatus previous, Outcome outcome) {
        database.apply(new AttemptVoided(attemptId, CANDIDATE, CENTRE, A1, previous, outcome, REASON));
    }

    int rows(String table) {
        return database.jdbc().queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
    }

    /** The events of the attempt so far, as the fixture stored them (given and from given commands). */
    List<Object> storedEvents() {
        return fixture.getEventStore()
                .readEvents(ATTEMPT)
                .asStream()
                .map(Message::getPayload)
                .map(Object.class::cast)
                .toList();
    }

    AttemptStarted storedStart() {
        return storedEvents().stream()
                .filter(AttemptStarted.class::isInstance)
                .map(AttemptStarted.class::cast)
                .findFirst()
                .orElseThrow();
    }

    /** Exactly one event, an {@link AttemptStarted}. */
    static org.hamcrest.Matcher<List<EventMessage<?>>> startedOnce() {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof List<?> events
                        && events.size() == 1
                        && ((EventMessage<?>) events.get(0)).getPayload() instanceof AttemptStarted;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("one AttemptStarted");
            }
        };
    }

    /** Matches anything and keeps it, so that AssertJ can look at it afterwards. */
    static final class Captured<T> extends BaseMatcher<T> {
        private T value;

        @Override
        @SuppressWarnings("unchecked")
        public boolean matches(Object actual) {
            value = (T) actual;
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("anything (captured)");
        }

        T value() {
            return value;
        }
    }

    @Nested
    class OpenAttemptSpec {

        @Test
        void givenAnEligibleCandidate_whenTheirInvigilatorOpens_thenOpenedWithTheRulesInForceAndTheKeyAnswered() {
            fixture.givenNoPriorActivity()
                    .when(open())
                    .expectEvents(OPENED)
                    .expectResultMessagePayload(new OpenedAttempt(ATTEMPT, firstKey(), KEY_VALID_UNTIL))
                    .expectScheduledDeadlineWithName(KEY_VALID_UNTIL, Attempt.KEY_EXPIRY);

            assertThat(keys.attemptFor(NUMBER, firstKey(), NOW)).contains(ATTEMPT);
        }

        @Test
        void givenTheInvigilatorAssessesTheCandidatesPortfolio_whenOpened_thenRefused() {
            database.lookup(PortfolioDirectory.class);
            database.apply(new AssessorAssigned(CANDIDATE, CENTRE, MVR_L2, INVIGILATOR, INVIGILATOR_PIN, null, null));
            fixture.givenNoPriorActivity()
                    .when(open())
                    .expectNoEvents()
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString("assess or quality-assure"));
        }

        @Test
        void givenAClockBetweenMilliseconds_whenOpened_thenTimesRecordedToTheMillisecond() {
            clock.set(NOW.plusNanos(123_456_789));
            Instant openedAt = NOW.plusMillis(123);
            fixture.givenNoPriorActivity()
                    .when(open())
                    .expectEvents(new AttemptOpened(
                            ATTEMPT,
                            CANDIDATE,
                            NUMBER,
                            CENTRE,
                            MVR_L2,
                            A1,
                            1,
                            3,
                            60,
                            60,
                            INVIGILATOR,
                            INVIGILATOR_PIN,
                            openedAt,
                            openedAt.plus(Duration.ofHours(2))));
        }

        @Test
        void givenThePassMarkWasChanged_whenOpened_thenTheNewPassMarkIsCopiedIn() {
            database.apply(new PassMarkChanged(MVR_L2, A1, 60, 80, "Standard-setting review"));
            fixture.givenNoPriorActivity().when(open()).expectEvents(opened(80));
        }

        @Test
        void givenAKeyValidityOf45Minutes_whenOpened_thenTheKeyAndItsDeadlineLast45Minutes() {
            Instant until = NOW.plus(Duration.ofMinutes(45));
            fixture(new AssessmentPolicy(Duration.ofHours(48), Duration.ofMinutes(45), Duration.ofMinutes(30)))
                    .givenNoPriorActivity()
                    .when(open())
                    .expectEvents(new AttemptOpened(
                            ATTEMPT,
                            CANDIDATE,
                            NUMBER,
                            CENTRE,
                            MVR_L2,
                            A1,
                            1,
                            3,
                            60,
                            60,
                            INVIGILATOR,
                            INVIGILATOR_PIN,
                            NOW,
                            until))
                    .expectResultMessagePayload(new OpenedAttempt(ATTEMPT, firstKey(), until))
                    .expectScheduledDeadlineWithName(until, Attempt.KEY_EXPIRY);
        }

        @Test
        void givenEarlierAttemptsThatCountForNothing_whenOpened_thenNumberedAfterThemAll() {
            database.apply(new AttemptOpened(
                    "attempt-0",
                    CANDIDATE,
                    NUMBER,
                    CENTRE,
                    MVR_L2,
                    A1,
                    1,
                    3,
                    60,
                    60,
                    INVIGILATOR,
                    INVIGILATOR_PIN,
                    NOW.minusSeconds(90_000),
                    NOW.minusSeconds(82_800)));
            database.apply(new AttemptKeyExpired("attempt-0", CANDIDATE, CENTRE, A1, NOW.minusSeconds(82_800)));
            earlierAttempt("attempt-00", 2, Outcome.PASS, NOW.minusSeconds(3600));
            voidedInRegister("attempt-00", AttemptStatus.SUBMITTED, Outcome.PASS);

            fixture.givenNoPriorActivity().when(open()).expectEvents(openedAsAttempt(3));
        }

        @Test
        void givenAttemptsAtAnotherAssessment_whenOpened_thenTheyDoNotCount() {
            database.apply(new AttemptOpened(
                    "attempt-a2",
                    CANDIDATE,
                    NUMBER,
                    CENTRE,
                    MVR_L2,
                    A2,
                    1,
                    1,
                    30,
                    50,
                    INVIGILATOR,
                    INVIGILATOR_PIN,
                    NOW.minusSeconds(60),
                    KEY_VALID_UNTIL));
            fixture.givenNoPriorActivity().when(open()).expectEvents(OPENED);
        }

        @Test
        void givenTheCandidateWasTransferred_whenAnInvigilatorOfTheNewCentreOpens_thenOpenedThere() {
            database.apply(new CandidateTransferred(CANDIDATE, CENTRE, OTHER_CENTRE, "Moved house"));
            fixture.givenNoPriorActivity()
                    .when(new OpenAttempt(ATTEMPT, CANDIDATE, A1, "user-elsewhere"))
                    .expectEvents(new AttemptOpened(
                            ATTEMPT,
                            CANDIDATE,
                            NUMBER,
                            OTHER_CENTRE,
                            MVR_L2,
                            A1,
                            1,
                            3,
                            60,
                            60,
                            "user-elsewhere",
                            "45678901",
                            NOW,
                            KEY_VALID_UNTIL));
        }

        @Test
        void givenAReinstatedCandidate_whenOpened_thenOpened() {
            database.apply(new CandidateWithdrawn(CANDIDATE, CENTRE, "Left"));
            database.apply(new CandidateReinstated(CANDIDATE, CENTRE, "Came back"));
            fixture.givenNoPriorActivity().when(open()).expectEvents(OPENED);
        }

        @ParameterizedTest
        @MethodSource("org.awardinghub.command.assessment.AttemptTest#missingFields")
        void givenAFieldMissing_whenOpened_thenRefusedNamingIt(OpenAttempt command, String field) {
            fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(InvalidField.named(field))
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
            assertThat(rows("attempt_access_keys")).isZero();
        }

        @Test
        void givenNoSuchCandidate_whenOpened_thenUnknown() {
            expectRefused(
                    new OpenAttempt(ATTEMPT, "candidate-9", A1, INVIGILATOR),
                    UnknownRecord.class,
                    "No candidate candidate-9");
        }

        @ParameterizedTest
        @ValueSource(strings = {"user-admin", "user-elsewhere", "user-former", "user-imi", "user-nobody"})
        void givenNotAnActiveInvigilatorOfTheCandidatesCentre_whenOpened_thenRefused(String userId) {
            expectRefused(
                    new OpenAttempt(ATTEMPT, CANDIDATE, A1, userId),
                    RuleViolation.class,
                    "Only an invigilator of the candidate's centre can open an attempt");
        }

        @Test
        void givenTheCandidateMovedToAnotherCentre_whenTheOldCentresInvigilatorOpens_thenRefused() {
            database.apply(new CandidateTransferred(CANDIDATE, CENTRE, OTHER_CENTRE, "Moved house"));
            expectRefused(
                    open(), RuleViolation.class, "Only an invigilator of the candidate's centre can open an attempt");
        }

        @Test
        void givenAWithdrawnCandidate_whenOpened_thenRefused() {
            database.apply(new CandidateWithdrawn(CANDIDATE, CENTRE, "Left the course"));
            expectRefused(
                    open(),
                    RuleViolation.class,
                    "Candidate is WITHDRAWN; reinstate them before they sit an assessment");
        }

        /** No event certificates a candidate yet (the certification issue adds it): the row is set directly. */
        @Test
        void givenACertificatedCandidate_whenOpened_thenRefused() {
            database.jdbc().update("UPDATE candidate_directory SET status = 'CERTIFICATED'");
            expectRefused(
                    open(),
                    RuleViolation.class,
                    "Candidate is CERTIFICATED; a certificated candidate sits no further assessments");
        }

        @Test
        void givenNoSuchAssessment_whenOpened_thenRefusedOnAssessmentCode() {
            expectRefused(
                    new OpenAttempt(ATTEMPT, CANDIDATE, "MVR-L2-A9", INVIGILATOR),
                    InvalidField.named("assessmentCode"));
        }

        @Test
        void givenAnAssessmentOfAnotherQualification_whenOpened_thenRefusedOnAssessmentCode() {
            expectRefused(
                    new OpenAttempt(ATTEMPT, CANDIDATE, L3_A1, INVIGILATOR), InvalidField.named("assessmentCode"));
        }

        @Test
        void givenTheCandidatesQualificationWasAmended_whenOpenedOnTheNewOnesAssessment_thenOpened() {
            database.apply(new CentreQualificationApproved(CENTRE, "MVR-L3", "Approved for level 3"));
            database.apply(new CandidateQualificationAmended(CANDIDATE, CENTRE, MVR_L2, "MVR-L3", "Changed course"));
            fixture.givenNoPriorActivity()
                    .when(new OpenAttempt(ATTEMPT, CANDIDATE, L3_A1, INVIGILATOR))
                    .expectEvents(new AttemptOpened(
                            ATTEMPT,
                            CANDIDATE,
                            NUMBER,
                            CENTRE,
                            "MVR-L3",
                            L3_A1,
                            1,
                            1,
                            45,
                            70,
                            INVIGILATOR,
                            INVIGILATOR_PIN,
                            NOW,
                            KEY_VALID_UNTIL));
        }

        @Test
        void givenASuspendedCentre_whenOpened_thenRefusedNamingItsStatus() {
            database.apply(new CentreSuspended(CENTRE, "Quality review"));
            expectRefused(
                    open(),
                    RuleViolation.class,
                    "The candidate's centre is SUSPENDED; only an APPROVED centre can run assessments");
        }

        @ParameterizedTest
        @ValueSource(strings = {"REGISTRATIONS", "CERTIFICATION"})
        void givenACentreUnderASanction_whenOpened_thenRefusedNamingIt(Sanction sanction) {
            database.apply(new CentreSanctionImposed(CENTRE, sanction, "Maladministration"));
            expectRefused(
                    open(),
                    RuleViolation.class,
                    "The candidate's centre is under " + sanction
                            + " sanction; it cannot run assessments until lifted");
        }

        @Test
        void givenACentreNoLongerApprovedForTheQualification_whenOpened_thenRefused() {
            database.apply(new CentreQualificationRemoved(CENTRE, MVR_L2, "No assessor"));
            expectRefused(
                    open(),
                    RuleViolation.class,
                    "The candidate's centre is no longer approved for"
                            + " qualification MVR-L2; it cannot run its assessments");
        }

        @ParameterizedTest
        @ValueSource(strings = {"OPENED", "STARTED"})
        void givenAnAttemptStillOpen_whenAnotherOpens_thenRefusedNamingIt(AttemptStatus status) {
            database.apply(new AttemptOpened(
                    "attempt-0",
                    CANDIDATE,
                    NUMBER,
                    CENTRE,
                    MVR_L2,
                    A1,
                    1,
                    3,
                    60,
                    60,
                    INVIGILATOR,
                    INVIGILATOR_PIN,
                    NOW.minusSeconds(60),
                    KEY_VALID_UNTIL));
            if (status == AttemptStatus.STARTED) {
                database.apply(new AttemptStarted("attempt-0", CANDIDATE, CENTRE, A1, NOW, ENDS_AT, 1L, List.of()));
            }
            expectRefused(
                    open(),
                    RuleViolation.class,
                    "Candidate already has attempt attempt-0 " + status
                            + " on MVR-L2-A1; it must be submitted, expire or be voided before another opens");
        }

        @Test
        void givenAPass_whenAnotherOpens_thenRefusedSayingWhen() {
            earlierAttempt("attempt-0", 1, Outcome.PASS, Instant.parse("2026-11-20T10:30:00Z"));
            expectRefused(
                    open(),
                    RuleViolation.class,
                    "Candidate passed MVR-L2-A1 on 2026-11-20; there is no re-sit after a pass");
        }

        @Test
        void givenAPassThatWasVoided_whenAnotherOpens_thenOpened() {
            earlierAttempt("attempt-0", 1, Outcome.PASS, NOW.minusSeconds(60));
            voidedInRegister("attempt-0", AttemptStatus.SUBMITTED, Outcome.PASS);
            fixture.givenNoPriorActivity().when(open()).expectEvents(openedAsAttempt(2));
        }

        @Test
        void givenAFailLessThan48HoursAgo_whenAReSitOpens_thenRefusedSayingFromWhen() {
            earlierAttempt("attempt-0", 1, Outcome.FAIL, Instant.parse("2026-11-24T09:00:00.001Z"));
            expectRefused(
                    open(),
                    RuleViolation.class,
                    "Candidate failed MVR-L2-A1 at 2026-11-24T09:00:00.001Z;"
                            + " a re-sit may open from 2026-11-26T09:00:00.001Z");
        }

        @Test
        void givenAFailExactly48HoursAgo_whenAReSitOpens_thenOpenedAsTheSecondAttempt() {
            earlierAttempt("attempt-0", 1, Outcome.FAIL, NOW.minus(Duration.ofHours(48)));
            fixture.givenNoPriorActivity().when(open()).expectEvents(openedAsAttempt(2));
        }

        @Test
        void givenAnOldFailAndARecentOne_whenAReSitOpens_thenTheLatestDecides() {
            earlierAttempt("attempt-0", 1, Outcome.FAIL, NOW.minus(Duration.ofDays(10)));
            earlierAttempt("attempt-00", 2, Outcome.FAIL, NOW.minus(Duration.ofHours(1)));
            expectRefused(
                    open(),
                    RuleViolation.class,
                    "Candidate failed MVR-L2-A1 at 2026-11-26T08:00:00Z;"
                            + " a re-sit may open from 2026-11-28T08:00:00Z");
        }

        @Test
        void givenARecentFailThatWasVoided_whenAReSitOpens_thenOpened() {
            earlierAttempt("attempt-0", 1, Outcome.FAIL, NOW.minus(Duration.ofDays(10)));
            earlierAttempt("attempt-00", 2, Outcome.FAIL, NOW.minus(Duration.ofHours(1)));
            voidedInRegister("attempt-00", AttemptStatus.SUBMITTED, Outcome.FAIL);
            fixture.givenNoPriorActivity().when(open()).expectEvents(openedAsAttempt(3));
        }

        @Test
        void givenTheDefaultPolicy_whenAReSitOpens25HoursAfterAFail_thenRefused() {
            earlierAttempt("attempt-0", 1, Outcome.FAIL, NOW.minus(Duration.ofHours(25)));
            expectRefused(
                    open(),
                    RuleViolation.class,
                    "Candidate failed MVR-L2-A1 at 2026-11-25T08:00:00Z;"
                            + " a re-sit may open from 2026-11-27T08:00:00Z");
        }

        @Test
        void givenAPolicyOf24Hours_whenAReSitOpens25HoursAfterAFail_thenOpened() {
            earlierAttempt("attempt-0", 1, Outcome.FAIL, NOW.minus(Duration.ofHours(25)));
            fixture(new AssessmentPolicy(Duration.ofHours(24), Duration.ofHours(2), Duration.ofMinutes(30)))
                    .givenNoPriorActivity()
                    .when(open())
                    .expectEvents(openedAsAttempt(2));
        }

        void expectRefused(OpenAttempt command, Class<? extends Throwable> type, String message) {
            expectNothingOpened(fixture.givenNoPriorActivity()
                    .when(command)
                    .expectException(type)
                    .expectExceptionMessage(message));
        }

        void expectRefused(OpenAttempt command, org.hamcrest.Matcher<?> matcher) {
            expectNothingOpened(fixture.givenNoPriorActivity().when(command).expectException(matcher));
        }

        void expectNothingOpened(ResultValidator<Attempt> result) {
            result.expectNoEvents().expectNoScheduledDeadlines();
            assertThat(rows("attempt_access_keys")).isZero();
        }
    }

    static Stream<Arguments> missingFields() {
        return Stream.of(
                Arguments.of(new OpenAttempt(null, CANDIDATE, A1, INVIGILATOR), "attemptId"),
                Arguments.of(new OpenAttempt(ATTEMPT, " ", A1, INVIGILATOR), "candidateId"),
                Arguments.of(new OpenAttempt(ATTEMPT, CANDIDATE, null, INVIGILATOR), "assessmentCode"),
                Arguments.of(new OpenAttempt(ATTEMPT, CANDIDATE, "", INVIGILATOR), "assessmentCode"),
                Arguments.of(new OpenAttempt(ATTEMPT, CANDIDATE, A1, null), "invigilatorUserId"));
    }

    @Nested
    class StartAttemptSpec {

        String key;

        @BeforeEach
        void issueKey() {
            key = keys.issue(ATTEMPT, NUMBER, KEY_VALID_UNTIL);
            clock.set(STARTED_AT);
        }

        @Test
        void givenAnOpenedAttempt_whenStartedWithTheKey_thenAFormIsDrawnThatItsSeedReproduces() {
            Captured<List<EventMessage<?>>> events = new Captured<>();
            Captured<Object> answer = new Captured<>();

            fixture.given(OPENED)
                    .when(new StartAttempt(ATTEMPT, NUMBER, key))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(events)
                    .expectResultMessagePayloadMatching(answer)
                    .expectScheduledDeadlineWithName(ENDS_AT, Attempt.TIME_LIMIT);

            assertThat(events.value()).hasSize(1);
            AttemptStarted started = (AttemptStarted) events.value().get(0).getPayload();
            assertThat(started)
                    .usingRecursiveComparison()
                    .ignoringFields("seed", "questions")
                    .isEqualTo(new AttemptStarted(ATTEMPT, CANDIDATE, CENTRE, A1, STARTED_AT, ENDS_AT, 0L, List.of()));
            assertThat(started.questions()).hasSize(3).isEqualTo(FormDraw.draw(bank.items(A1), 3, started.seed()));

            StartedAttempt result = (StartedAttempt) answer.value();
            assertThat(result.attemptId()).isEqualTo(ATTEMPT);
            assertThat(result.endsAt()).isEqualTo(ENDS_AT);
            assertThat(result.questions()).isEqualTo(started.questions());
            assertThat(tokens.attemptOf(result.attemptToken(), STARTED_AT)).contains(ATTEMPT);
        }

        @Test
        void givenTheAttemptStarted_whenItsTokenIsPresented_thenItIdentifiesTheAttemptUntilTheGraceAfterTheEnd() {
            Captured<Object> answer = new Captured<>();
            fixture.given(OPENED)
                    .when(new StartAttempt(ATTEMPT, NUMBER, key))
                    .expectResultMessagePayloadMatching(answer);
            String token = ((StartedAttempt) answer.value()).attemptToken();

            Instant graceEnds = ENDS_AT.plus(Duration.ofMinutes(30));
            assertThat(tokens.attemptOf(token, graceEnds.minusMillis(1))).contains(ATTEMPT);
            assertThat(tokens.attemptOf(token, graceEnds)).isEmpty();
        }

        @Test
        void givenTheAttemptStarted_whenTheKeyIsTriedAgain_thenItIsUsedUp() {
            fixture.given(OPENED).when(new StartAttempt(ATTEMPT, NUMBER, key)).expectSuccessfulHandlerExecution();

            assertThat(keys.attemptFor(NUMBER, key, STARTED_AT)).isEmpty();
            assertThat(keys.redeem(ATTEMPT, key, STARTED_AT)).isFalse();
        }

        @Test
        void givenTheKeyTypedLooselyAndTheNumberInLowerCase_whenStarted_thenStarted() {
            String typed =
                    key.substring(0, 4).toLowerCase() + "-" + key.substring(4).toLowerCase();
            fixture.given(OPENED)
                    .when(new StartAttempt(ATTEMPT, " 7kq3mz9b ", typed))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(startedOnce());
            assertThat(keys.redeem(ATTEMPT, key, STARTED_AT)).isFalse();
        }

        @Test
        void givenAStartJustBeforeTheKeyExpires_whenStarted_thenStarted() {
            clock.set(KEY_VALID_UNTIL.minusMillis(1));
            fixture.given(OPENED)
                    .when(new StartAttempt(ATTEMPT, NUMBER, key))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(startedOnce());
        }

        @Test
        void givenAWrongKey_whenStarted_thenRefusedAndTheRightKeyStillUnused() {
            expectRefused(List.of(OPENED), new StartAttempt(ATTEMPT, NUMBER, AccessKeysTest.otherKeyThan(key)));
            assertThat(keys.attemptFor(NUMBER, key, STARTED_AT)).contains(ATTEMPT);
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"7KQ3MZ9C", "7KQ3MZ9"})
        void givenAnotherRegistrationNumber_whenStarted_thenRefusedAndTheKeyStillUnused(String number) {
            expectRefused(List.of(OPENED), new StartAttempt(ATTEMPT, number, key));
            assertThat(keys.attemptFor(NUMBER, key, STARTED_AT)).contains(ATTEMPT);
        }

        @Test
        void givenTheKeyAlreadyUsed_whenStarted_thenRefused() {
            assertThat(keys.redeem(ATTEMPT, key, NOW)).isTrue();
            expectRefused(List.of(OPENED), new StartAttempt(ATTEMPT, NUMBER, key));
        }

        @Test
        void givenTheKeyValidityOver_whenStarted_thenRefused() {
            clock.set(KEY_VALID_UNTIL);
            expectRefused(List.of(OPENED), new StartAttempt(ATTEMPT, NUMBER, key));
        }

        @ParameterizedTest
        @MethodSource("org.awardinghub.command.assessment.AttemptTest#notWaitingToStart")
        void givenAnAttemptNotWaitingToStart_whenStartedWithItsKey_thenRefusedTheSameWay(List<Object> history) {
            expectRefused(history, new StartAttempt(ATTEMPT, NUMBER, key));
        }

        @Test
        void givenTheCandidateWithdrawnSinceOpening_whenStarted_thenRefusedSayingSo() {
            database.apply(new CandidateWithdrawn(CANDIDATE, CENTRE, "Left the course"));
            fixture.given(OPENED)
                    .when(new StartAttempt(ATTEMPT, NUMBER, key))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("Candidate is WITHDRAWN; reinstate them before they sit an assessment")
                    .expectNoEvents();
            assertThat(rows("attempt_tokens")).isZero();
        }

        void expectRefused(List<Object> history, StartAttempt command) {
            fixture.given(history)
                    .when(command)
                    .expectException(AccessKeyRefused.class)
                    .expectExceptionMessage(AccessKeyRefused.MESSAGE)
                    .expectNoEvents()
                    .expectNoScheduledDeadlines();
            assertThat(rows("attempt_tokens")).isZero();
        }
    }

    /** The candidate's access arrangements, as the lookup table knows them when the attempt starts (ADR 0153). */
    @Nested
    class AccessArrangementsSpec {

        static final Instant REQUESTED_AT = NOW.minus(Duration.ofDays(7));

        String key;

        @BeforeEach
        void issueKey() {
            database.lookup(ArrangementDirectory.class);
            key = keys.issue(ATTEMPT, NUMBER, KEY_VALID_UNTIL);
            clock.set(STARTED_AT);
        }

        void requested(String id, ArrangementKind kind, Integer percent, TextSize size, ColourScheme scheme) {
            database.apply(new AccessArrangementRequested(
                    id,
                    CANDIDATE,
                    CENTRE,
                    kind,
                    percent,
                    size,
                    scheme,
                    "Assessed need",
                    null,
                    "user-admin",
                    "34567890",
                    REQUESTED_AT));
        }

        void approved(
                String id, ArrangementKind kind, Integer percent, TextSize size, ColourScheme scheme, Instant at) {
            requested(id, kind, percent, size, scheme);
            database.apply(new AccessArrangementApproved(
                    id,
                    CANDIDATE,
                    CENTRE,
                    kind,
                    percent,
                    size,
                    scheme,
                    false,
                    "Evidence seen",
                    "user-imi",
                    "67890123",
                    at));
        }

        @Test
        void givenTwentyFivePercentExtraTimeApproved_whenStarted_thenTheTimeLimitTokenAndDeadlineAreExtended() {
            approved("arr-1", ArrangementKind.EXTRA_TIME, 25, null, null, REQUESTED_AT);
            Instant extendedEnd = STARTED_AT.plus(Duration.ofMinutes(75));
            Captured<List<EventMessage<?>>> events = new Captured<>();
            Captured<Object> answer = new Captured<>();

            fixture.given(OPENED)
                    .when(new StartAttempt(ATTEMPT, NUMBER, key))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(events)
                    .expectResultMessagePayloadMatching(answer)
                    .expectScheduledDeadlineWithName(extendedEnd, Attempt.TIME_LIMIT);

            assertThat(events.value()).hasSize(2);
            assertThat(events.value().get(0).getPayload())
                    .isEqualTo(new AccessArrangementsApplied(
                            ATTEMPT, CANDIDATE, CENTRE, 25, false, false, false, null, null, false, List.of("arr-1")));
            assertThat(((AttemptStarted) events.value().get(1).getPayload()).endsAt())
                    .isEqualTo(extendedEnd);
            StartedAttempt result = (StartedAttempt) answer.value();
            assertThat(result.endsAt()).isEqualTo(extendedEnd);
            Instant tokenExpires = extendedEnd.plus(Duration.ofMinutes(30));
            assertThat(tokens.attemptOf(result.attemptToken(), tokenExpires.minusMillis(1)))
                    .contains(ATTEMPT);
            assertThat(tokens.attemptOf(result.attemptToken(), tokenExpires)).isEmpty();
        }

        @Test
        void givenSeveralApproved_whenStarted_thenCombinedMostTimeLargestTextLatestScheme() {
            approved("arr-1", ArrangementKind.EXTRA_TIME, 25, null, null, REQUESTED_AT);
            approved("arr-2", ArrangementKind.EXTRA_TIME, 50, null, null, REQUESTED_AT.plusSeconds(1));
            approved("arr-3", ArrangementKind.ENLARGED_TEXT, null, TextSize.LARGEST, null, REQUESTED_AT.plusSeconds(2));
            approved("arr-4", ArrangementKind.ENLARGED_TEXT, null, TextSize.LARGE, null, REQUESTED_AT.plusSeconds(3));
            approved(
                    "arr-5",
                    ArrangementKind.COLOUR_SCHEME,
                    null,
                    null,
                    ColourScheme.CREAM,
                    REQUESTED_AT.plusSeconds(4));
            approved(
                    "arr-6",
                    ArrangementKind.COLOUR_SCHEME,
                    null,
                    null,
                    ColourScheme.LIGHT_BLUE,
                    REQUESTED_AT.plusSeconds(5));
            approved("arr-7", ArrangementKind.REST_BREAKS, null, null, null, REQUESTED_AT.plusSeconds(6));
            approved("arr-8", ArrangementKind.READER, null, null, null, REQUESTED_AT.plusSeconds(7));
            approved("arr-9", ArrangementKind.SEPARATE_ROOM, null, null, null, REQUESTED_AT.plusSeconds(8));

            fixture.given(OPENED)
                    .when(new StartAttempt(ATTEMPT, NUMBER, key))
                    .expectSuccessfulHandlerExecution()
                    .expectScheduledDeadlineWithName(STARTED_AT.plus(Duration.ofMinutes(90)), Attempt.TIME_LIMIT)
                    .expectState(attempt -> assertThat(attempt)
                            .extracting("restBreaks", "extraTimePercent")
                            .containsExactly(true, 50));
        }

        @Test
        void givenAPendingAndARejectedRequest_whenStarted_thenNothingAppliesAndTheStandardTimeLimitHolds() {
            requested("arr-1", ArrangementKind.EXTRA_TIME, 50, null, null);
            requested("arr-2", ArrangementKind.READER, null, null, null);
            database.apply(new AccessArrangementRejected(
                    "arr-2", CANDIDATE, CENTRE, ArrangementKind.READER, "No evidence", "user-imi", "67890123", NOW));

            fixture.given(OPENED)
                    .when(new StartAttempt(ATTEMPT, NUMBER, key))
                    .expectSuccessfulHandlerExecution()
                    .expectEventsMatching(startedOnce())
                    .expectScheduledDeadlineWithName(ENDS_AT, Attempt.TIME_LIMIT)
                    .expectState(attempt ->
                            assertThat(attempt).extracting("restBreaks").isEqualTo(false));
        }

        @Test
        void givenAnotherCandidatesArrangement_whenStarted_thenItDoesNotApply() {
            database.apply(new AccessArrangementRequested(
                    "arr-x",
                    "candidate-2",
                    CENTRE,
                    ArrangementKind.EXTRA_TIME,
                    25,
                    null,
                    null,
                    "Assessed need",
                    null,
                    "user-admin",
                    "34567890",
                    REQUESTED_AT));
            database.apply(new AccessArrangementApproved(
                    "arr-x",
                    "candidate-2",
                    CENTRE,
                    ArrangementKind.EXTRA_TIME,
                    25,
                    null,
                    null,
                    true,
                    "policy",
                    "system",
                    null,
                    REQUESTED_AT));

            fixture.given(OPENED)
                    .when(new StartAttempt(ATTEMPT, NUMBER, key))
                    .expectEventsMatching(startedOnce())
                    .expectScheduledDeadlineWithName(ENDS_AT, Attempt.TIME_LIMIT);
        }
    }

    /** Opened and started through the handlers, so that the extended time limit is what is scheduled. */
    @Test
    void givenExtraTimeApproved_whenTheExtendedLimitIsReached_thenSubmittedByTheTimeLimitAtTheExtendedEnd() {
        database.lookup(ArrangementDirectory.class);
        database.apply(new AccessArrangementRequested(
                "arr-1",
                CANDIDATE,
                CENTRE,
                ArrangementKind.EXTRA_TIME,
                25,
                null,
                null,
                "Assessed need",
                null,
                "user-admin",
                "34567890",
                NOW.minus(Duration.ofDays(3))));
        database.apply(new AccessArrangementApproved(
                "arr-1",
                CANDIDATE,
                CENTRE,
                ArrangementKind.EXTRA_TIME,
                25,
                null,
                null,
                true,
                "policy",
                "system",
                null,
                NOW.minus(Duration.ofDays(3))));
        Instant extendedEnd = NOW.plus(Duration.ofMinutes(75));

        TestExecutor<Attempt> given = fixture.givenCommands(open(), new StartAttempt(ATTEMPT, NUMBER, firstKey()));
        assertThat(storedStart().endsAt()).isEqualTo(extendedEnd);
        Captured<List<EventMessage<?>>> events = new Captured<>();
        given.whenThenTimeElapses(Duration.ofMinutes(75)).expectEventsMatching(events);

        assertThat(events.value()).hasSize(1);
        AttemptSubmitted submitted = (AttemptSubmitted) events.value().get(0).getPayload();
        assertThat(submitted.submittedBy()).isEqualTo(SubmittedBy.TIME_LIMIT);
        assertThat(submitted.submittedAt()).isEqualTo(extendedEnd);
        assertThat(submitted.endsAt()).isEqualTo(extendedEnd);
    }

    @Test
    void givenFortyFiveMinutes_whenTwentyFivePercentIsAdded_thenFiftySixMinutesFifteenSeconds() {
        assertThat(Attempt.timeAllowed(45, 25)).isEqualTo(Duration.ofMinutes(56).plusSeconds(15));
        assertThat(Attempt.timeAllowed(60, 0)).isEqualTo(Duration.ofMinutes(60));
    }

    static Stream<List<Object>> notWaitingToStart() {
        return Stream.of(
                List.of(OPENED, STARTED),
                List.of(OPENED, STARTED, SUBMITTED_PASS),
                List.of(OPENED, keyExpired()),
                List.of(OPENED, voided(AttemptStatus.OPENED, null)));
    }

    @Nested
    class AnswerQuestionSpec {

        @BeforeEach
        void duringTheAttempt() {
            clock.set(STARTED_AT.plus(Duration.ofMinutes(5)));
        }

        @Test
        void givenAStartedAttempt_whenAQuestionIsAnswered_thenTheAnswerIsRecordedWithItsBankOption() {
            fixture.given(OPENED, STARTED)
                    .when(new AnswerQuestion(ATTEMPT, "Q1", right(0)))
                    .expectEvents(answered(0, right(0), null, clock.instant()));
        }

        @Test
        void givenAnAnswer_whenChanged_thenTheChangeIsRecordedWithTheAnswerItReplaces() {
            fixture.given(OPENED, STARTED, answered(0, right(0), null, STARTED_AT.plusSeconds(30)))
                    .when(new AnswerQuestion(ATTEMPT, "Q1", wrong(0)))
                    .expectEvents(answered(0, wrong(0), right(0), clock.instant()));
        }

        @Test
        void givenAnAnswer_whenTheSameOptionIsChosenAgain_thenNothingIsRecorded() {
            fixture.given(OPENED, STARTED, answered(1, right(1), null, STARTED_AT.plusSeconds(30)))
                    .when(new AnswerQuestion(ATTEMPT, "Q2", right(1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void givenAChangedAnswer_whenTheFirstOptionIsChosenAgain_thenThatChangeIsRecordedToo() {
            fixture.given(
                            OPENED,
                            STARTED,
                            answered(1, right(1), null, STARTED_AT.plusSeconds(30)),
                            answered(1, wrong(1), right(1), STARTED_AT.plusSeconds(60)))
                    .when(new AnswerQuestion(ATTEMPT, "Q2", right(1)))
                    .expectEvents(answered(1, right(1), wrong(1), clock.instant()));
        }

        @Test
        void givenALowerCaseLetter_whenAnswered_thenTakenAsTheCapital() {
            fixture.given(OPENED, STARTED)
                    .when(new AnswerQuestion(ATTEMPT, "Q3", " " + right(2).toLowerCase()))
                    .expectEvents(answered(2, right(2), null, clock.instant()));
        }

        @Test
        void givenTheLastMillisecondBeforeTheEnd_whenAnswered_thenRecorded() {
            clock.set(ENDS_AT.minusMillis(1));
            fixture.given(OPENED, STARTED)
                    .when(new AnswerQuestion(ATTEMPT, "Q1", right(0)))
                    .expectEvents(answered(0, right(0), null, ENDS_AT.minusMillis(1)));
        }

        @Test
        void givenTheTimeIsUp_whenAnswered_thenRefusedSayingWhenItEnded() {
            clock.set(ENDS_AT);
            fixture.given(OPENED, STARTED)
                    .when(new AnswerQuestion(ATTEMPT, "Q1", right(0)))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(
                            "The time for this attempt ended at 2026-11-26T10:10:00Z;" + " answers are closed")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"Q4", "Q0", "q1"})
        void givenAQuestionNotOnTheForm_whenAnswered_thenUnknown(String questionId) {
            fixture.given(OPENED, STARTED)
                    .when(new AnswerQuestion(ATTEMPT, questionId, "A"))
                    .expectException(UnknownRecord.class)
                    .expectNoEvents();
        }

        @Test
        void givenAnOptionTheQuestionDoesNotHave_whenAnswered_thenRefusedListingItsOptions() {
            int fourOptions = questionWithOptions(4);
            String questionId = FORM.get(fourOptions).questionId();
            fixture.given(OPENED, STARTED)
                    .when(new AnswerQuestion(ATTEMPT, questionId, "E"))
                    .expectException(InvalidField.named("optionId"))
                    .expectExceptionMessage("optionId must be one of A, B, C, D")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"AB", "1", "Z"})
        void givenNoOrAMeaninglessOption_whenAnswered_thenRefusedOnOptionId(String optionId) {
            fixture.given(OPENED, STARTED)
                    .when(new AnswerQuestion(ATTEMPT, "Q1", optionId))
                    .expectException(InvalidField.named("optionId"))
                    .expectNoEvents();
        }

        @ParameterizedTest
        @MethodSource("org.awardinghub.command.assessment.AttemptTest#notTakingAnswers")
        void givenAnAttemptNotRunning_whenAnswered_thenRefusedSayingWhy(List<Object> history, String message) {
            fixture.given(history)
                    .when(new AnswerQuestion(ATTEMPT, "Q1", "A"))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(message + "; answers are closed")
                    .expectNoEvents();
        }
    }

    /** The place on {@link #FORM} of a question with this many options. */
    static int questionWithOptions(int count) {
        for (int q = 0; q < FORM.size(); q++) {
            if (FORM.get(q).options().size() == count) {
                return q;
            }
        }
        throw new IllegalStateException("FORM_SEED draws no item with " + count + " options; choose another seed");
    }

    static Stream<Arguments> notTakingAnswers() {
        return Stream.of(
                Arguments.of(List.of(OPENED), "The attempt has not been started"),
                Arguments.of(
                        List.of(OPENED, STARTED, SUBMITTED_PASS), "The attempt was submitted at 2026-11-26T10:00:00Z"),
                Arguments.of(
                        List.of(OPENED, keyExpired()),
                        "The attempt's access key expired unused at 2026-11-26T11:00:00Z"),
                Arguments.of(List.of(OPENED, STARTED, voided(AttemptStatus.STARTED, null)), "The attempt was voided"));
    }

    @Nested
    class SubmitAttemptSpec {

        Instant submittedAt;

        @BeforeEach
        void beforeTheEnd() {
            submittedAt = ENDS_AT.minus(Duration.ofMinutes(10));
            clock.set(submittedAt);
        }

        @Test
        void givenTwoOfThreeRight_whenSubmitted_thenMarkedPassAgainstTheCopiedPassMark() {
            fixture.given(
                            OPENED,
                            STARTED,
                            answered(0, right(0), null, STARTED_AT.plusSeconds(30)),
                            answered(1, right(1), null, STARTED_AT.plusSeconds(60)),
                            answered(2, wrong(2), null, STARTED_AT.plusSeconds(90)))
                    .when(new SubmitAttempt(ATTEMPT))
                    .expectEvents(submitted(
                            SubmittedBy.CANDIDATE,
                            submittedAt,
                            2,
                            66.7,
                            60,
                            Outcome.PASS,
                            mark(0, right(0)),
                            mark(1, right(1)),
                            mark(2, wrong(2))))
                    .expectResultMessagePayload(new AttemptResult(ATTEMPT, 2, 3, 66.7, Outcome.PASS));
        }

        @Test
        void givenOneRightAChangedAnswerAndOneUnanswered_whenSubmitted_thenTheLastAnswerCountsAndItFails() {
            fixture.given(
                            OPENED,
                            STARTED,
                            answered(0, right(0), null, STARTED_AT.plusSeconds(30)),
                            answered(1, right(1), null, STARTED_AT.plusSeconds(60)),
                            answered(1, wrong(1), right(1), STARTED_AT.plusSeconds(90)))
                    .when(new SubmitAttempt(ATTEMPT))
                    .expectEvents(submitted(
                            SubmittedBy.CANDIDATE,
                            submittedAt,
                            1,
                            33.3,
                            60,
                            Outcome.FAIL,
                            new AttemptSubmitted.AnswerChanges(1, 0, 1, 0),
                            mark(0, right(0)),
                            mark(1, wrong(1)),
                            mark(2, null)))
                    .expectResultMessagePayload(new AttemptResult(ATTEMPT, 1, 3, 33.3, Outcome.FAIL));
        }

        /** Q1 wrong, then right; Q2 right, wrong, right again: two changes from wrong to right, one back. */
        @Test
        void givenAnswersCorrectedAfterwards_whenSubmitted_thenTheChangesFromWrongToRightAreCounted() {
            fixture.given(
                            OPENED,
                            STARTED,
                            answered(0, wrong(0), null, STARTED_AT.plusSeconds(30)),
                            answered(0, right(0), wrong(0), STARTED_AT.plusSeconds(40)),
                            answered(1, right(1), null, STARTED_AT.plusSeconds(60)),
                            answered(1, wrong(1), right(1), STARTED_AT.plusSeconds(70)),
                            answered(1, right(1), wrong(1), STARTED_AT.plusSeconds(80)))
                    .when(new SubmitAttempt(ATTEMPT))
                    .expectEvents(submitted(
                            SubmittedBy.CANDIDATE,
                            submittedAt,
                            2,
                            66.7,
                            60,
                            Outcome.PASS,
                            new AttemptSubmitted.AnswerChanges(3, 2, 1, 0),
                            mark(0, right(0)),
                            mark(1, right(1)),
                            mark(2, null)));
        }

        @Test
        void givenNothingAnswered_whenSubmitted_thenNoMarks() {
            fixture.given(OPENED, STARTED)
                    .when(new SubmitAttempt(ATTEMPT))
                    .expectEvents(submitted(
                            SubmittedBy.CANDIDATE,
                            submittedAt,
                            0,
                            0.0,
                            60,
                            Outcome.FAIL,
                            mark(0, null),
                            mark(1, null),
                            mark(2, null)))
                    .expectResultMessagePayload(new AttemptResult(ATTEMPT, 0, 3, 0.0, Outcome.FAIL));
        }

        /** The pass mark rose to 90 after opening; the attempt keeps 60. And 2 of 3 against 67 would fail. */
        @Test
        void givenThePassMarkChangedAfterOpening_whenSubmitted_thenMarkedAgainstTheOneCopiedIn() {
            database.apply(new PassMarkChanged(MVR_L2, A1, 60, 90, "Standard-setting review"));
            fixture.given(
                            OPENED,
                            STARTED,
                            answered(0, right(0), null, STARTED_AT.plusSeconds(30)),
                            answered(2, right(2), null, STARTED_AT.plusSeconds(60)))
                    .when(new SubmitAttempt(ATTEMPT))
                    .expectResultMessagePayload(new AttemptResult(ATTEMPT, 2, 3, 66.7, Outcome.PASS));
        }

        @Test
        void givenAPassMarkOf67_whenTwoOfThreeRight_thenFailDespiteShowing66Point7() {
            fixture.given(
                            opened(67),
                            STARTED,
                            answered(0, right(0), null, STARTED_AT.plusSeconds(30)),
                            answered(2, right(2), null, STARTED_AT.plusSeconds(60)))
                    .when(new SubmitAttempt(ATTEMPT))
                    .expectEvents(submitted(
                            SubmittedBy.CANDIDATE,
                            submittedAt,
                            2,
                            66.7,
                            67,
                            Outcome.FAIL,
                            mark(0, right(0)),
                            mark(1, null),
                            mark(2, right(2))))
                    .expectResultMessagePayload(new AttemptResult(ATTEMPT, 2, 3, 66.7, Outcome.FAIL));
        }

        @Test
        void givenTheTimeIsUpButTheDeadlineHasNotFired_whenSubmitted_thenMarkedAsOfNow() {
            clock.set(ENDS_AT.plus(Duration.ofMinutes(5)));
            fixture.given(OPENED, STARTED, answered(0, right(0), null, STARTED_AT.plusSeconds(30)))
                    .when(new SubmitAttempt(ATTEMPT))
                    .expectEvents(submitted(
                            SubmittedBy.CANDIDATE,
                            ENDS_AT.plus(Duration.ofMinutes(5)),
                            1,
                            33.3,
                            60,
                            Outcome.FAIL,
                            mark(0, right(0)),
                            mark(1, null),
                            mark(2, null)));
        }

        /** Opened and started with the real handlers, so the time limit exists; submitting cancels it. */
        @Test
        void givenTheTimeLimitScheduled_whenSubmitted_thenItIsCancelled() {
            clock.set(NOW);
            fixture.givenCommands(open(), new StartAttempt(ATTEMPT, NUMBER, firstKey()))
                    .when(new SubmitAttempt(ATTEMPT))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @MethodSource("org.awardinghub.command.assessment.AttemptTest#notRunning")
        void givenAnAttemptNotRunning_whenSubmitted_thenRefusedSayingWhy(List<Object> history, String message) {
            fixture.given(history)
                    .when(new SubmitAttempt(ATTEMPT))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage(message + "; it cannot be submitted")
                    .expectNoEvents();
        }
    }

    static Stream<Arguments> notRunning() {
        return notTakingAnswers();
    }

    @Nested
    class TimeLimitSpec {

        /** Opened, started and answered through the handlers; the form is read back from the stored start. */
        @Test
        void givenAStartedAttempt_whenTheTimeLimitIsReached_thenSubmittedAtTheEndByTheTimeLimit() {
            TestExecutor<Attempt> given = fixture.givenCommands(
                    open(),
                    new StartAttempt(ATTEMPT, NUMBER, firstKey()),
                    new AnswerQuestion(ATTEMPT, "Q1", "A"),
                    new AnswerQuestion(ATTEMPT, "Q2", "B"));
            AttemptStarted started = storedStart();
            Instant endsAt = NOW.plus(Duration.ofMinutes(60));
            List<Mark> marks = new ArrayList<>();
            int score = 0;
            for (Question question : started.questions()) {
                String chosen = switch (question.questionId()) {
                    case "Q1" -> "A";
                    case "Q2" -> "B";
                    default -> null;
                };
                Integer itemOption = chosen == null
                        ? null
                        : question.options().stream()
                                .filter(option -> option.optionId().equals(chosen))
                                .findFirst()
                                .orElseThrow()
                                .itemOption();
                boolean correct = itemOption != null && itemOption == SampleBank.correctOption(question.itemId());
                score += correct ? 1 : 0;
                marks.add(new Mark(
                        question.questionId(),
                        question.itemId(),
                        chosen,
                        itemOption,
                        question.options().size(),
                        correct));
            }
            AttemptSubmitted expected = new AttemptSubmitted(
                    ATTEMPT,
                    CANDIDATE,
                    CENTRE,
                    MVR_L2,
                    A1,
                    SubmittedBy.TIME_LIMIT,
                    NOW,
                    endsAt,
                    endsAt,
                    score,
                    3,
                    Marking.percent(score, 3),
                    60,
                    score * 100 >= 60 * 3 ? Outcome.PASS : Outcome.FAIL,
                    marks,
                    AttemptSubmitted.AnswerChanges.NONE);

            given.whenThenTimeAdvancesTo(endsAt)
                    .expectTriggeredDeadlinesWithName(Attempt.TIME_LIMIT)
                    .expectEvents(expected);
        }

        @Test
        void givenAStartedAttempt_whenTimePassesButNotToTheEnd_thenNothingHappens() {
            fixture.givenCommands(open(), new StartAttempt(ATTEMPT, NUMBER, firstKey()))
                    .whenThenTimeAdvancesTo(NOW.plus(Duration.ofMinutes(60)).minusMillis(1))
                    .expectTriggeredDeadlines()
                    .expectNoEvents();
        }

        @Test
        void givenTheCandidateSubmitted_whenTheEndComes_thenTheCancelledLimitNeverFires() {
            fixture.givenCommands(open(), new StartAttempt(ATTEMPT, NUMBER, firstKey()), new SubmitAttempt(ATTEMPT))
                    .whenThenTimeAdvancesTo(NOW.plus(Duration.ofHours(3)))
                    .expectTriggeredDeadlines()
                    .expectNoEvents();
        }

        /** A limit that fires although the attempt was already submitted (a race) changes nothing. */
        @Test
        void givenSubmittedWithoutCancelling_whenTheLimitFires_thenNothingIsRecorded() {
            fixture.givenCommands(open(), new StartAttempt(ATTEMPT, NUMBER, firstKey()))
                    .andGiven(new AttemptSubmitted(
                            ATTEMPT,
                            CANDIDATE,
                            CENTRE,
                            MVR_L2,
                            A1,
                            SubmittedBy.CANDIDATE,
                            NOW,
                            NOW.plusSeconds(3600),
                            NOW.plusSeconds(60),
                            0,
                            3,
                            0.0,
                            60,
                            Outcome.FAIL,
                            List.of(),
                            AttemptSubmitted.AnswerChanges.NONE))
                    .whenThenTimeAdvancesTo(NOW.plus(Duration.ofMinutes(60)))
                    .expectTriggeredDeadlinesWithName(Attempt.TIME_LIMIT)
                    .expectNoEvents();
        }
    }

    @Nested
    class KeyExpirySpec {

        /** Opened at NOW with the real handler, so its key-expiry deadline exists; starting cancels it. */
        @Test
        void givenTheKeyExpiryWasScheduled_whenStarted_thenItIsCancelledAndTheTimeLimitScheduled() {
            fixture.givenCommands(open())
                    .when(new StartAttempt(ATTEMPT, NUMBER, firstKey()))
                    .expectSuccessfulHandlerExecution()
                    .expectNoScheduledDeadlineWithName(KEY_VALID_UNTIL, Attempt.KEY_EXPIRY)
                    .expectScheduledDeadlineWithName(NOW.plus(Duration.ofMinutes(60)), Attempt.TIME_LIMIT);
        }

        @Test
        void givenAnOpenedAttempt_whenTheKeyValidityEnds_thenTheAttemptExpiresAtThatTime() {
            fixture.givenCommands(open())
                    .whenThenTimeAdvancesTo(KEY_VALID_UNTIL)
                    .expectTriggeredDeadlinesWithName(Attempt.KEY_EXPIRY)
                    .expectEvents(keyExpired());
        }

        @Test
        void givenAnAttemptStartedLate_whenTheKeyValidityEnds_thenTheCancelledExpiryNeverFires() {
            clock.set(NOW.plus(Duration.ofMinutes(90)));
            fixture.givenCommands(open(), new StartAttempt(ATTEMPT, NUMBER, firstKey()))
                    .whenThenTimeAdvancesTo(KEY_VALID_UNTIL)
                    .expectTriggeredDeadlines()
                    .expectNoEvents();
        }

        @Test
        void givenStartedWithoutCancelling_whenTheExpiryFires_thenNothingIsRecorded() {
            fixture.givenCommands(open())
                    .andGiven(STARTED)
                    .whenThenTimeAdvancesTo(KEY_VALID_UNTIL)
                    .expectTriggeredDeadlinesWithName(Attempt.KEY_EXPIRY)
                    .expectNoEvents();
        }
    }

    @Nested
    class VoidAttemptSpec {

        @Test
        void givenAnOpenedAttempt_whenVoided_thenVoidedWithoutOutcomeAndTheKeyExpiryCancelled() {
            fixture.givenCommands(open())
                    .when(new VoidAttempt(ATTEMPT, "  " + REASON + " "))
                    .expectEvents(voided(AttemptStatus.OPENED, null))
                    .expectNoScheduledDeadlines();
        }

        @Test
        void givenAStartedAttempt_whenVoided_thenVoidedWithoutOutcomeAndTheTimeLimitCancelled() {
            fixture.givenCommands(open(), new StartAttempt(ATTEMPT, NUMBER, firstKey()))
                    .when(new VoidAttempt(ATTEMPT, REASON))
                    .expectEvents(voided(AttemptStatus.STARTED, null))
                    .expectNoScheduledDeadlines();
        }

        @ParameterizedTest
        @ValueSource(strings = {"PASS", "FAIL"})
        void givenASubmittedAttempt_whenVoided_thenVoidedKeepingTheOutcomeItHad(Outcome outcome) {
            AttemptSubmitted result = submitted(
                    SubmittedBy.CANDIDATE,
                    ENDS_AT,
                    outcome == Outcome.PASS ? 2 : 0,
                    outcome == Outcome.PASS ? 66.7 : 0.0,
                    60,
                    outcome);
            fixture.given(OPENED, STARTED, result)
                    .when(new VoidAttempt(ATTEMPT, REASON))
                    .expectEvents(voided(AttemptStatus.SUBMITTED, outcome));
        }

        @Test
        void givenAVoidedAttempt_whenVoidedAgain_thenRefused() {
            fixture.given(OPENED, STARTED, SUBMITTED_PASS, voided(AttemptStatus.SUBMITTED, Outcome.PASS))
                    .when(new VoidAttempt(ATTEMPT, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The attempt is already VOIDED")
                    .expectNoEvents();
        }

        @Test
        void givenAnExpiredAttempt_whenVoided_thenRefused() {
            fixture.given(OPENED, keyExpired())
                    .when(new VoidAttempt(ATTEMPT, REASON))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("The attempt's access key expired unused at 2026-11-26T11:00:00Z;"
                            + " an EXPIRED attempt has nothing to void")
                    .expectNoEvents();
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"  "})
        void givenNoReason_whenVoided_thenRefusedOnReasonAndTheDeadlineKept(String reason) {
            fixture.givenCommands(open())
                    .when(new VoidAttempt(ATTEMPT, reason))
                    .expectException(InvalidField.named("reason"))
                    .expectNoEvents()
                    .expectScheduledDeadlineWithName(KEY_VALID_UNTIL, Attempt.KEY_EXPIRY);
        }
    }

    /** The whole sitting through the handlers, as the API drives it. */
    @Nested
    class SittingSpec {

        @Test
        void givenAnOpenedAttempt_whenTheCandidateStartsAnswersAndSubmits_thenEveryStepIsRecorded() {
            TestExecutor<Attempt> given = fixture.givenCommands(open(), new StartAttempt(ATTEMPT, NUMBER, firstKey()));
            Question first = storedStart().questions().get(0);
            int correct = SampleBank.correctOption(first.itemId());
            String rightLetter = first.options().stream()
                    .filter(option -> option.itemOption() == correct)
                    .findFirst()
                    .orElseThrow()
                    .optionId();
            String wrongLetter = first.options().stream()
                    .map(Option::optionId)
                    .filter(letter -> !letter.equals(rightLetter))
                    .findFirst()
                    .orElseThrow();
            clock.set(NOW.plus(Duration.ofMinutes(5)));

            given.andGivenCommands(
                            new AnswerQuestion(ATTEMPT, "Q1", wrongLetter),
                            new AnswerQuestion(ATTEMPT, "Q1", rightLetter),
                            new AnswerQuestion(ATTEMPT, "Q1", rightLetter))
                    .when(new SubmitAttempt(ATTEMPT))
                    .expectResultMessagePayload(new AttemptResult(ATTEMPT, 1, 3, 33.3, Outcome.FAIL));

            // the same answer again recorded nothing: two answers, the change naming the one it replaced
            assertThat(storedEvents())
                    .extracting(event -> event.getClass().getSimpleName())
                    .containsExactly(
                            "AttemptOpened", "AttemptStarted", "AnswerChosen", "AnswerChosen", "AttemptSubmitted");
            assertThat(storedEvents().get(3))
                    .isEqualTo(new AnswerChosen(
                            ATTEMPT,
                            CANDIDATE,
                            CENTRE,
                            "Q1",
                            first.itemId(),
                            rightLetter,
                            correct,
                            wrongLetter,
                            NOW.plus(Duration.ofMinutes(5))));
        }
    }
}
