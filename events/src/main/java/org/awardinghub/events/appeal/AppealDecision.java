package org.awardinghub.events.appeal;

public enum AppealDecision {
    /** The appeal succeeds: the result is corrected to the outcome and score IMI gives. */
    UPHELD,
    /** The result stands. */
    DISMISSED
}
