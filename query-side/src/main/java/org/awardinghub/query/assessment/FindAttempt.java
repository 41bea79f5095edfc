package org.awardinghub.query.assessment;

/** One attempt as centre users and IMI staff see it ({@link AttemptView}); null when unknown. */
public record FindAttempt(String attemptId) {}
