package org.awardinghub.query.assessment;

import java.time.Instant;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.query.Erased;

/**
 * One attempt in a list, and one entry of a candidate's results: score fields are null until marked. A voided
 * attempt keeps its result but says {@code voided}, with the reason: it no longer counts.
 */
public record AttemptSummary(
        String attemptId,
        String candidateId,
        String registrationNumber,
        String centreId,
        String assessmentCode,
        int attemptNumber,
        AttemptStatus status,
        Instant openedAt,
        Instant startedAt,
        Instant submittedAt,
        Integer score,
        Integer maxScore,
        Double percent,
        Outcome outcome,
        boolean voided,
        String voidReason) {

    /** An attempt as listed: its result flattened, voided when its status says so. */
    static AttemptSummary of(AttemptView attempt) {
        AttemptView.Result result = attempt.result();
        return new AttemptSummary(
                attempt.attemptId(),
                attempt.candidateId(),
                attempt.registrationNumber(),
                attempt.centreId(),
                attempt.assessmentCode(),
                attempt.attemptNumber(),
                attempt.status(),
                attempt.openedAt(),
                attempt.startedAt(),
                attempt.submittedAt(),
                result == null ? null : result.score(),
                result == null ? null : result.maxScore(),
                result == null ? null : result.percent(),
                result == null ? null : result.outcome(),
                attempt.status() == AttemptStatus.VOIDED,
                attempt.voidReason());
    }

    AttemptSummary started(Instant startedAt) {
        return state(
                AttemptStatus.STARTED, startedAt, submittedAt, score, maxScore, percent, outcome, voided, voidReason);
    }

    AttemptSummary submitted(
            Instant startedAt, Instant submittedAt, int score, int maxScore, double percent, Outcome outcome) {
        return state(
                AttemptStatus.SUBMITTED, startedAt, submittedAt, score, maxScore, percent, outcome, voided, voidReason);
    }

    AttemptSummary voided(String voidReason) {
        return state(AttemptStatus.VOIDED, startedAt, submittedAt, score, maxScore, percent, outcome, true, voidReason);
    }

    /** The candidate erased (ADR 0165): a void's reason reads "(erased)", as the event now reads. */
    AttemptSummary withoutPersonalData() {
        return state(
                status, startedAt, submittedAt, score, maxScore, percent, outcome, voided, Erased.text(voidReason));
    }

    AttemptSummary with(AttemptStatus status) {
        return state(status, startedAt, submittedAt, score, maxScore, percent, outcome, voided, voidReason);
    }

    /** The same attempt, opened as it was, in another state. */
    private AttemptSummary state(
            AttemptStatus status,
            Instant startedAt,
            Instant submittedAt,
            Integer score,
            Integer maxScore,
            Double percent,
            Outcome outcome,
            boolean voided,
            String voidReason) {
        return new AttemptSummary(
                attemptId,
                candidateId,
                registrationNumber,
                centreId,
                assessmentCode,
                attemptNumber,
                status,
                openedAt,
                startedAt,
                submittedAt,
                score,
                maxScore,
                percent,
                outcome,
                voided,
                voidReason);
    }
}
