package org.awardinghub.events.centre;

public record CentreReinstated(String centreId, String reason) {}
