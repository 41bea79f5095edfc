package org.awardinghub.query.candidate;

/** Whether candidate search answers yet: an index loaded at start answers only once its load has ended well. */
public interface CandidateSearchStatus {

    boolean ready();
}
