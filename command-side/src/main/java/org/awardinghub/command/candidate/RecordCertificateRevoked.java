package org.awardinghub.command.candidate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sent by the certification policy when the candidate's certificate was revoked: REGISTERED again. Idempotent. */
public record RecordCertificateRevoked(
        @TargetAggregateIdentifier String candidateId, String claimId, String certificateNumber, String reason) {}
