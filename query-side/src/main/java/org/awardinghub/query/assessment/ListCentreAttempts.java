package org.awardinghub.query.assessment;

import java.time.LocalDate;
import org.awardinghub.events.assessment.AttemptStatus;

/**
 * A page of a centre's attempts, newest opened first, optionally of one status and opened on the days
 * {@code openedFrom} to {@code openedTo} (UTC, both included) ({@link AttemptSummary}s); a null centre lists nothing. Answered with a raw {@link org.awardinghub.query.Page}: ask with
 * {@code ResponseTypes.instanceOf(Page.class)}.
 */
public record ListCentreAttempts(
        String centreId, AttemptStatus status, LocalDate openedFrom, LocalDate openedTo, int page, int size) {

    /** Opened on any day. */
    public ListCentreAttempts(String centreId, AttemptStatus status, int page, int size) {
        this(centreId, status, null, null, page, size);
    }
}
