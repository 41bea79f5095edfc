package org.awardinghub.query.invigilation;

/** A page of one centre's incidents, latest occurred first: {@link IncidentView}s. */
public record ListCentreIncidents(String centreId, int page, int size) {}
