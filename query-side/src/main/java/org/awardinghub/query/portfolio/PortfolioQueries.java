package org.awardinghub.query.portfolio;

/** The ePortfolio's queries. */
public final class PortfolioQueries {

    private PortfolioQueries() {}

    /** One candidate's portfolio; null when nothing has happened in it yet. */
    public record FindPortfolio(String candidateId) {}

    /** The evidence awaiting the assessor's judgement across the candidates they assess, oldest first. */
    public record ListAssessorQueue(String assessorUserId) {}

    /** A {@code Page<AwaitingJudgement>} of {@link ListAssessorQueue}. */
    public record PageAssessorQueue(String assessorUserId, int page, int size) {}

    /** The sampled sign-offs awaiting the IQA's decision across the candidates they quality-assure, oldest first. */
    public record ListIqaQueue(String iqaUserId) {}

    /** A {@code Page<SampleDue>} of {@link ListIqaQueue}. */
    public record PageIqaQueue(String iqaUserId, int page, int size) {}

    /** The centre's sampling plan ({@code SamplingPlanView}) as last set; null when it never set one. */
    public record FindSamplingPlan(String centreId) {}

    /** Every portfolio of the centre's candidates, with progress. */
    public record ListCentreProgress(String centreId) {}

    /** A {@code Page<PortfolioProgress>} of {@link ListCentreProgress}, read as a page of the portfolios. */
    public record PageCentreProgress(String centreId, int page, int size) {}

    /**
     * Per member of staff of the centre: evidence awaiting their judgement (and the age in days of the oldest) and
     * samples due to them. For the personnel reports' workloads.
     */
    public record AssessorWorkloads(String centreId) {}
}
