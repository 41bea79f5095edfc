package org.awardinghub.events.certification;

/** Where a certificate claim stands: waiting for IMI (a centre without Direct Claim Status), issued, or rejected. */
public enum ClaimStatus {
    AWAITING_APPROVAL,
    ISSUED,
    REJECTED
}
