package org.awardinghub.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awardinghub.command.assessment.AttemptTest.ATTEMPT;
import static org.awardinghub.command.assessment.AttemptTest.CANDIDATE;
import static org.awardinghub.command.assessment.AttemptTest.CENTRE;
import static org.awardinghub.command.assessment.AttemptTest.OPENED;
import static org.awardinghub.command.assessment.AttemptTest.STARTED;
import static org.awardinghub.command.assessment.AttemptTest.SUBMITTED_PASS;
import static org.awardinghub.command.assessment.AttemptTest.answered;
import static org.awardinghub.command.assessment.AttemptTest.right;
import static org.awardinghub.command.assessment.AttemptTest.wrong;
import static org.awardinghub.command.assessment.SampleBank.A1;
import static org.awardinghub.command.assessment.SampleBank.MVR_L2;

import java.time.Instant;
import org.awardinghub.command.InvalidField;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.command.RuleViolation;
import org.awardinghub.events.assessment.AttemptOutcomeChanged;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.consideration.ConsiderationDecision;
import org.awardinghub.events.consideration.SpecialConsiderationDecided;
import org.awardinghub.events.qualification.PassMarkChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The attempt's part in post-results reviews (issue 18): re-marking, a corrected result, the re-sit waiver. */
class AttemptReviewTest {

    static final Instant AT = SUBMITTED_PASS.submittedAt();

    LookupDatabase database;
    FixtureConfiguration<Attempt> fixture;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        database.lookup(ItemDirectory.class);
        database.lookup(AttemptDirectory.class);
        database.apply(SampleBank.MVR_L2_PUBLISHED);
        fixture = new AggregateTestFixture<>(Attempt.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    /** Q1 and Q2 right, Q3 unanswered: two of three, a PASS at 60 — as {@link AttemptTest#SUBMITTED_PASS} says. */
    static Attempt submittedAttempt() {
        Attempt attempt = new Attempt();
        attempt.on(OPENED);
        attempt.on(STARTED);
        attempt.on(answered(0, right(0), null, AT.minusSeconds(60)));
        attempt.on(answered(1, right(1), null, AT.minusSeconds(30)));
        attempt.on(SUBMITTED_PASS);
        return attempt;
    }

    @Test
    void givenASubmittedAttempt_whenMarkedAgain_thenTheRecordedResultIsConfirmed() {
        ReMarked reMarked = submittedAttempt().reMarked(database.lookup(ItemDirectory.class));

        assertThat(reMarked.changed()).isFalse();
        assertThat(reMarked.score()).isEqualTo(2);
        assertThat(reMarked.outcome()).isEqualTo(Outcome.PASS);
    }

    @Test
    void givenThePassMarkRaisedSince_whenMarkedAgain_thenTheAttemptsOwnPassMarkStillDecides() {
        database.apply(new PassMarkChanged(MVR_L2, A1, 60, 90, "Raised for the new syllabus"));

        ReMarked reMarked = submittedAttempt().reMarked(database.lookup(ItemDirectory.class));

        assertThat(reMarked.outcome()).isEqualTo(Outcome.PASS);
        assertThat(reMarked.changed()).isFalse();
    }

    @Test
    void givenARecordedScoreTheAnswersDoNotGive_whenMarkedAgain_thenTheReMarkSaysChanged() {
        Attempt attempt = new Attempt();
        attempt.on(OPENED);
        attempt.on(STARTED);
        attempt.on(answered(0, right(0), null, AT.minusSeconds(60)));
        attempt.on(answered(1, wrong(1), null, AT.minusSeconds(30)));
        attempt.on(SUBMITTED_PASS); // recorded 2 of 3, but only one answer is right

        ReMarked reMarked = attempt.reMarked(database.lookup(ItemDirectory.class));

        assertThat(reMarked.changed()).isTrue();
        assertThat(reMarked.score()).isEqualTo(1);
        assertThat(reMarked.outcome()).isEqualTo(Outcome.FAIL);
    }

    @Test
    void givenASubmittedPass_whenTheResultIsCorrectedToAFail_thenTheOutcomeChangeIsRecorded() {
        fixture.given(OPENED, STARTED, SUBMITTED_PASS)
                .when(new ChangeAttemptOutcome(ATTEMPT, "enquiry-1", Outcome.FAIL, 1, "Clerical re-check"))
                .expectEvents(new AttemptOutcomeChanged(
                        ATTEMPT,
                        CANDIDATE,
                        CENTRE,
                        MVR_L2,
                        A1,
                        Outcome.PASS,
                        Outcome.FAIL,
                        2,
                        1,
                        33.3,
                        "Clerical re-check",
                        "enquiry-1"));
    }

    @Test
    void givenTheSameResult_whenCorrected_thenNothingIsRecorded() {
        fixture.given(OPENED, STARTED, SUBMITTED_PASS)
                .when(new ChangeAttemptOutcome(ATTEMPT, "enquiry-1", Outcome.PASS, 2, "Same"))
                .expectNoEvents();
    }

    @Test
    void givenAnOutcomeTheScoreDoesNotGive_whenCorrected_thenTheOutcomeIsNamed() {
        fixture.given(OPENED, STARTED, SUBMITTED_PASS)
                .when(new ChangeAttemptOutcome(ATTEMPT, "enquiry-1", Outcome.PASS, 1, "Wrong"))
                .expectException(InvalidField.named("outcome"));
        fixture.given(OPENED, STARTED, SUBMITTED_PASS)
                .when(new ChangeAttemptOutcome(ATTEMPT, "enquiry-1", Outcome.PASS, 4, "Too many"))
                .expectException(InvalidField.named("score"));
        fixture.given(OPENED, STARTED, SUBMITTED_PASS)
                .when(new ChangeAttemptOutcome(ATTEMPT, "enquiry-1", Outcome.FAIL, 1, " "))
                .expectException(InvalidField.named("reason"));
    }

    @Test
    void givenAVoidedAttempt_whenCorrected_thenItIsRefused() {
        fixture.given(OPENED, STARTED, SUBMITTED_PASS, AttemptTest.voided(AttemptStatus.SUBMITTED, Outcome.PASS))
                .when(new ChangeAttemptOutcome(ATTEMPT, "enquiry-1", Outcome.FAIL, 1, "Late"))
                .expectException(RuleViolation.class);
    }

    @Test
    void givenAVoidAndResitDecision_whenTheNextAttemptOpens_thenTheWaiverIsUsedUp() {
        AttemptDirectory register = database.lookup(AttemptDirectory.class);
        database.apply(new SpecialConsiderationDecided(
                "consideration-1",
                ATTEMPT,
                CANDIDATE,
                CENTRE,
                A1,
                ConsiderationDecision.VOID_AND_RESIT,
                "Fire",
                "user-imi",
                "67890123",
                AT));
        assertThat(register.resitWaived(CANDIDATE, A1)).isTrue();

        database.apply(AttemptTest.openedAsAttempt(2));

        assertThat(register.resitWaived(CANDIDATE, A1)).isFalse();
    }

    @Test
    void givenANoteOnRecordDecision_thenNoWaiverIsHeld() {
        AttemptDirectory register = database.lookup(AttemptDirectory.class);
        database.apply(new SpecialConsiderationDecided(
                "consideration-1",
                ATTEMPT,
                CANDIDATE,
                CENTRE,
                A1,
                ConsiderationDecision.NOTE_ON_RECORD,
                "Noted",
                "user-imi",
                "67890123",
                AT));
        assertThat(register.resitWaived(CANDIDATE, A1)).isFalse();
    }
}
