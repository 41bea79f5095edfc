package org.awardinghub.events.appeal;

/** What a clerical re-check found: the result as recorded, or a different one. */
public enum ReCheckOutcome {
    CONFIRMED,
    CHANGED
}
