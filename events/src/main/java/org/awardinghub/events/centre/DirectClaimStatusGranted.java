package org.awardinghub.events.centre;

public record DirectClaimStatusGranted(String centreId, String reason) {}
