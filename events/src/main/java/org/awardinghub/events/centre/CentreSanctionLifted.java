package org.awardinghub.events.centre;

public record CentreSanctionLifted(String centreId, Sanction sanction, String reason) {}
