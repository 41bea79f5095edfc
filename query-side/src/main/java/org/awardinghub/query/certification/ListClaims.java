package org.awardinghub.query.certification;

import java.time.LocalDate;
import org.awardinghub.events.certification.ClaimStatus;

/**
 * A page of claims, oldest claimed first (the approval queue's order): of one centre, or of all when
 * {@code centreId} is null; of one status, or of all when {@code status} is null; claimed on or after the day
 * {@code claimedFrom} and on or before the day {@code claimedTo} (UTC) when given ({@link ClaimView}s).
 */
public record ListClaims(
        String centreId, ClaimStatus status, LocalDate claimedFrom, LocalDate claimedTo, int page, int size) {

    /** Claimed on any day. */
    public ListClaims(String centreId, ClaimStatus status, int page, int size) {
        this(centreId, status, null, null, page, size);
    }
}
