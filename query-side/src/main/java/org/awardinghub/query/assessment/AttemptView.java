package org.awardinghub.query.assessment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.PauseKind;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Erased;

/**
 * An attempt for centre users and IMI staff: who opened it, when it ran, its result and, for IMI staff only, one
 * mark per question (which questions were answered right; centre users get none, {@link #withoutMarks}). {@code result} and {@code marks} are
 * null/empty until marked; {@code voidReason} and {@code voidedAt} are set once voided. {@code paused} and
 * {@code pausedAt} say whether an invigilator has it paused now; {@code pauses} lists every pause, resumed or not,
 * and {@code endsAt} is the end as moved by the pauses resumed so far. {@code adjustments} are the access
 * arrangements applied when it started (null: none), for the invigilator to see who may take a rest break, who has
 * a reader or sits apart.
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
        List<Pause> pauses,
        Adjustments adjustments) {

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

    /** The access arrangements applied when the attempt started (ADR 0153): what the invigilator is shown. */
    AttemptView with(Adjustments adjustments) {
        return copy(
                status,
                startedAt,
                endsAt,
                submittedAt,
                submittedBy,
                result,
                marks,
                voidReason,
                voidedAt,
                paused,
                pausedAt,
                pauses,
                adjustments);
    }

    /**
     * The attempt without its marks: the result stays, but not which questions were answered right, which beside
     * the options chosen would tell the centre the bank's answers.
     */
    public AttemptView withoutMarks() {
        return state(status, startedAt, endsAt, submittedAt, submittedBy, result, List.of(), voidReason, voidedAt);
    }

    /** The same attempt in another state; a pause ends with the attempt: submitted at the longest pause, or voided. */
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
        boolean running = status == AttemptStatus.STARTED;
        return copy(
                status,
                startedAt,
                endsAt,
                submittedAt,
                submittedBy,
                result,
                marks,
                voidReason,
                voidedAt,
                paused && running,
                running ? pausedAt : null,
                pauses,
                adjustments);
    }

    /**
     * The candidate erased (ADR 0165): a void's reason and every pause's read "(erased)", as the events now read; the
     * result, marks and times stay.
     */
    AttemptView withoutPersonalData() {
        return copy(
                status,
                startedAt,
                endsAt,
                submittedAt,
                submittedBy,
                result,
                marks,
                Erased.text(voidReason),
                voidedAt,
                paused,
                pausedAt,
                pauses == null
                        ? List.of()
                        : pauses.stream()
                                .map(pause -> new Pause(
                                        pause.kind(),
                                        Erased.text(pause.reason()),
                                        pause.byPin(),
                                        pause.pausedAt(),
                                        pause.resumedByPin(),
                                        pause.resumedAt(),
                                        pause.pausedMillis()))
                                .toList(),
                adjustments);
    }

    /** Paused by the invigilator: a new pause, not yet resumed. */
    AttemptView pausedBy(Pause pause) {
        List<Pause> all = new ArrayList<>(pauses == null ? List.of() : pauses);
        all.add(pause);
        return copy(
                status,
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
                all,
                adjustments);
    }

    /** Resumed: the last pause closes, and the end moves to {@code movedEnd}. */
    AttemptView resumed(String byPin, Instant resumedAt, long pausedMillis, Instant movedEnd) {
        List<Pause> all = new ArrayList<>(pauses == null ? List.of() : pauses);
        if (!all.isEmpty()) {
            Pause last = all.remove(all.size() - 1);
            all.add(new Pause(
                    last.kind(), last.reason(), last.byPin(), last.pausedAt(), byPin, resumedAt, pausedMillis));
        }
        return copy(
                status,
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
                all,
                adjustments);
    }

    /** The same attempt, opened as it was, with everything that changes after the opening given. */
    private AttemptView copy(
            AttemptStatus status,
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
            List<Pause> pauses,
            Adjustments adjustments) {
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
                paused,
                pausedAt,
                pauses == null ? List.of() : List.copyOf(pauses),
                adjustments);
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
