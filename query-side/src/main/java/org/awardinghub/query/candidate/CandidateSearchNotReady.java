package org.awardinghub.query.candidate;

/**
 * Candidate search cannot answer yet: the in-memory index is still filling after a start (or could not be
 * filled). The API answers 503 with a Retry-After; the candidates themselves are readable by id meanwhile.
 */
public final class CandidateSearchNotReady extends RuntimeException {

    public CandidateSearchNotReady(String message) {
        super(message);
    }
}
