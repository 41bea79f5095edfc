package org.awardinghub.query.portfolio;

import java.time.Instant;
import java.util.List;
import org.awardinghub.query.Erased;

/**
 * The ePortfolio's read models as the API answers them. A portfolio's units, their criteria, and its evidence's
 * versions and judgements are stored as they are answered ({@link PortfolioDocument}); the changes events make to a
 * unit are its package-private methods.
 */
public final class PortfolioViews {

    private PortfolioViews() {}

    /** One candidate's portfolio: progress, units with their criteria, and every piece of evidence. */
    public record PortfolioView(
            String candidateId,
            String centreId,
            String qualificationCode,
            String assessorUserId,
            String assessorPin,
            String iqaUserId,
            String iqaPin,
            int criteriaTotal,
            int criteriaMet,
            int percentMet,
            int unitsTotal,
            int unitsSignedOff,
            List<UnitView> units,
            List<EvidenceView> evidence) {}

    /**
     * A portfolio unit: each criterion met or not (by the latest judgement since any send-back), its sign-off and
     * the IQA's sampling: {@code sampleStatus} is null (not signed off or not sampled), DUE, AGREED or SENT_BACK.
     */
    public record UnitView(
            String unitCode,
            String title,
            List<CriterionView> criteria,
            boolean signedOff,
            Instant signedOffAt,
            String signedOffByPin,
            boolean sampled,
            String sampleStatus,
            String sampleFeedback) {

        /** The sample status of a sampled sign-off awaiting the IQA's decision. */
        static final String DUE = "DUE";

        /** Each criterion the judgement names met or not as it says (the last word on it counts); others unchanged. */
        UnitView judged(JudgementView judgement) {
            List<CriterionView> judged = criteria.stream()
                    .map(criterion -> judgement.criteria().stream()
                            .filter(c -> c.code().equals(criterion.code()))
                            .reduce((first, last) -> last)
                            .map(c -> criterion.judged(c.met()))
                            .orElse(criterion))
                    .toList();
            return new UnitView(
                    unitCode,
                    title,
                    judged,
                    signedOff,
                    signedOffAt,
                    signedOffByPin,
                    sampled,
                    sampleStatus,
                    sampleFeedback);
        }

        /** The candidate erased (ADR 0165): the IQA's feedback reads "(erased)"; the sampling's outcome stays. */
        UnitView withoutPersonalData() {
            return new UnitView(
                    unitCode,
                    title,
                    criteria,
                    signedOff,
                    signedOffAt,
                    signedOffByPin,
                    sampled,
                    sampleStatus,
                    Erased.text(sampleFeedback));
        }

        /** Signed off; when drawn for the IQA's sample, the sample is due. */
        UnitView signedOff(Instant signedOffAt, String signedOffByPin, boolean sampled) {
            return new UnitView(
                    unitCode, title, criteria, true, signedOffAt, signedOffByPin, sampled, sampled ? DUE : null, null);
        }

        UnitView sampleAgreed(String feedback) {
            return new UnitView(
                    unitCode, title, criteria, signedOff, signedOffAt, signedOffByPin, sampled, "AGREED", feedback);
        }

        /** Signed off no longer, and every criterion needs a fresh judgement. */
        UnitView sentBack(String feedback) {
            return new UnitView(
                    unitCode,
                    title,
                    criteria.stream().map(criterion -> criterion.judged(false)).toList(),
                    false,
                    signedOffAt,
                    signedOffByPin,
                    sampled,
                    "SENT_BACK",
                    feedback);
        }
    }

    public record CriterionView(String code, String text, boolean met) {

        CriterionView judged(boolean met) {
            return new CriterionView(code, text, met);
        }
    }

    /** A piece of evidence, every version kept, with its hash, and every judgement of it. */
    public record EvidenceView(
            String evidenceId,
            String unitCode,
            int latestVersion,
            boolean awaitingJudgement,
            List<EvidenceVersionView> versions,
            List<JudgementView> judgements) {}

    public record EvidenceVersionView(
            int version,
            List<String> criteria,
            String description,
            String fileName,
            String mediaType,
            long size,
            String sha256,
            String uploadedBy,
            String uploadedByPin,
            Instant uploadedAt) {}

    public record JudgementView(
            int version, List<CriterionJudged> criteria, String feedback, String assessorPin, Instant judgedAt) {}

    public record CriterionJudged(String code, boolean met) {}

    /** Evidence waiting for the assessor's judgement, with how long it has waited. */
    public record AwaitingJudgement(
            String candidateId,
            String centreId,
            String evidenceId,
            int version,
            String unitCode,
            String fileName,
            Instant uploadedAt,
            long ageDays) {}

    /** A sampled sign-off waiting for the IQA's decision. */
    public record SampleDue(
            String candidateId,
            String centreId,
            String unitCode,
            String assessorPin,
            Instant signedOffAt,
            long ageDays) {}

    /** A candidate's progress as the centre's coordinator sees it. */
    public record PortfolioProgress(
            String candidateId,
            String qualificationCode,
            String assessorUserId,
            String iqaUserId,
            int percentMet,
            int unitsSignedOff,
            int unitsTotal,
            int awaitingJudgement,
            int samplesDue) {}

    /** One member of staff's ePortfolio workload at a centre. */
    public record AssessorWorkload(
            String userId, int evidenceAwaitingJudgement, long oldestAwaitingDays, int samplesDue) {}
}
