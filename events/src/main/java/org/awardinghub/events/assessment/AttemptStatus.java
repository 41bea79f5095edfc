package org.awardinghub.events.assessment;

/**
 * Where an attempt stands. OPENED: the access key is out, the candidate has not started. STARTED: the clock runs.
 * SUBMITTED: marked, by the candidate or at the time limit. EXPIRED: the key lapsed unused. VOIDED: IMI voided it.
 */
public enum AttemptStatus {
    OPENED,
    STARTED,
    SUBMITTED,
    EXPIRED,
    VOIDED
}
