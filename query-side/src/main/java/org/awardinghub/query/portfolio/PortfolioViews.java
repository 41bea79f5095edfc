package org.awardinghub.query.portfolio;

import java.time.Instant;
import java.util.List;

/** The ePortfolio's read models as the API answers them. */
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
            String sampleFeedback) {}

    public record CriterionView(String code, String text, boolean met) {}

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
