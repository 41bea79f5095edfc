package org.awardinghub.query.privacy;

/**
 * Which of the policy's periods a candidate's record is kept for, by the state it is in: certificated, withdrawn, or
 * neither (registered, whatever became of it). The period is counted from the record's last activity.
 */
public enum RetentionBasis {
    CERTIFICATION,
    WITHDRAWAL,
    LAST_ACTIVITY
}
