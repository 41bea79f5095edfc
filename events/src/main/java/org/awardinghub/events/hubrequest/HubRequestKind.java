package org.awardinghub.events.hubrequest;

public enum HubRequestKind {
    /** A centre asks IMI for something (a form, a change, help). */
    REQUEST,
    /** A centre tells IMI something, needing no action. */
    FEEDBACK
}
