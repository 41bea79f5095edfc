package org.awardinghub.command.candidate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Sent by the certification policy when a claim's certificate was issued: the candidate becomes CERTIFICATED.
 * Idempotent: the same claim recorded twice records nothing the second time.
 */
public record RecordCertificate(
        @TargetAggregateIdentifier String candidateId,
        String claimId,
        String qualificationCode,
        String certificateNumber) {}
