package org.awardinghub.events.certification;

/** What a certificate number verifies as: VALID, REPLACED (by another number) or REVOKED (from a date). */
public enum CertificateStatus {
    VALID,
    REPLACED,
    REVOKED
}
