package org.awardinghub.command.certification;

import org.awardinghub.events.certification.CertificateStatus;

/** A certificate number as the command side's {@link CertificateDirectory} knows it. */
public record CertificateEntry(
        String certificateNumber,
        String claimId,
        String candidateId,
        String centreId,
        String qualificationCode,
        CertificateStatus status) {}
