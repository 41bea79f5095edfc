package org.awardinghub.events.assessment;

/**
 * Why an invigilator paused an attempt: a supervised rest break (only for a candidate whose access arrangements
 * allow one), an emergency such as a fire alarm or an evacuation, or anything else, which the reason explains.
 */
public enum PauseKind {
    REST_BREAK,
    EMERGENCY,
    OTHER
}
