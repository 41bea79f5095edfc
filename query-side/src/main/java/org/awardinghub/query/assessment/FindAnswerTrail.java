package org.awardinghub.query.assessment;

/** The full answer trail of an attempt, for IMI staff and auditors ({@link AnswerTrail}); null when unknown. */
public record FindAnswerTrail(String attemptId) {}
