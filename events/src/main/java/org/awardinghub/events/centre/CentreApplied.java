package org.awardinghub.events.centre;

public record CentreApplied(String centreId, String name, String address, String contactEmail) {}
