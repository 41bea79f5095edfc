package org.awardinghub.api.security;

/**
 * A candidate sitting an assessment: no PIN, no session, only an attempt token that names one attempt. They are
 * named in the audit trail by their registration number.
 */
public record SittingCandidate(String attemptId, String registrationNumber) {}
