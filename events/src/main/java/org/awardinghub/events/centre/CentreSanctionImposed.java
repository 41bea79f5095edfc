package org.awardinghub.events.centre;

public record CentreSanctionImposed(String centreId, Sanction sanction, String reason) {}
