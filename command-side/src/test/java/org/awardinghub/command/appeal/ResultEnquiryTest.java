package org.awardinghub.command.appeal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.MutableClock;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.command.UnknownRecord;
import org.awardinghub.command.assessment.AttemptRecord;
import org.awardinghub.command.assessment.ChangeAttemptOutcome;
import org.awardinghub.command.assessment.ReMarked;
import org.awardinghub.command.assessment.RecordedAttemptChanges;
import org.awardinghub.command.user.UserDirectory;
import org.awardinghub.events.appeal.AppealDecided;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.appeal.AppealLodged;
import org.awardinghub.events.appeal.ClericalReCheckCompleted;
import org.awardinghub.events.appeal.ReCheckOutcome;
import org.awardinghub.events.appeal.ResultEnquiryRaised;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.user.Role;
import org.awardinghub.events.user.UserCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class ResultEnquiryTest {

    static final String ID = "enquiry-1";
    static final String ATTEMPT = "attempt-1";
    static final String CANDIDATE = "candidate-1";
    static final String CENTRE = "centre-1";
    static final Instant SUBMITTED_AT = Instant.parse("2026-11-26T10:00:00Z");
    static final Instant NOW = SUBMITTED_AT.plus(Duration.ofDays(3));
    static final String REASONS = "Candidate is sure question 3 was answered right";

    static final ResultEnquiryRaised RAISED = raised(ID);
    static final ClericalReCheckCompleted CONFIRMED = new ClericalReCheckCompleted(
            ID, ATTEMPT, CANDIDATE, CENTRE, ReCheckOutcome.CONFIRMED, Outcome.FAIL, Outcome.FAIL, 1, 1, 3, 33.3, NOW);
    static final AppealLodged LODGED =
            new AppealLodged(ID, ATTEMPT, CANDIDATE, CENTRE, "Item 3 is ambiguous", "user-admin", "34567890", NOW);

    /** The enquiry raised on the attempt, with that id. */
    static ResultEnquiryRaised raised(String enquiryId) {
        return new ResultEnquiryRaised(
                enquiryId,
                ATTEMPT,
                CANDIDATE,
                CENTRE,
                "MVR-L2",
                "MVR-L2-A1",
                Outcome.FAIL,
                1,
                3,
                REASONS,
                "user-admin",
                "34567890",
                NOW);
    }

    LookupDatabase database;
    RecordedAttemptChanges attempts;
    MutableClock clock;
    FixtureConfiguration<ResultEnquiry> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        UserDirectory users = database.lookup(UserDirectory.class);
        EnquiryDirectory enquiries = database.lookup(EnquiryDirectory.class);
        database.apply(new UserCreated(
                "user-admin", "34567890", "Al Reed", "al@northgate.ac.uk", Set.of(Role.CENTRE_COORDINATOR), CENTRE));
        database.apply(new UserCreated(
                "user-elsewhere",
                "45678901",
                "Eve Hart",
                "eve@southgate.ac.uk",
                Set.of(Role.CENTRE_ADMIN),
                "centre-2"));
        database.apply(
                new UserCreated("user-imi", "67890123", "Ian Bell", "ian@theimi.org.uk", Set.of(Role.IMI_ADMIN), null));
        attempts = new RecordedAttemptChanges();
        attempts.attempt = new AttemptRecord(
                ATTEMPT,
                CANDIDATE,
                CENTRE,
                "MVR-L2",
                "MVR-L2-A1",
                AttemptStatus.SUBMITTED,
                Outcome.FAIL,
                1,
                3,
                SUBMITTED_AT);
        attempts.reMarked = new ReMarked(ATTEMPT, Outcome.FAIL, 1, Outcome.FAIL, 1, 3, 33.3);
        clock = new MutableClock(NOW);
        fixture = new AggregateTestFixture<>(ResultEnquiry.class);
        fixture.registerInjectableResource(attempts);
        fixture.registerInjectableResource(users);
        fixture.registerInjectableResource(enquiries);
        fixture.registerInjectableResource(EnquiryPolicy.defaults());
        fixture.registerInjectableResource(clock);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    @Nested
    class Raising {

        @Test
        void givenAResultMarkedRight_whenTheCentreAsksForAReview_thenTheReCheckConfirmsIt() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseResultEnquiry(ID, ATTEMPT, REASONS, "user-admin"))
                    .expectEvents(RAISED, CONFIRMED);
            assertThat(attempts.changes).isEmpty();
        }

        @Test
        void givenAResultMarkedWrong_whenTheCentreAsksForAReview_thenTheReCheckChangesItOnTheAttempt() {
            attempts.reMarked = new ReMarked(ATTEMPT, Outcome.FAIL, 1, Outcome.PASS, 2, 3, 66.7);
            fixture.givenNoPriorActivity()
                    .when(new RaiseResultEnquiry(ID, ATTEMPT, REASONS, "user-admin"))
                    .expectEvents(
                            RAISED,
                            new ClericalReCheckCompleted(
                                    ID,
                                    ATTEMPT,
                                    CANDIDATE,
                                    CENTRE,
                                    ReCheckOutcome.CHANGED,
                                    Outcome.FAIL,
                                    Outcome.PASS,
                                    1,
                                    2,
                                    3,
                                    66.7,
                                    NOW));
            assertThat(attempts.changes).singleElement().isInstanceOfSatisfying(ChangeAttemptOutcome.class, change -> {
                assertThat(change.outcome()).isEqualTo(Outcome.PASS);
                assertThat(change.score()).isEqualTo(2);
                assertThat(change.enquiryId()).isEqualTo(ID);
            });
        }

        @Test
        void givenThirtyDaysHavePassed_whenAskingForAReview_thenItIsRefusedAsLate() {
            clock.set(SUBMITTED_AT.plus(Duration.ofDays(30)).plusSeconds(1));
            fixture.givenNoPriorActivity()
                    .when(new RaiseResultEnquiry(ID, ATTEMPT, REASONS, "user-admin"))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenAnAttemptNotSubmitted_whenAskingForAReview_thenItIsRefused() {
            attempts.attempt = new AttemptRecord(
                    ATTEMPT,
                    CANDIDATE,
                    CENTRE,
                    "MVR-L2",
                    "MVR-L2-A1",
                    AttemptStatus.VOIDED,
                    Outcome.FAIL,
                    1,
                    3,
                    SUBMITTED_AT);
            fixture.givenNoPriorActivity()
                    .when(new RaiseResultEnquiry(ID, ATTEMPT, REASONS, "user-admin"))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenAUserOfAnotherCentre_whenAskingForAReview_thenTheAttemptIsUnknownToThem() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseResultEnquiry(ID, ATTEMPT, REASONS, "user-elsewhere"))
                    .expectException(UnknownRecord.class);
        }

        @Test
        void givenAnEnquiryAlreadyRaisedOnTheAttempt_whenAskingAgain_thenItIsRefused() {
            database.apply(RAISED);
            fixture.givenNoPriorActivity()
                    .when(new RaiseResultEnquiry("enquiry-2", ATTEMPT, REASONS, "user-admin"))
                    .expectException(RuleViolation.class);
        }

        /** Two enquiries checked at the same moment (on two nodes) both find none; the later write fails. */
        @Test
        void givenAnEnquiryRecordedOnTheAttempt_whenASecondIsRecorded_thenTheWriteFails() {
            database.apply(RAISED);
            assertThatThrownBy(() -> database.apply(raised("enquiry-2")))
                    .isInstanceOf(DataIntegrityViolationException.class);
        }

        @Test
        void givenNoReasons_whenAskingForAReview_thenTheFieldIsNamed() {
            fixture.givenNoPriorActivity()
                    .when(new RaiseResultEnquiry(ID, ATTEMPT, "", "user-admin"))
                    .expectException(InvalidField.named("reasons"));
        }
    }

    @Nested
    class Appealing {

        @Test
        void givenAReCheck_whenTheCentreAppealsInTime_thenTheAppealIsLodged() {
            fixture.given(RAISED, CONFIRMED)
                    .when(new LodgeAppeal(ID, ATTEMPT, "Item 3 is ambiguous", "user-admin"))
                    .expectEvents(LODGED);
        }

        @Test
        void givenFourteenDaysAfterTheReCheck_whenAppealing_thenItIsRefusedAsLate() {
            clock.set(NOW.plus(Duration.ofDays(14)).plusSeconds(1));
            fixture.given(RAISED, CONFIRMED)
                    .when(new LodgeAppeal(ID, ATTEMPT, "Item 3 is ambiguous", "user-admin"))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenAnAppealLodged_whenAppealingAgain_thenItIsRefused() {
            fixture.given(RAISED, CONFIRMED, LODGED)
                    .when(new LodgeAppeal(ID, ATTEMPT, "Again", "user-admin"))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenAUserOfAnotherCentre_whenAppealing_thenTheAttemptIsUnknownToThem() {
            fixture.given(RAISED, CONFIRMED)
                    .when(new LodgeAppeal(ID, ATTEMPT, "Item 3 is ambiguous", "user-elsewhere"))
                    .expectException(UnknownRecord.class);
        }

        @Test
        void givenAnEnquiryNamedUnderAnotherAttempt_whenAppealing_thenUnknownAndNothingLodged() {
            fixture.given(RAISED, CONFIRMED)
                    .when(new LodgeAppeal(ID, "attempt-of-another-centre", "Item 3 is ambiguous", "user-admin"))
                    .expectException(UnknownRecord.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class Deciding {

        @Test
        void givenAnAppeal_whenImiUpholdsIt_thenTheDecisionIsRecordedAndTheAttemptCorrected() {
            fixture.given(RAISED, CONFIRMED, LODGED)
                    .when(new DecideAppeal(
                            ID, AppealDecision.UPHELD, Outcome.PASS, 2, "Item 3 defective: credited", "user-imi"))
                    .expectEvents(new AppealDecided(
                            ID,
                            ATTEMPT,
                            CANDIDATE,
                            CENTRE,
                            AppealDecision.UPHELD,
                            Outcome.FAIL,
                            Outcome.PASS,
                            1,
                            2,
                            "Item 3 defective: credited",
                            "user-imi",
                            "67890123",
                            NOW));
            assertThat(attempts.changes)
                    .containsExactly(new ChangeAttemptOutcome(
                            ATTEMPT, ID, Outcome.PASS, 2, "Appeal upheld: Item 3 defective: credited"));
        }

        @Test
        void givenAnAppeal_whenImiDismissesIt_thenTheResultStands() {
            fixture.given(RAISED, CONFIRMED, LODGED)
                    .when(new DecideAppeal(ID, AppealDecision.DISMISSED, null, null, "Item is clear", "user-imi"))
                    .expectEvents(new AppealDecided(
                            ID,
                            ATTEMPT,
                            CANDIDATE,
                            CENTRE,
                            AppealDecision.DISMISSED,
                            Outcome.FAIL,
                            Outcome.FAIL,
                            1,
                            1,
                            "Item is clear",
                            "user-imi",
                            "67890123",
                            NOW));
            assertThat(attempts.changes).isEmpty();
        }

        @Test
        void givenADecidedAppeal_whenDecidedAgain_thenTheSecondIsRefused() {
            fixture.given(
                            RAISED,
                            CONFIRMED,
                            LODGED,
                            new AppealDecided(
                                    ID,
                                    ATTEMPT,
                                    CANDIDATE,
                                    CENTRE,
                                    AppealDecision.DISMISSED,
                                    Outcome.FAIL,
                                    Outcome.FAIL,
                                    1,
                                    1,
                                    "Item is clear",
                                    "user-imi",
                                    "67890123",
                                    NOW))
                    .when(new DecideAppeal(ID, AppealDecision.UPHELD, Outcome.PASS, 2, "Second go", "user-imi"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void givenNoAppeal_whenDeciding_thenThereIsNothingToDecide() {
            fixture.given(RAISED, CONFIRMED)
                    .when(new DecideAppeal(ID, AppealDecision.DISMISSED, null, null, "Nothing", "user-imi"))
                    .expectException(RuleViolation.class);
        }

        @Test
        void givenAnUpheldAppealWithoutAChange_whenDeciding_thenTheScoreIsNamed() {
            fixture.given(RAISED, CONFIRMED, LODGED)
                    .when(new DecideAppeal(ID, AppealDecision.UPHELD, Outcome.FAIL, 1, "Upheld", "user-imi"))
                    .expectException(InvalidField.named("score"));
            fixture.given(RAISED, CONFIRMED, LODGED)
                    .when(new DecideAppeal(ID, AppealDecision.UPHELD, null, 2, "Upheld", "user-imi"))
                    .expectException(InvalidField.named("outcome"));
        }

        @Test
        void givenACentreUser_whenDeciding_thenOnlyImiAdminsMay() {
            fixture.given(RAISED, CONFIRMED, LODGED)
                    .when(new DecideAppeal(ID, AppealDecision.DISMISSED, null, null, "Mine", "user-admin"))
                    .expectException(RuleViolation.class);
        }
    }
}
