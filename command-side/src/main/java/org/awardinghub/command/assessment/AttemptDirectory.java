package org.awardinghub.command.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the command side knows of every attempt: its candidate, assessment, status and outcome, as of the transaction
 * that changed it. Read-only: kept from the events by {@link AttemptDirectoryTable}, in the transaction that stores
 * them.
 */
public interface AttemptDirectory {

    Optional<AttemptEntry> find(String attemptId);

    /** The candidate's attempts at the assessment, in any status, first attempt first. */
    List<AttemptEntry> attemptsOf(String candidateId, String assessmentCode);

    /** How many attempts the candidate has had at the assessment, whatever became of them: it numbers the next. */
    int attemptCount(String candidateId, String assessmentCode);

    /** The assessments the candidate has passed: a SUBMITTED attempt with outcome PASS; voided ones do not count. */
    Set<String> passedAssessments(String candidateId);

    /**
     * The passing attempt that stands for each assessment the candidate has passed (SUBMITTED with PASS; voided
     * ones do not count), by assessment code in code order: the evidence a certificate claim names. Should there
     * be more than one, the first attempt is the one that achieved it.
     */
    Map<String, String> passingAttempts(String candidateId);

    /**
     * Whether special consideration (VOID_AND_RESIT) waived the wait before the candidate's next attempt at the
     * assessment: a waiver not yet used by an attempt opened since.
     */
    boolean resitWaived(String candidateId, String assessmentCode);

    /**
     * The centre's attempts now STARTED that are paused ({@code paused}) or running: the room an invigilator pauses
     * and resumes in an emergency.
     */
    List<AttemptEntry> runningAt(String centreId, boolean paused);
}
