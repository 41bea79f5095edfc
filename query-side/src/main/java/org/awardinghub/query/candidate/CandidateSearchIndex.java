package org.awardinghub.query.candidate;

import org.awardinghub.query.Page;

/**
 * Answers {@link SearchCandidates}. Two implementations, chosen by {@code awarding.readstore.search-index}
 * ({@link CandidateSearchConfiguration}):
 *
 * <ul>
 *   <li>{@link MemoryCandidateSearchIndex} ({@code memory}, the default): in the application's memory, for the
 *       embedded single-node read store, which scans a whole collection for any query but an {@code _id} or
 *       unique-key lookup;</li>
 *   <li>{@link MongoCandidateSearchIndex} ({@code mongo}): queries on the candidates collection's own search
 *       fields, for a real MongoDB, whose ordinary indexes serve them.</li>
 * </ul>
 *
 * <p>{@link CandidateProjection} writes the collection and tells the index of every candidate it changed.
 */
interface CandidateSearchIndex extends CandidateSearchStatus {

    /**
     * A candidate as the collection now holds it, after the event at {@code sequence}. An index that keeps its
     * own copy keeps the latest: a summary at a sequence no later than the one it has is ignored.
     */
    void put(CandidateSummary candidate, long sequence);

    /** Forgets everything, before a replay rebuilds the collection. */
    void clear();

    /** One page of candidates; page and size clamped as every list is. Items are {@link CandidateSummary}s. */
    Page<CandidateSummary> search(SearchCandidates query);
}
