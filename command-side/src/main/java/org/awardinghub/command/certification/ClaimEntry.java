package org.awardinghub.command.certification;

import org.awardinghub.events.certification.ClaimStatus;

/** A claim as the command side's {@link CertificateDirectory} knows it, current within the changing transaction. */
public record ClaimEntry(
        String claimId,
        String candidateId,
        String centreId,
        String qualificationCode,
        ClaimStatus status,
        String certificateNumber) {}
