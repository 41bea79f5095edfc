package org.awardinghub.query.assessment;

/** The candidate's own live view of their attempt ({@link SittingView}); null when unknown or not started. */
public record FindSitting(String attemptId) {}
