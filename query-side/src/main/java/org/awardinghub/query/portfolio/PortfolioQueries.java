package org.awardinghub.query.portfolio;

/** The ePortfolio's queries. */
public final class PortfolioQueries {

    private PortfolioQueries() {}

    /** One candidate's portfolio; null when nothing has happened in it yet. */
    public record FindPortfolio(String candidateId) {}

    /** The evidence awaiting the assessor's judgement across the candidates they assess, oldest first. */
    public record ListAssessorQueue(String assessorUserId) {}

    /** The sampled sign-offs awaiting the IQA's decision across the candidates they quality-assure, oldest first. */
    public record ListIqaQueue(String iqaUserId) {}

    /** The centre's sampling plan ({@code SamplingPlanView}) as last set; null when it never set one. */
    public record FindSamplingPlan(String centreId) {}

    /** Every portfolio of the centre's candidates, with progress. */
    public record ListCentreProgress(String centreId) {}

    /**
     * Per member of staff of the centre: evidence awaiting their judgement (and the age in days of the oldest) and
     * samples due to them. For the personnel reports' workloads.
     */
    public record AssessorWorkloads(String centreId) {}
}
