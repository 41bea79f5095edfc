package org.awardinghub.events.consideration;

/** IMI's decision on an application for special consideration. */
public enum ConsiderationDecision {
    /** The attempt is voided and counts for nothing; the candidate may re-sit at once, once, without the usual wait. */
    VOID_AND_RESIT,
    /** The result stands; the candidate's record shows the consideration beside it. */
    NOTE_ON_RECORD,
    REJECTED
}
