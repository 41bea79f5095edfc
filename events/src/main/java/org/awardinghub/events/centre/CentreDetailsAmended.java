package org.awardinghub.events.centre;

/** Old and new values side by side, so the history reads without replaying. */
public record CentreDetailsAmended(
        String centreId,
        String oldName,
        String name,
        String oldAddress,
        String address,
        String oldContactEmail,
        String contactEmail,
        String reason) {}
