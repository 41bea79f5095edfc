package org.awardinghub.command.candidate;

/**
 * Who has worked with a candidate, for the rules that keep invigilating and assessing apart: an invigilator may
 * not invigilate a candidate they assess or quality-assure, nor an invigilator assess or quality-assure a candidate
 * they invigilated. Read by the assessment and the ePortfolio alike, so neither reaches into the other. As of the
 * transaction that changed it; read-only.
 */
public interface CandidateStaffDirectory {

    /** Whether the user opened any attempt of the candidate, whatever became of it. */
    boolean invigilated(String userId, String candidateId);

    /** Whether the user is the candidate's assessor or IQA now. */
    boolean assessesOrAssures(String userId, String candidateId);
}
