package org.awardinghub.command.certification;

import org.awardinghub.events.certification.ClaimStatus;

/** What claiming answers: ISSUED at once (Direct Claim Status, with the certificate number) or AWAITING_APPROVAL. */
public record ClaimMade(String claimId, ClaimStatus status, String certificateNumber) {}
