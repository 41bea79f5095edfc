package org.awardinghub.query.audit;

/**
 * Everything the certificate {@code certificateNumber} rests on ({@link Provenance}). {@code claimId} is the claim it
 * was issued on, as the command side's certificate directory knows it: the audit log is read by record and by
 * candidate, not by certificate number. Answers null when the log holds no issue of that number on that claim (yet).
 */
public record FindProvenance(String certificateNumber, String claimId) {}
