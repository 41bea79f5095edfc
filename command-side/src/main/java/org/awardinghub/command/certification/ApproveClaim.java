package org.awardinghub.command.certification;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** IMI approves a waiting claim: the certificate is issued. Answers the certificate number. */
public record ApproveClaim(@TargetAggregateIdentifier String claimId) {}
