package org.awardinghub.query.assessment;

/**
 * The centre's running attempts (STARTED, paused or not), as {@link AttemptView}s without marks: the invigilator's
 * room. Answered by {@link AttemptProjection}.
 */
public record ListRunningAttempts(String centreId) {}
