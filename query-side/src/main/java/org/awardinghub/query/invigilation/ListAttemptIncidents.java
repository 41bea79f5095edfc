package org.awardinghub.query.invigilation;

/** The incidents recorded against one attempt, latest first: {@link IncidentView}s. */
public record ListAttemptIncidents(String attemptId) {}
