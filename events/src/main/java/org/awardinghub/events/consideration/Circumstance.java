package org.awardinghub.events.consideration;

/** What affected the candidate at a sitting, outside their control. */
public enum Circumstance {
    /** Something that happened in the room: a fire alarm, a disruption, a technical failure (an incident id names it). */
    INCIDENT_IN_ROOM,
    ILLNESS,
    BEREAVEMENT,
    OTHER
}
