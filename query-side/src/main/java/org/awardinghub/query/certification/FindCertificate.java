package org.awardinghub.query.certification;

/** One certificate by its number ({@link CertificateView}); null when unknown. */
public record FindCertificate(String certificateNumber) {}
