package org.awardinghub.command.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awardinghub.command.LookupDatabase;
import org.awardinghub.events.assessment.AttemptKeyExpired;
import org.awardinghub.events.assessment.AttemptOpened;
import org.awardinghub.events.assessment.AttemptStarted;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.AttemptSubmitted;
import org.awardinghub.events.assessment.AttemptVoided;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;

class AttemptDirectoryTest {

    static final String CANDIDATE = "candidate-1";
    static final String CENTRE = "centre-1";
    static final String A1 = "MVR-L2-A1";
    static final String A2 = "MVR-L2-A2";
    static final Instant OPENED_AT = Instant.parse("2026-11-20T09:00:00Z");
    static final Instant SUBMITTED_AT = Instant.parse("2026-11-20T10:05:30.123Z");

    LookupDatabase database;
    AttemptDirectory register;

    @BeforeEach
    void setUp() {
        database = LookupDatabase.create();
        register = database.lookup(AttemptDirectory.class);
    }

    @AfterEach
    void tearDown() {
        database.close();
    }

    static AttemptOpened opened(String attemptId, String candidateId, String assessmentCode, int number) {
        return new AttemptOpened(
                attemptId,
                candidateId,
                "7KQ3MZ9B",
                CENTRE,
                "MVR-L2",
                assessmentCode,
                number,
                3,
                60,
                60,
                "user-inv",
                "23456789",
                OPENED_AT,
                OPENED_AT.plus(Duration.ofHours(2)));
    }

    static AttemptStarted started(String attemptId) {
        return new AttemptStarted(
                attemptId,
                CANDIDATE,
                CENTRE,
                A1,
                OPENED_AT.plusSeconds(60),
                OPENED_AT.plusSeconds(3660),
                1L,
                List.of());
    }

    static AttemptSubmitted submitted(String attemptId, String assessmentCode, Outcome outcome) {
        return new AttemptSubmitted(
                attemptId,
                CANDIDATE,
                CENTRE,
                "MVR-L2",
                assessmentCode,
                SubmittedBy.CANDIDATE,
                OPENED_AT.plusSeconds(60),
                OPENED_AT.plusSeconds(3660),
                SUBMITTED_AT,
                2,
                3,
                66.7,
                60,
                outcome,
                List.of(),
                AttemptSubmitted.AnswerChanges.NONE);
    }

    static AttemptVoided voided(String attemptId, AttemptStatus previous, Outcome outcome) {
        return new AttemptVoided(attemptId, CANDIDATE, CENTRE, A1, previous, outcome, "Malpractice");
    }

    @Test
    void givenNoAttempts_whenAsked_thenNothing() {
        assertThat(register.find("attempt-1")).isEmpty();
        assertThat(register.attemptsOf(CANDIDATE, A1)).isEmpty();
        assertThat(register.attemptCount(CANDIDATE, A1)).isZero();
        assertThat(register.passedAssessments(CANDIDATE)).isEmpty();
    }

    @Test
    void givenAttemptOpened_whenFound_thenOpenedWithoutResult() {
        database.apply(opened("attempt-1", CANDIDATE, A1, 1));

        assertThat(register.find("attempt-1"))
                .contains(new AttemptEntry("attempt-1", CANDIDATE, CENTRE, A1, AttemptStatus.OPENED, null, null));
        assertThat(register.attemptCount(CANDIDATE, A1)).isEqualTo(1);
        assertThat(register.attemptCount(CANDIDATE, A2)).isZero();
    }

    @Test
    void givenAttemptStartedAndSubmitted_whenFound_thenSubmittedWithOutcomeAndTimeToTheMillisecond() {
        database.apply(opened("attempt-1", CANDIDATE, A1, 1));
        database.apply(started("attempt-1"));
        assertThat(register.find("attempt-1"))
                .get()
                .extracting(AttemptEntry::status)
                .isEqualTo(AttemptStatus.STARTED);

        database.apply(submitted("attempt-1", A1, Outcome.FAIL));

        assertThat(register.find("attempt-1"))
                .contains(new AttemptEntry(
                        "attempt-1", CANDIDATE, CENTRE, A1, AttemptStatus.SUBMITTED, Outcome.FAIL, SUBMITTED_AT));
    }

