package org.awardinghub.events.centre;

/** What a sanctioned centre may no longer do. */
public enum Sanction {
    REGISTRATIONS,
    CERTIFICATION
}
