package org.awardinghub.command.certification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A CENTRE_ADMIN or CENTRE_COORDINATOR ({@code claimedByUserId}) of the candidate's centre claims the certificate of
 * the candidate's qualification. Answers {@link ClaimMade}; refused with {@link NotEligible} listing every reason.
 */
public record ClaimCertificate(@TargetAggregateIdentifier String claimId, String candidateId, String claimedByUserId) {}
