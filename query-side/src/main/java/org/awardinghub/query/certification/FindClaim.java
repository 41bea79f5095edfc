package org.awardinghub.query.certification;

/** One claim ({@link ClaimView}); null when unknown. */
public record FindClaim(String claimId) {}
