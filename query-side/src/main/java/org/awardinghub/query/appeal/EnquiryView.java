package org.awardinghub.query.appeal;

import java.time.Instant;
import org.awardinghub.events.appeal.AppealDecision;
import org.awardinghub.events.appeal.ReCheckOutcome;
import org.awardinghub.events.assessment.Outcome;
import org.awardinghub.query.DocumentMapper;
import org.awardinghub.query.Erased;

/**
 * An enquiry about a result and its appeal: the result as it stood ({@code originalOutcome}, {@code originalScore}
 * out of {@code maxScore}), the clerical re-check, and the appeal once lodged. {@code stage} is
 * {@value #RE_CHECKED} (the centre may appeal), {@value #APPEALED} (waiting for IMI) or {@value #APPEAL_DECIDED}.
 */
public record EnquiryView(
        @DocumentMapper.Id String enquiryId,
        String attemptId,
        String candidateId,
        String centreId,
        String qualificationCode,
        String assessmentCode,
        String stage,
        String reasons,
        String raisedByUserId,
        Instant raisedAt,
        Outcome originalOutcome,
        int originalScore,
        int maxScore,
        ReCheck reCheck,
        Appeal appeal) {

    public static final String RAISED = "RAISED";
    public static final String RE_CHECKED = "RE_CHECKED";
    public static final String APPEALED = "APPEALED";
    public static final String APPEAL_DECIDED = "APPEAL_DECIDED";

    public record ReCheck(ReCheckOutcome result, Outcome outcome, int score, double percent, Instant completedAt) {}

    /** {@code decision} and what follows it are null until IMI decides. */
    public record Appeal(
            String reasons,
            String lodgedByUserId,
            Instant lodgedAt,
            AppealDecision decision,
            Outcome outcome,
            Integer score,
            String reason,
            String decidedByUserId,
            String decidedByPin,
            Instant decidedAt) {

        Appeal withoutPersonalData() {
            return new Appeal(
                    Erased.text(reasons),
                    lodgedByUserId,
                    lodgedAt,
                    decision,
                    outcome,
                    score,
                    Erased.text(reason),
                    decidedByUserId,
                    decidedByPin,
                    decidedAt);
        }
    }

    /**
     * The candidate erased (ADR 0165): the centre's reasons, the appeal's and IMI's decision's read "(erased)", as the
     * events now read; the results and stages stay.
     */
    EnquiryView withoutPersonalData() {
        return new EnquiryView(
                enquiryId,
                attemptId,
                candidateId,
                centreId,
                qualificationCode,
                assessmentCode,
                stage,
                Erased.text(reasons),
                raisedByUserId,
                raisedAt,
                originalOutcome,
                originalScore,
                maxScore,
                reCheck,
                appeal == null ? null : appeal.withoutPersonalData());
    }

    EnquiryView with(String stage, ReCheck reCheck, Appeal appeal) {
        return new EnquiryView(
                enquiryId,
                attemptId,
                candidateId,
                centreId,
                qualificationCode,
                assessmentCode,
                stage,
                reasons,
                raisedByUserId,
                raisedAt,
                originalOutcome,
                originalScore,
                maxScore,
                reCheck,
                appeal);
    }
}
