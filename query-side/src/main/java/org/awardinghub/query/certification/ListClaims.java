package org.awardinghub.query.certification;

import org.awardinghub.events.certification.ClaimStatus;

/**
 * A page of claims, oldest claimed first (the approval queue's order): of one centre, or of all when
 * {@code centreId} is null; of one status, or of all when {@code status} is null ({@link ClaimView}s).
 */
public record ListClaims(String centreId, ClaimStatus status, int page, int size) {}
