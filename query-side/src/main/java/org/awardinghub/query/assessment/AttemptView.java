package org.awardinghub.query.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.PauseKind;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.query.DocumentMapper;

/**
 * An attempt for centre users and IMI staff: who opened it, when it ran, its result and, for IMI staff only, one
 * mark per question (which questions were answered right; centre users get none, {@link #withoutMarks}). {@code result} and {@code marks} are
 * null/empty until marked; {@code voidReason} and {@code voidedAt} are set once voided. {@code paused} and
 * {@code pausedAt} say whether an invigilator has it paused now; {@code pauses} lists every pause, resumed or not,
 * and {@code endsAt} is the end as moved by the pauses resumed so far.
 */
public record AttemptView(
        @DocumentMapper.Id String attemptId,
        String candidateId,
        String registrationNumber,
        String centreId,
        String qualificationCode,
        String assessmentCode,
        int attemptNumber,
        AttemptStatus status,
        String invigilatorPin,
        Instant openedAt,
        Instant keyValidUntil,
        Instant startedAt,
        Instant endsAt,
        Instant submittedAt,
        SubmittedBy submittedBy,
        Result result,
        List<Mark> marks,
        String voidReason,
        Instant voidedAt,
        boolean paused,
        Instant pausedAt,
        List<Pause> pauses) {

    AttemptView started(Instant startedAt, Instant endsAt) {
        return state(
                AttemptStatus.STARTED,
                startedAt,
                endsAt,
                submittedAt,
                submittedBy,
                result,
                marks,
                voidReason,
                voidedAt);
    }

    AttemptView submitted(
            Instant startedAt,
            Instant endsAt,
            Instant submittedAt,
            SubmittedBy submittedBy,
            Result result,
            List<Mark> marks) {
        return state(
                AttemptStatus.SUBMITTED,
                startedAt,
                endsAt,
                submittedAt,
                submittedBy,
                result,
                marks,
                voidReason,
                voidedAt);
    }

    AttemptView voided(String voidReason, Instant voidedAt) {
        return state(
                AttemptStatus.VOIDED, startedAt, endsAt, submittedAt, submittedBy, result, marks, voidReason, voidedAt);
    }

    AttemptView with(AttemptStatus status) {
        return state(status, startedAt, endsAt, submittedAt, submittedBy, result, marks, voidReason, voidedAt);
    }

    /**
     * The attempt without its marks: the result stays, but not which questions were answered right, which beside
     * the options chosen would tell the centre the bank's answers.
     */
    public AttemptView withoutMarks() {
        return state(status, startedAt, endsAt, submittedAt, submittedBy, result, List.of(), voidReason, voidedAt);
    }

    /** The same attempt, opened as it was, in another state. */
    private AttemptView state(
            AttemptStatus status,
            Instant startedAt,
            Instant endsAt,
            Instant submittedAt,
            SubmittedBy submittedBy,
            Result result,
            List<Mark> marks,
            String voidReason,
            Instant voidedAt) {
        return new AttemptView(
                attemptId,
                candidateId,
                registrationNumber,
                centreId,
                qualificationCode,
                assessmentCode,
                attemptNumber,
                status,
                invigilatorPin,
                openedAt,
                keyValidUntil,
                startedAt,
                endsAt,
                submittedAt,
                submittedBy,
                result,
                marks,
                voidReason,
                voidedAt,
                // a pause ends with the attempt: submitted at the longest pause, or voided
                paused && status == AttemptStatus.STARTED,
                status == AttemptStatus.STARTED ? pausedAt : null,
                pauses == null ? List.of() : pauses);
    }

    /** Paused by the invigilator: a new pause, not yet resumed. */
    AttemptView pausedBy(Pause pause) {
        List<Pause> all = new ArrayList<>(pauses == null ? List.of() : pauses);
        all.add(pause);
        return new AttemptView(
                attemptId,
                candidateId,
                registrationNumber,
                centreId,
                qualificationCode,
                assessmentCode,
                attemptNumber,
                status,
                invigilatorPin,
                openedAt,
                keyValidUntil,
                startedAt,
                endsAt,
                submittedAt,
                submittedBy,
                result,
                marks,
                voidReason,
                voidedAt,
                true,
                pause.pausedAt(),
                List.copyOf(all));
    }

    /** Resumed: the last pause closes, and the end moves to {@code movedEnd}. */
    AttemptView resumed(String byPin, Instant resumedAt, long pausedMillis, Instant movedEnd) {
        List<Pause> all = new ArrayList<>(pauses == null ? List.of() : pauses);
        if (!all.isEmpty()) {
            Pause last = all.remove(all.size() - 1);
            all.add(new Pause(
                    last.kind(), last.reason(), last.byPin(), last.pausedAt(), byPin, resumedAt, pausedMillis));
        }
        return new AttemptView(
                attemptId,
                candidateId,
                registrationNumber,
                centreId,
                qualificationCode,
                assessmentCode,
                attemptNumber,
                status,
                invigilatorPin,
                openedAt,
                keyValidUntil,
                startedAt,
                movedEnd,
                submittedAt,
                submittedBy,
                result,
                marks,
                voidReason,
                voidedAt,
                false,
                null,
                List.copyOf(all));
    }

    /**
     * One pause: what kind and why, by whom (PIN) and when; {@code resumedAt}, {@code resumedByPin} and
     * {@code pausedMillis} once resumed.
     */
    public record Pause(
            PauseKind kind,
            String reason,
            String byPin,
            Instant pausedAt,
            String resumedByPin,
            Instant resumedAt,
            Long pausedMillis) {}

    public record Result(int score, int maxScore, double percent, int passPercent, Outcome outcome) {}

    /** {@code optionId} is the letter the candidate chose last (null: unanswered). */
    public record Mark(String questionId, String itemId, String optionId, boolean correct) {}
}
