package org.awardinghub.events.centre;

public record DirectClaimStatusRemoved(String centreId, String reason) {}
