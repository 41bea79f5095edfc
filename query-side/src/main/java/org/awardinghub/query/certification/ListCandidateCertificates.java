package org.awardinghub.query.certification;

/** Every certificate number a candidate has held, oldest first ({@link CertificateView}s); empty when none. */
public record ListCandidateCertificates(String candidateId) {}