    /** Two invigilators opening at the same moment: the second insert fails, and its command rolls back. */
    @Test
    void givenAnOpenAttempt_whenAnotherOpensForTheSameCandidateAndAssessment_thenThePrimaryKeyRefusesIt() {
        database.apply(opened("attempt-1", CANDIDATE, A1, 1));

        assertThatThrownBy(() -> database.apply(opened("attempt-2", CANDIDATE, A1, 2)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void givenAnOpenAttempt_whenAnotherOpensOnAnotherAssessmentOrForAnotherCandidate_thenAccepted() {
        database.apply(opened("attempt-1", CANDIDATE, A1, 1));
        database.apply(opened("attempt-2", CANDIDATE, A2, 1));
        database.apply(opened("attempt-3", "candidate-2", A1, 1));

        assertThat(database.jdbc().queryForObject("SELECT COUNT(*) FROM open_attempts", Integer.class))
                .isEqualTo(3);
    }

    @Test
    void givenAttemptSubmitted_whenTheNextOpens_thenAccepted() {
        database.apply(opened("attempt-1", CANDIDATE, A1, 1));
        database.apply(started("attempt-1"));
        database.apply(submitted("attempt-1", A1, Outcome.FAIL));

        database.apply(opened("attempt-2", CANDIDATE, A1, 2));

        assertThat(register.attemptsOf(CANDIDATE, A1))
                .extracting(AttemptEntry::attemptId)
                .containsExactly("attempt-1", "attempt-2");
        assertThat(register.attemptCount(CANDIDATE, A1)).isEqualTo(2);
    }

    @Test
    void givenKeyExpired_whenTheNextOpens_thenAcceptedAndTheExpiredOneStillCounted() {
        database.apply(opened("attempt-1", CANDIDATE, A1, 1));
        database.apply(new AttemptKeyExpired("attempt-1", CANDIDATE, CENTRE, A1, OPENED_AT.plusSeconds(7200)));

        database.apply(opened("attempt-2", CANDIDATE, A1, 2));

        assertThat(register.find("attempt-1"))
                .get()
                .extracting(AttemptEntry::status)
                .isEqualTo(AttemptStatus.EXPIRED);
        assertThat(register.attemptCount(CANDIDATE, A1)).isEqualTo(2);
    }

    @Test
    void givenAttemptVoided_whenTheNextOpens_thenAcceptedAndTheVoidedOneKeepsItsOutcome() {
        database.apply(opened("attempt-1", CANDIDATE, A1, 1));
        database.apply(started("attempt-1"));
        database.apply(submitted("attempt-1", A1, Outcome.PASS));
        database.apply(voided("attempt-1", AttemptStatus.SUBMITTED, Outcome.PASS));
        database.apply(opened("attempt-2", CANDIDATE, A1, 2));
        database.apply(voided("attempt-2", AttemptStatus.OPENED, null));

        database.apply(opened("attempt-3", CANDIDATE, A1, 3));

        assertThat(register.attemptsOf(CANDIDATE, A1))
                .containsExactly(
                        new AttemptEntry(
                                "attempt-1", CANDIDATE, CENTRE, A1, AttemptStatus.VOIDED, Outcome.PASS, SUBMITTED_AT),
                        new AttemptEntry("attempt-2", CANDIDATE, CENTRE, A1, AttemptStatus.VOIDED, null, null),
                        new AttemptEntry("attempt-3", CANDIDATE, CENTRE, A1, AttemptStatus.OPENED, null, null));
    }

    @Test
    void givenPassesFailsAndVoids_whenPassedAssessmentsAsked_thenOnlySubmittedPassesThatStand() {
        database.apply(opened("attempt-1", CANDIDATE, A1, 1));
        database.apply(submitted("attempt-1", A1, Outcome.PASS));
        database.apply(opened("attempt-2", CANDIDATE, A2, 1));
        database.apply(submitted("attempt-2", A2, Outcome.PASS));
        database.apply(voided("attempt-2", AttemptStatus.SUBMITTED, Outcome.PASS));
        database.apply(opened("attempt-3", CANDIDATE, "MVR-L2-A3", 1));
        database.apply(submitted("attempt-3", "MVR-L2-A3", Outcome.FAIL));
        database.apply(opened("attempt-4", "candidate-2", "MVR-L2-A4", 1));
        database.apply(submitted("attempt-4", "MVR-L2-A4", Outcome.PASS));

        assertThat(register.passedAssessments(CANDIDATE)).containsExactly(A1);
    }

    @Test
    void givenPassesFailsAndAVoidedPass_whenAskedForPassingAttempts_thenThePassesThatStandByAssessment() {
        database.apply(opened("attempt-a2", CANDIDATE, A2, 1));
        database.apply(submitted("attempt-a2", A2, Outcome.PASS));
        database.apply(opened("attempt-a1-fail", CANDIDATE, A1, 1));
        database.apply(submitted("attempt-a1-fail", A1, Outcome.FAIL));
        database.apply(opened("attempt-a1-void", CANDIDATE, A1, 2));
        database.apply(submitted("attempt-a1-void", A1, Outcome.PASS));
        database.apply(voided("attempt-a1-void", AttemptStatus.SUBMITTED, Outcome.PASS));

        assertThat(register.passingAttempts(CANDIDATE)).containsExactly(Map.entry(A2, "attempt-a2"));

        database.apply(opened("attempt-a1-pass", CANDIDATE, A1, 3));
        database.apply(submitted("attempt-a1-pass", A1, Outcome.PASS));

        assertThat(register.passingAttempts(CANDIDATE))
                .containsExactly(Map.entry(A1, "attempt-a1-pass"), Map.entry(A2, "attempt-a2"));
        assertThat(register.passingAttempts("candidate-2")).isEmpty();
    }

    @Test
    void givenTwoPassesAtOneAssessment_whenAskedForPassingAttempts_thenTheFirstAchievedIt() {
        database.apply(opened("attempt-later", CANDIDATE, A1, 2));
        database.apply(submitted("attempt-later", A1, Outcome.PASS));
        database.apply(opened("attempt-first", CANDIDATE, A1, 1));
        database.apply(submitted("attempt-first", A1, Outcome.PASS));

        assertThat(register.passingAttempts(CANDIDATE)).containsExactly(Map.entry(A1, "attempt-first"));
    }
}
