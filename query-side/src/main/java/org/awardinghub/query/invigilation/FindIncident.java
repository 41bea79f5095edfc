package org.awardinghub.query.invigilation;

/** One incident by id: an {@link IncidentView}, or null. */
public record FindIncident(String incidentId) {}
