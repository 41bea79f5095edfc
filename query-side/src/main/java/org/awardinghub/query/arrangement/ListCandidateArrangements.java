package org.awardinghub.query.arrangement;

/**
 * A candidate's access arrangements, newest request first; with {@code page} and {@code size} answers a
 * {@code Page<ArrangementView>}, otherwise use {@link #all}, which answers the whole list.
 */
public record ListCandidateArrangements(String candidateId, int page, int size, boolean all) {

    public static ListCandidateArrangements all(String candidateId) {
        return new ListCandidateArrangements(candidateId, 0, 0, true);
    }
}
