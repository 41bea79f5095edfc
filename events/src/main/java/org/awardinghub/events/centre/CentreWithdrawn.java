package org.awardinghub.events.centre;

public record CentreWithdrawn(String centreId, String reason) {}
