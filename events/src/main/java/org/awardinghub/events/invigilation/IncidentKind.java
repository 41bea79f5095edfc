package org.awardinghub.events.invigilation;

/** What happened in the room, in the words of a JCQ-style incident log. */
public enum IncidentKind {
    LATE_START,
    DISRUPTION,
    SUSPECTED_MALPRACTICE,
    TECHNICAL_FAILURE,
    ILLNESS,
    OTHER
}
