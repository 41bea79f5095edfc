package org.awardinghub.query.personnel;

/**
 * An assessor's or IQA's current ePortfolio workload, as {@link PersonnelWorkloads} gives it: pieces of evidence
 * awaiting their judgement, how many whole days the oldest of them has waited (null: none waits), and the IQA
 * samples due from them.
 */
public record Workload(long evidenceAwaitingJudgement, Long oldestAwaitingDays, long samplesDue) {

    /** Nothing waiting: the workload of an assessor or IQA whom {@link PersonnelWorkloads#of} leaves out. */
    public static final Workload NONE = new Workload(0, null, 0);
}
