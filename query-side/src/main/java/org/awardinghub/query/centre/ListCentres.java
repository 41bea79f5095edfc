package org.awardinghub.query.centre;

import org.awardinghub.events.centre.CentreStatus;

/**
 * Answers a {@code Page<CentreView>} ordered by name, filtered by what is given (null: no filter): only the centre
 * {@code centreId} (a centre user's own), only centres of {@code status}, and only those whose name contains every
 * word of {@code q} or whose number starts with it.
 */
public record ListCentres(int page, int size, String centreId, CentreStatus status, String q) {

    /** Every centre. */
    public ListCentres(int page, int size) {
        this(page, size, null, null, null);
    }
}
