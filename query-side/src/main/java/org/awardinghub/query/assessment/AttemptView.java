package org.awardinghub.query.assessment;

import java.time.Instant;
import java.util.List;
import org.awardinghub.events.assessment.AttemptStatus;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.events.assessment.SubmittedBy;
import org.awardinghub.query.DocumentMapper;

/**
 * An attempt for centre users and IMI staff: who opened it, when it ran, its result and, for IMI staff only, one
 * mark per question (which questions were answered right; centre users get none, {@link #withoutMarks}). {@code result} and {@code marks} are
 * null/empty until marked; {@code voidReason} and {@code voidedAt} are set once voided.
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
        Instant voidedAt) {

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
                voidedAt);
    }

    public record Result(int score, int maxScore, double percent, int passPercent, Outcome outcome) {}

    /** {@code optionId} is the letter the candidate chose last (null: unanswered). */
    public record Mark(String questionId, String itemId, String optionId, boolean correct) {}
}
