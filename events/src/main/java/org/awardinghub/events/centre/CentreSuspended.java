package org.awardinghub.events.centre;

public record CentreSuspended(String centreId, String reason) {}
